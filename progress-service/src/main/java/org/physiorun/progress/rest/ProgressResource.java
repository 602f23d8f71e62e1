package org.physiorun.progress.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
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
import org.physiorun.progress.repository.AthleteScope;
import org.physiorun.progress.security.Access;
import org.physiorun.progress.service.AdherenceService;
import org.physiorun.progress.service.FhirViews;
import org.physiorun.progress.service.ProgressQueries;
import org.physiorun.support.fhir.FhirJson;
import org.physiorun.support.problem.ProblemException;
import org.physiorun.support.security.Caller;

import java.time.Instant;
import java.util.List;

@Path("/api/progress/{athleteId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "The capacity check and the athlete's history")
@RolesAllowed({Caller.RUNNER, Caller.PHYSIO, Caller.CLINIC_ADMIN, Caller.CLINIC_SYSTEM})
public class ProgressResource {

    private final Access access;
    private final ProgressQueries queries;
    private final AdherenceService adherence;
    private final FhirViews fhir;

    ProgressResource(Access access, ProgressQueries queries, AdherenceService adherence, FhirViews fhir) {
        this.access = access;
        this.queries = queries;
        this.adherence = adherence;
        this.fhir = fhir;
    }

    @GET
    @Operation(summary = "The capacity check: each criterion of the next gate, met or not, and why")
    public CapacityCheckView check(@PathParam("athleteId") String athleteId) {
        AthleteScope scope = access.toRead(athleteId);
        return queries.capacityCheck(scope, Instant.now()).orElseThrow(() -> noPlan(scope));
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "The sessions counted for the active plan, newest first")
    public List<SessionView> sessions(@PathParam("athleteId") String athleteId) {
        AthleteScope scope = access.toRead(athleteId);
        return queries.sessions(scope).orElseThrow(() -> noPlan(scope));
    }

    @GET
    @Path("/events")
    @Operation(summary = "The progression events emitted for the athlete, oldest first, as CloudEvents")
    public List<JsonNode> events(@PathParam("athleteId") String athleteId) {
        AthleteScope scope = access.toRead(athleteId);
        return queries.events(scope).orElseThrow(() -> noPlan(scope));
    }

    @GET
    @Path("/adherence")
    @Operation(summary = "Planned against done: per week (Monday to Sunday, the athlete's zone) and exercise, and over"
            + " the seven whole days before today")
    public AdherenceView adherence(@PathParam("athleteId") String athleteId,
                                   @QueryParam("weeks") @DefaultValue("4") @Min(1) @Max(52) int weeks) {
        AthleteScope scope = access.toRead(athleteId);
        return adherence.adherence(scope, weeks, Instant.now()).orElseThrow(() -> noPlan(scope));
    }

    @GET
    @Path("/fhir")
    @Produces(FhirJson.MEDIA_TYPE)
    @Operation(summary = "The same as a FHIR R4 Bundle: a pain Observation (LOINC 72514-3) per session, then an"
            + " Observation per progression decision")
    public String fhir(@PathParam("athleteId") String athleteId) {
        AthleteScope scope = access.toRead(athleteId);
        return fhir.progress(scope, Instant.now()).orElseThrow(() -> noPlan(scope));
    }

    private static ProblemException noPlan(AthleteScope scope) {
        return ProblemException.notFound("Athlete '" + scope.athleteId() + "' has no active plan"
                + (scope.limitedToClinic() ? " in your clinic." : "."));
    }
}
