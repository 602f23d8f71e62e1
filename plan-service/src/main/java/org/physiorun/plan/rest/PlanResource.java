package org.physiorun.plan.rest;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.plan.api.PlanDto;
import org.physiorun.plan.api.PlanIntake;
import org.physiorun.plan.api.PlanSettings;
import org.physiorun.plan.api.ScheduleDto;
import org.physiorun.plan.service.CalendarLinks;
import org.physiorun.plan.service.FhirViews;
import org.physiorun.plan.service.PlanService;
import org.physiorun.plan.service.PlanSettingsService;
import org.physiorun.plan.service.ScheduleService;
import org.physiorun.support.fhir.FhirJson;
import org.physiorun.support.problem.ProblemException;
import org.physiorun.support.security.Caller;

import java.util.List;

/**
 * Every role of the realm may call these; which athletes' and clinics' plans each caller may make, read and change
 * is PlanAccess's to decide. A clinic's system only reads.
 */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Triage, and each athlete's phased programme with its schedule: the athlete's own,"
        + " and their clinic's")
@RolesAllowed({Caller.RUNNER, Caller.PHYSIO, Caller.CLINIC_ADMIN, Caller.CLINIC_SYSTEM})
public class PlanResource {

    private final PlanService plans;
    private final ScheduleService schedules;
    private final PlanSettingsService settingsService;
    private final FhirViews fhir;

    PlanResource(PlanService plans, ScheduleService schedules, PlanSettingsService settingsService, FhirViews fhir) {
        this.plans = plans;
        this.schedules = schedules;
        this.settingsService = settingsService;
        this.fhir = fhir;
    }

    @POST
    @RolesAllowed({Caller.RUNNER, Caller.PHYSIO, Caller.CLINIC_ADMIN})
    @Operation(summary = "Intake: triage the injury and make the plan",
            description = "201 with the plan, which belongs to the caller's clinic; 403 for a runner asking for"
                    + " someone else; 409 (problem type /problems/athlete-in-another-clinic) when the athlete's"
                    + " active plan is another clinic's; 422 (problem type /problems/referral-required) listing"
                    + " every triage rule that refused; 503 when the exercise catalogue cannot be reached. Nothing is"
                    + " stored unless the answer is 201. A new plan closes the athlete's previous one.")
    public Response create(@Valid @NotNull(message = "a request body is required") PlanIntake intake,
                           @Context UriInfo uri) {
        PlanDto plan = plans.open(intake, links(uri));
        return Response.created(uri.getAbsolutePathBuilder().path(plan.planId().toString()).build())
                .entity(plan).build();
    }

    @GET
    @Operation(summary = "An athlete's plans that the caller may see, newest first",
            description = "All of them for the athlete themselves; the caller's clinic's for its staff and system.")
    public List<PlanDto> list(@QueryParam("athleteId") @NotBlank(message = "is required") String athleteId,
                              @Context UriInfo uri) {
        return plans.forAthlete(athleteId, links(uri));
    }

    @GET
    @Path("/{planId}")
    @Operation(summary = "One plan with its phases, dates, prescriptions and private calendar link")
    public PlanDto get(@PathParam("planId") String planId, @Context UriInfo uri) {
        return plans.find(planId, links(uri)).orElseThrow(() -> notFound(planId));
    }

    @PATCH
    @Path("/{planId}")
    @RolesAllowed({Caller.RUNNER, Caller.PHYSIO, Caller.CLINIC_ADMIN})
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "The athlete changes their own settings: reminder time, time zone or both",
            description = "200 with the plan. A field left out keeps its value; an unknown field, a malformed value"
                    + " or an empty body is a 400 naming the field; a closed plan is a 409. A real change publishes"
                    + " plan-updated on plan-events. Nothing is stored unless the answer is 200.")
    public PlanDto change(@PathParam("planId") String planId,
                          @Valid @NotNull(message = "a request body is required") PlanSettings settings,
                          @Context UriInfo uri) {
        return settingsService.change(planId, settings, links(uri)).orElseThrow(() -> notFound(planId));
    }

    @POST
    @Path("/{planId}/calendar-url")
    @Consumes(MediaType.WILDCARD) // it takes no body, so whatever type a client names for none is fine
    @RolesAllowed({Caller.RUNNER, Caller.PHYSIO, Caller.CLINIC_ADMIN})
    @Operation(summary = "A new private calendar link for the plan; the old one stops working",
            description = "200 with the plan and its new calendarUrl; a closed plan is a 409.")
    public PlanDto renewCalendarLink(@PathParam("planId") String planId, @Context UriInfo uri) {
        return settingsService.renewCalendarLink(planId, links(uri)).orElseThrow(() -> notFound(planId));
    }

    @GET
    @Path("/{planId}/schedule")
    @Operation(summary = "The sessions due each day of a range, for the phase the athlete is in now")
    public ScheduleDto schedule(@PathParam("planId") String planId,
                                @Parameter(description = "first day (ISO date); today in the athlete's time zone when absent")
                                @QueryParam("from") String from,
                                @Parameter(description = "last day (ISO date), at most 92 days after from; a week when absent")
                                @QueryParam("to") String to) {
        return schedules.schedule(planId, from, to).orElseThrow(() -> notFound(planId));
    }

    @GET
    @Path("/{planId}/calendar.ics")
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(summary = "The same schedule as an iCalendar file (RFC 5545)")
    public Response calendar(@PathParam("planId") String planId, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        return ICalendar.download(schedules.schedule(planId, from, to).orElseThrow(() -> notFound(planId)));
    }

    @GET
    @Path("/{planId}/fhir")
    @Produces(FhirJson.MEDIA_TYPE)
    @Operation(summary = "The plan as a FHIR R4 Bundle: the CarePlan (instantiating the protocol's PlanDefinition)"
            + " with an activity per exercise, and the return-to-run Goal")
    public String fhir(@PathParam("planId") String planId) {
        return fhir.plan(planId).orElseThrow(() -> notFound(planId));
    }

    private static CalendarLinks links(UriInfo uri) {
        return new CalendarLinks(uri.getBaseUri());
    }

    private static ProblemException notFound(String planId) {
        return ProblemException.notFound("No plan has id '" + planId + "'.");
    }
}
