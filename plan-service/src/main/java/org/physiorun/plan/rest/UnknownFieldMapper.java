package org.physiorun.plan.rest;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.physiorun.support.problem.Problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A field that a {@link StrictJson} body does not take: the general mapping would call its value malformed,
 * which misleads, so the answer names the field and the fields there are.
 */
public class UnknownFieldMapper {

    @ServerExceptionMapper
    public Response unknown(UnrecognizedPropertyException e) {
        String known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", "));
        String message = "is not a field of this request, which takes " + known;
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem("/problems/malformed-body", "Malformed request body", 400,
                        "'" + e.getPropertyName() + "' " + message + ".",
                        List.of(new Problem.FieldError(e.getPropertyName(), message))))
                .build();
    }
}
