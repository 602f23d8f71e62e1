package org.physiorun.progress.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.progress.api.AdherenceView;
import org.physiorun.progress.api.CapacityCheckView;
import org.physiorun.progress.api.SessionView;
import org.physiorun.progress.service.AdherenceService;
import org.physiorun.progress.service.ProgressQueries;
import org.physiorun.support.problem.ProblemException;

import java.time.Instant;
import java.util.List;

@Path("/api/progress/{athleteId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "The capacity check and the athlete's history")
public class ProgressResource {

    private final ProgressQueries queries;
    private final AdherenceService adherence;

    ProgressResource(ProgressQueries queries, AdherenceService adherence) {
        this.queries = queries;
        this.adherence = adherence;
    }

    @GET
    @Operation(summary = "The capacity check: each criterion of the next gate, met or not, and why")
    public CapacityCheckView check(@PathParam("athleteId") String athleteId) {
        return queries.capacityCheck(athleteId, Instant.now()).orElseThrow(() -> noPlan(athleteId));
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "The sessions counted for the active plan, newest first")
    public List<SessionView> sessions(@PathParam("athleteId") String athleteId) {
        return queries.sessions(athleteId).orElseThrow(() -> noPlan(athleteId));
    }

    @GET
    @Path("/events")
    @Operation(summary = "The progression events emitted for the athlete, oldest first, as CloudEvents")
    public List<JsonNode> events(@PathParam("athleteId") String athleteId) {
        return queries.events(athleteId).orElseThrow(() -> noPlan(athleteId));
    }

    @GET
    @Path("/adherence")
    @Operation(summary = "Planned against done: per week (Monday to Sunday, the athlete's zone) and exercise, and over"
            + " the seven whole days before today")
    public AdherenceView adherence(@PathParam("athleteId") String athleteId,
                                   @QueryParam("weeks") @DefaultValue("4") @Min(1) @Max(52) int weeks) {
        return adherence.adherence(athleteId, weeks, Instant.now()).orElseThrow(() -> noPlan(athleteId));
    }

    private static ProblemException noPlan(String athleteId) {
        return ProblemException.notFound("Athlete '" + athleteId + "' has no active plan.");
    }
}
