package org.physiorun.progress.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.progress.api.AthleteSummary;
import org.physiorun.progress.service.ProgressQueries;

import java.time.Instant;
import java.util.List;

@Path("/api/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "The capacity check and the athlete's history")
public class AthletesResource {

    private final ProgressQueries queries;

    AthletesResource(ProgressQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Every athlete with an active plan: phase, last session, latest alerts, review flags and"
            + " adherence over the last seven days (for physiotherapists)")
    public List<AthleteSummary> athletes() {
        return queries.athletes(Instant.now());
    }
}
