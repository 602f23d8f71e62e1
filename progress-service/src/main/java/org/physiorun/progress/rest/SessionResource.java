package org.physiorun.progress.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.events.SessionEvent;
import org.physiorun.progress.security.Access;
import org.physiorun.progress.service.SessionIntake;
import org.physiorun.support.security.Caller;

import java.net.URI;

@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Logging what the runner did")
public class SessionResource {

    private final Access access;
    private final SessionIntake intake;

    SessionResource(Access access, SessionIntake intake) {
        this.access = access;
        this.intake = intake;
    }

    @POST
    @RolesAllowed({Caller.RUNNER, Caller.PHYSIO})
    @Operation(summary = "Log a session", description = "202 once it is on session-events; it is counted from there."
            + " Posting the same eventId again changes nothing. A runner logs their own sessions; a physiotherapist"
            + " those of their clinic's athletes, vouching for them (no limit on how late).")
    @Blocking // the checks read the database; the wait for the broker holds no thread
    public Uni<Response> log(@Valid @NotNull(message = "a request body is required") SessionEvent session) {
        EnteredBy enteredBy = access.toLogFor(session.athleteId());
        return Uni.createFrom().completionStage(intake.submit(session, enteredBy))
                .map(advice -> Response.accepted(new SessionAccepted(session.eventId(), "accepted", advice))
                        .location(URI.create("/api/progress/" + session.athleteId() + "/sessions")).build());
    }
}
