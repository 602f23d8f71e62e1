package org.physiorun.plan.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.plan.service.ScheduleService;
import org.physiorun.support.problem.ProblemException;

/**
 * A plan's private calendar link, for calendar apps, which cannot send a bearer token: whoever holds the link
 * reads the calendar, so the link is the secret, and the athlete can renew it.
 */
@Path("/api/calendars")
@Tag(name = "Calendars", description = "A plan's calendar by its private link, without a token")
@PermitAll
public class CalendarResource {

    private final ScheduleService schedules;

    CalendarResource(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @GET
    @Path("/{token}.ics")
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(summary = "The plan's calendar, as GET /api/plans/{planId}/calendar.ics gives it",
            description = "404 for a link that was renewed, or whose plan is closed.")
    public Response calendar(@PathParam("token") String token, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        return ICalendar.download(schedules.scheduleByCalendarLink(token, from, to).orElseThrow(() ->
                ProblemException.notFound("No active plan has this calendar link: it was renewed, or its plan has"
                        + " ended. The plan shows its current link.")));
    }
}
