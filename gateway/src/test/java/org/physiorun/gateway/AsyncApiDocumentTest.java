package org.physiorun.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The document the gateway serves is a valid AsyncAPI 3.0 document, by the specification's own JSON Schema (from
 * {@code @asyncapi/specs}, see src/test/resources/asyncapi-spec/NOTICE). That schema bundles every definition it
 * refers to under its {@code $id}, and the validator has the draft-07 meta-schema built in: nothing is fetched.
 * Whether the document matches the records the services really publish is checked in those services' tests.
 */
class AsyncApiDocumentTest {

    @Test
    void theDocumentIsValidAsyncApi3() throws IOException {
        JsonNode document = new YAMLMapper().readTree(resource("asyncapi/asyncapi.yaml"));
        Schema asyncApi3;
        try (InputStream spec = resource("asyncapi-spec/3.0.0.json")) {
            asyncApi3 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(spec);
        }

        List<Error> errors = asyncApi3.validate(document);

        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
        assertEquals("3.0.0", document.get("asyncapi").asText());
    }

    private static InputStream resource(String name) {
        InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test classpath");
        }
        return in;
    }
}
