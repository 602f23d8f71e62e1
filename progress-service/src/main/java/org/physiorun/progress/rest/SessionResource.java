package org.physiorun.progress.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.progress.api.SessionAccepted;
import org.physiorun.progress.domain.Advice;
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.events.SessionEvent;
import org.physiorun.progress.service.SessionIntake;

import java.net.URI;
import java.util.List;

@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Logging what the runner did")
public class SessionResource {

    private final SessionIntake intake;

    SessionResource(SessionIntake intake) {
        this.intake = intake;
    }

    @POST
    @Operation(summary = "Log a session", description = "202 once it is on session-events; it is counted from there."
            + " Posting the same eventId again changes nothing.")
    public Response log(@Valid @NotNull(message = "a request body is required") SessionEvent session) {
        // Until logins arrive every posted session is the runner's own entry, with the runner's limit on lateness.
        List<Advice> advice = intake.submit(session, EnteredBy.RUNNER);
        return Response.accepted(new SessionAccepted(session.eventId(), "accepted", advice))
                .location(URI.create("/api/progress/" + session.athleteId() + "/sessions")).build();
    }
}
