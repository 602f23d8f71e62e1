package org.physiorun.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.physiorun.support.problem.Problem;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses the NUL character wherever a client can send text: PostgreSQL cannot store it in a text column, so
 * without this a NUL in a path, a query parameter or a JSON string reaches the database and fails there as a 500.
 * Any other character is the services' own business to validate.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {

    private static final char NUL = '\u0000';

    /** A NUL in the (decoded) path or in a query parameter: 400, before any resource or query runs. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseInPathOrQuery(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf(NUL) >= 0) {
            return Optional.of(refused("path", "The path contains a NUL character (%00), which no identifier has."));
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getKey().indexOf(NUL) >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf(NUL) >= 0)) {
                return Optional.of(refused(parameter.getKey().replace(NUL, '?'),
                        "The query parameter contains a NUL character (%00), which no value may have."));
            }
        }
        return Optional.empty();
    }

    /** A NUL inside a JSON string: the body is malformed, answered like any other malformed value. */
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("physiorun-no-nul").addDeserializer(String.class, new NoNulStrings()));
    }

    private static Response refused(String field, String detail) {
        Problem problem = new Problem("/problems/validation", "Invalid request", 400, detail,
                List.of(new Problem.FieldError(field, detail)));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf(NUL) >= 0) {
                throw InvalidFormatException.from(parser, "a text value contains a NUL character", text, String.class);
            }
            return text;
        }
    }
}
