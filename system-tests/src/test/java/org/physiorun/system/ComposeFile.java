package org.physiorun.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operators' docker-compose.yml as compose reads it, for the tests that check it against the real services and
 * broker: each service's environment with {@code ${NAME:-default}} resolved to its default (what an operator gets
 * who sets nothing).
 */
final class ComposeFile {

    static final Path PATH = Path.of("..", "docker-compose.yml");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private final JsonNode services;

    private ComposeFile(JsonNode services) {
        this.services = services;
    }

    static ComposeFile read() throws IOException {
        return new ComposeFile(new ObjectMapper(new YAMLFactory()).readTree(PATH.toFile()).path("services"));
    }

    /** The services compose builds from this repository (those with a {@code build} section). */
    List<String> builtServices() {
        List<String> built = new ArrayList<>();
        services.fields().forEachRemaining(service -> {
            if (service.getValue().has("build")) {
                built.add(service.getKey());
            }
        });
        return built;
    }

    /** The build context of a service compose builds, relative to the repository. */
    String buildContext(String service) {
        return services.path(service).path("build").path("context").asText();
    }

    /** The environment compose gives {@code service}, interpolated. */
    Map<String, String> environment(String service) {
        if (!services.has(service)) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + service);
        }
        JsonNode environment = services.path(service).path("environment");
        Map<String, String> resolved = new LinkedHashMap<>();
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                resolved.put(pair[0], pair.length > 1 ? interpolate(pair[1]) : "");
            });
        } else {
            environment.fields().forEachRemaining(entry -> resolved.put(entry.getKey(), interpolate(entry.getValue().asText())));
        }
        return resolved;
    }

    /** {@code ${NAME:-default}} and {@code ${NAME-default}} become the default, {@code ${NAME}} nothing, {@code $$} one $. */
    static String interpolate(String value) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String replacement = variable.group().equals("$$") ? "$"
                    : variable.group(2) != null ? variable.group(2) : "";
            variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return variable.appendTail(result).toString();
    }
}
