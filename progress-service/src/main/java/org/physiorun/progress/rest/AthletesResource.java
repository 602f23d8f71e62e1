package org.physiorun.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.progress.api.AthleteSummary;
import org.physiorun.progress.security.Access;
import org.physiorun.progress.service.ProgressQueries;
import org.physiorun.support.security.Caller;

import java.time.Instant;
import java.util.List;

@Path("/api/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "The capacity check and the athlete's history")
public class AthletesResource {

    private final Access access;
    private final ProgressQueries queries;

    AthletesResource(Access access, ProgressQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Caller.PHYSIO, Caller.CLINIC_ADMIN, Caller.CLINIC_SYSTEM})
    @Operation(summary = "The caller's clinic's athletes with an active plan there: phase, last session, latest alerts,"
            + " review flags and adherence over the last seven days (for physiotherapists)")
    public List<AthleteSummary> athletes() {
        return queries.athletes(access.clinicToList(), Instant.now());
    }
}
