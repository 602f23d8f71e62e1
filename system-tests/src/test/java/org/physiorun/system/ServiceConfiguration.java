package org.physiorun.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration a packaged service reads, found in what it runs ({@code target/quarkus-app}): every property of
 * the Quarkus extensions it has (each extension jar's configuration model), its own {@code @ConfigMapping} interfaces
 * and {@code @ConfigProperty} injection points, and, if it has the Kafka client, every Kafka client setting (Quarkus
 * hands each {@code kafka.*} property to the clients). {@link #reads} tells whether an environment variable maps to
 * one of them the way SmallRye Config maps it: upper case, every other character an underscore, a map key (quoted
 * or {@code *} in a name) any run of letters, digits and underscores.
 */
final class ServiceConfiguration {

    private static final String CONFIG_MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static final Pattern NAME_PART = Pattern.compile("\"[^\"]*\"|\\[\\*]|\\*|[A-Za-z0-9]|.");

    private final List<Pattern> properties = new ArrayList<>();
    private final Set<String> kafkaSettings = new HashSet<>();

    private ServiceConfiguration() {
    }

    /** The configuration of the service packaged under {@code module/target/quarkus-app}. */
    static ServiceConfiguration of(Path module) throws Exception {
        Path app = module.resolve("target/quarkus-app");
        if (!Files.isDirectory(app)) {
            throw new IllegalStateException(app + " is missing: package the service first");
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(app.resolve("app")), Files.list(app.resolve("lib/main")))) {
            files.filter(file -> file.toString().endsWith(".jar")).forEach(jars::add);
        }
        ServiceConfiguration configuration = new ServiceConfiguration();
        Set<String> names = new HashSet<>();
        for (Path jar : jars) {
            names.addAll(configModel(jar));
            if (jar.getFileName().toString().startsWith("org.apache.kafka.kafka-clients-")) {
                configuration.kafkaSettings.addAll(ProducerConfig.configNames());
                configuration.kafkaSettings.addAll(ConsumerConfig.configNames());
                configuration.kafkaSettings.addAll(AdminClientConfig.configNames());
            }
        }
        names.addAll(ownConfiguration(app.resolve("app"), app.resolve("lib/main"), jars));
        names.forEach(name -> configuration.properties.add(environmentPattern(name)));
        return configuration;
    }

    /** Whether the service reads the environment variable. */
    boolean reads(String variable) {
        if (variable.startsWith("KAFKA_")) {
            return kafkaSettings.contains(ComposeKafka.kafkaClientSetting(variable));
        }
        return properties.stream().anyMatch(property -> property.matcher(variable).matches());
    }

    /** The property's environment variable as a pattern: map keys and list indexes may be anything. */
    static Pattern environmentPattern(String property) {
        Matcher part = NAME_PART.matcher(property);
        StringBuilder regex = new StringBuilder();
        while (part.find()) {
            String text = part.group();
            if (text.startsWith("\"") || text.equals("*")) {
                regex.append("[A-Z0-9_]+");
            } else if (text.equals("[*]")) {
                regex.append("_[0-9]+_");
            } else if (Character.isLetterOrDigit(text.charAt(0))) {
                regex.append(text.toUpperCase());
            } else {
                regex.append('_');
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Every property name in a Quarkus extension's configuration model, none if the jar has none. */
    private static Set<String> configModel(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry model = file.getJarEntry(CONFIG_MODEL);
            if (model == null) {
                return Set.of();
            }
            try (InputStream in = file.getInputStream(model)) {
                Set<String> names = new HashSet<>();
                new ObjectMapper().readTree(in).findValues("property").forEach(name -> names.add(name.asText()));
                return names;
            }
        }
    }

    /**
     * The property names in the application's own classes and PhysioRun's libraries: each {@code @ConfigMapping}
     * interface's (as SmallRye names them) and each {@code @ConfigProperty}'s.
     */
    private static Set<String> ownConfiguration(Path appDir, Path libDir, List<Path> jars) throws Exception {
        URL[] classpath = jars.stream().map(ServiceConfiguration::url).toArray(URL[]::new);
        Set<String> names = new HashSet<>();
        try (URLClassLoader loader = new URLClassLoader(classpath, ServiceConfiguration.class.getClassLoader())) {
            for (Path jar : jars) {
                boolean own = jar.startsWith(appDir) || jar.startsWith(libDir)
                        && jar.getFileName().toString().startsWith("org.physiorun.");
                if (own) {
                    for (String className : classNames(jar)) {
                        try {
                            names.addAll(configurationOf(loader.loadClass(className)));
                        } catch (NoClassDefFoundError optionalDependencyAbsent) {
                            // a library class built on an optional dependency this service lacks (service-support's
                            // FhirJson in catalog-service): the service never loads it, so it reads nothing
                        }
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> configurationOf(Class<?> type) {
        Set<String> names = new HashSet<>();
        ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
        if (mapping != null) {
            names.addAll(ConfigMappings.getProperties(new ConfigMappings.ConfigClass(type, mapping.prefix())).keySet());
        }
        List<AnnotatedElement> injectionPoints = new ArrayList<>(List.of(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        Collections.addAll(executables, type.getDeclaredMethods());
        executables.forEach(executable -> injectionPoints.addAll(List.of(executable.getParameters())));
        for (AnnotatedElement point : injectionPoints) {
            ConfigProperty property = point.getAnnotation(ConfigProperty.class);
            if (property != null) {
                names.add(property.name());
            }
        }
        return names;
    }

    private static List<String> classNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.equals("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
