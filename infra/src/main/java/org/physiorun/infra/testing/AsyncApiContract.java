package org.physiorun.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AsyncAPI document that the gateway serves, as the producing services' tests check their real records against
 * it: each record's value must match the payload schema of its message (for a CloudEvent, the message of its
 * {@code type}), and its headers the message's header schema. The tests read the gateway's own copy, so the
 * document and the code cannot part without a test failing.
 */
public final class AsyncApiContract {

    /** The document, relative to the repository root; the gateway has it on its classpath at {@code asyncapi/}. */
    static final Path DOCUMENT = Path.of("gateway", "src", "main", "resources", "asyncapi", "asyncapi.yaml");
    /** An id for the document, so that its {@code $ref}s resolve within it; nothing is fetched from it. */
    private static final String BASE = "urn:physiorun:asyncapi";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile AsyncApiContract instance;

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private AsyncApiContract(JsonNode document) {
        this.document = document;
        String json = document.toString();
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(Map.of(BASE, json)));
    }

    /** The document of this checkout, read once per test JVM. */
    public static AsyncApiContract load() {
        if (instance == null) {
            synchronized (AsyncApiContract.class) {
                if (instance == null) {
                    instance = new AsyncApiContract(read(locate()));
                }
            }
        }
        return instance;
    }

    /** The CloudEvent types that the document gives the topic's messages. */
    public Set<String> eventTypes(String topic) {
        Set<String> types = new TreeSet<>();
        for (String message : messages(topic)) {
            JsonNode type = payload(message).at("/properties/type/const");
            if (!type.isMissingNode()) {
                types.add(type.asText());
            }
        }
        return types;
    }

    /**
     * What is wrong with a record's value on the topic, or nothing. On a topic of CloudEvents the message is the
     * one of the event's {@code type}; an event of a type the document does not give is wrong too.
     */
    public List<String> violations(String topic, JsonNode value) {
        String message = messageFor(topic, value);
        if (message == null) {
            return List.of(topic + " has no message for " + value.path("type"));
        }
        return check(message, "/payload", value);
    }

    /** What is wrong with a record's headers (each read as UTF-8 text, the last of a name winning), or nothing. */
    public List<String> headerViolations(String topic, JsonNode value, Headers headers) {
        String message = messageFor(topic, value);
        if (message == null) {
            return List.of(topic + " has no message for " + value.path("type"));
        }
        ObjectNode asJson = JSON.createObjectNode();
        for (Header header : headers) {
            asJson.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return check(message, "/headers", asJson);
    }

    /**
     * What is wrong with one HTTP delivery against the document's message of that name (under components/messages):
     * its headers, then its body; or nothing.
     */
    public List<String> deliveryViolations(String message, Map<String, String> headers, JsonNode body) {
        ObjectNode asJson = JSON.createObjectNode();
        headers.forEach(asJson::put);
        List<String> found = new ArrayList<>(check(message, "/headers", asJson));
        found.addAll(check(message, "/payload", body));
        return found;
    }

    private String messageFor(String topic, JsonNode value) {
        List<String> messages = messages(topic);
        if (messages.size() == 1 && eventTypes(topic).isEmpty()) {
            return messages.get(0);
        }
        String type = value.path("type").asText(null);
        return messages.stream()
                .filter(m -> payload(m).at("/properties/type/const").asText("").equals(type))
                .findFirst().orElse(null);
    }

    private List<String> check(String message, String part, JsonNode instance) {
        String pointer = "/components/messages/" + message + part;
        if (document.at(pointer).isMissingNode()) {
            return List.of("message " + message + " has no " + part.substring(1));
        }
        Schema schema = compiled.computeIfAbsent(pointer,
                p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + p)));
        List<String> found = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            found.add(message + ": " + error.getMessage());
        }
        return found;
    }

    /** The names (under components/messages) of the messages of the channel at this address. */
    private List<String> messages(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (topic.equals(channel.path("address").asText(null))) {
                List<String> names = new ArrayList<>();
                channel.path("messages").forEach(m -> names.add(lastSegment(m.path("$ref").asText())));
                return names;
            }
        }
        throw new IllegalArgumentException("The AsyncAPI document has no channel " + topic);
    }

    private JsonNode payload(String message) {
        JsonNode payload = document.at("/components/messages/" + message + "/payload");
        String ref = payload.path("$ref").asText(null);
        return ref == null ? payload : document.at(ref.substring(1));
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The document from a module's directory (where Maven runs its tests) or from the repository root. */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + DOCUMENT + " above " + Path.of("").toAbsolutePath());
    }

    private static JsonNode read(Path path) {
        try {
            return new YAMLMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
