package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.physiorun.plan.Identities.asPhysio;

/** The sessions due each day follow each exercise's frequency in the athlete's current phase. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class ScheduleTest {

    private static final String INJURY = "2026-10-01";

    @Test
    void eachPhaseFollowsItsExercisesFrequencies() throws Exception {
        Intake intake = Intake.accepted().with("injuryDate", INJURY);
        String planId = intake.open();

        // Phase 1: the isometric hold twice a day and the Extender once, every day.
        JsonPath phase1 = twoWeeks(planId);
        assertThat(phase1.getInt("phase"), equalTo(1));
        for (int day = 1; day <= 14; day++) {
            assertThat(exercisesOn(phase1, day), contains("isometric-heel-press", "isometric-heel-press", "extender"));
        }
        assertThat(phase1.getList("days[0].sessions.session"), contains(1, 2, 1));
        assertThat(phase1.getList("days[0].sessions.sessionsThatDay"), contains(2, 2, 1));
        assertThat(phase1.getList("days[0].sessions.dose"), contains("3 x 30-45 s hold", "3 x 30-45 s hold",
                "3 x 12 reps"));

        // Phase 2: three times a week on days 1, 3 and 5 of each programme week, never on consecutive days.
        Progression.move(intake.athleteId(), planId, 1, 2);
        JsonPath phase2 = twoWeeks(planId);
        assertThat(phase2.getString("phaseName"), equalTo("Eccentric Foundation"));
        assertThat(daysWithSessions(phase2), equalTo(Map.of(
                1, List.of("glider", "single-leg-rdl", "nordic-assisted"),
                3, List.of("glider", "single-leg-rdl", "nordic-assisted"),
                5, List.of("glider", "single-leg-rdl", "nordic-assisted"),
                8, List.of("glider", "single-leg-rdl", "nordic-assisted"),
                10, List.of("glider", "single-leg-rdl", "nordic-assisted"),
                12, List.of("glider", "single-leg-rdl", "nordic-assisted"))));
        assertThat(phase2.getList("days[0].sessions.dose"), contains("3 x 8 reps each leg", "3 x 10 reps",
                "3 x 6-8 reps"));

        // Phase 3: the Diver and the full Nordic three times a week, Walkouts every day in the warm-up.
        Progression.move(intake.athleteId(), planId, 2, 3);
        JsonPath phase3 = twoWeeks(planId);
        for (int day = 1; day <= 14; day++) {
            boolean strengthDay = Set.of(1, 3, 5, 8, 10, 12).contains(day);
            assertThat("day " + day, exercisesOn(phase3, day), equalTo(strengthDay
                    ? List.of("diver", "nordic-full", "walkouts") : List.of("walkouts")));
        }

        // Phase 4: A-skips three times a week plus an optional fourth; sprints on the same days, on the ladder.
        Progression.move(intake.athleteId(), planId, 3, 4);
        JsonPath phase4 = twoWeeks(planId);
        assertThat(daysWithSessions(phase4).keySet(), contains(1, 3, 5, 7, 8, 10, 12, 14));
        for (int day : List.of(1, 3, 5, 8, 10, 12)) {
            assertThat(exercisesOn(phase4, day), contains("a-skips", "sprint-build-ups"));
            assertThat(phase4.getList(day(day) + ".sessions.optional"), contains(false, false));
        }
        for (int day : List.of(7, 14)) {
            assertThat(exercisesOn(phase4, day), contains("a-skips", "sprint-build-ups"));
            assertThat(phase4.getList(day(day) + ".sessions.optional"), contains(true, true));
        }
        assertThat(phase4.getString("days[0].sessions[1].dose"), equalTo("6-8 x 40-60 m"));
        assertThat(phase4.getString("days[0].sessions[1].note"), containsString("A-skips and high knees"));
        assertThat(phase4.getString("days[0].sessions[1].note"), containsString("60%, 80%, 90%, 100%"));
        assertThat(phase4.getString("days[0].sessions[0].dose"), equalTo("3 x 20 m"));
    }

    @Test
    void theWeekFromTodayIsTheDefault() {
        Intake intake = Intake.accepted().with("timeZone", "Asia/Tokyo");
        String planId = intake.open();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        asPhysio().when().get("/api/plans/" + planId + "/schedule").then().statusCode(200)
                .body("from", equalTo(today.toString()))
                .body("to", equalTo(today.plusDays(6).toString()))
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("days", hasSize(7));
    }

    @Test
    void daysBeforeTheInjuryHaveNothingDue() {
        String planId = Intake.accepted().with("injuryDate", INJURY).open();
        asPhysio().queryParam("from", "2026-09-29").queryParam("to", "2026-10-01")
                .when().get("/api/plans/" + planId + "/schedule").then().statusCode(200)
                .body("days.date", contains("2026-09-29", "2026-09-30", "2026-10-01"))
                .body("days.day", contains(null, null, 1))
                .body("days[0].sessions", empty())
                .body("days[2].sessions", hasSize(3));
    }

    @Test
    void aClosedPlanHasNothingDue() {
        Intake intake = Intake.accepted().with("injuryDate", INJURY);
        String closed = intake.open();
        Intake.accepted().with("athleteId", intake.athleteId()).with("injuryDate", INJURY).open();
        asPhysio().queryParam("from", INJURY).queryParam("to", "2026-10-07")
                .when().get("/api/plans/" + closed + "/schedule").then().statusCode(200)
                .body("days", hasSize(7))
                .body("days.sessions", everyItem(empty()));
    }

    @Test
    void badRangesAreRefused() {
        String planId = Intake.accepted().open();
        String schedule = "/api/plans/" + planId + "/schedule";
        asPhysio().queryParam("from", "2026-10-10").queryParam("to", "2026-10-09").when().get(schedule)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
        // 1 January to 3 April is 93 days; one day less is the longest range allowed.
        asPhysio().queryParam("from", "2026-01-01").queryParam("to", "2026-04-03").when().get(schedule)
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("92"));
        asPhysio().queryParam("from", "2026-01-01").queryParam("to", "2026-04-02").when().get(schedule)
                .then().statusCode(200).body("days", hasSize(92));
        asPhysio().queryParam("from", "tomorrow").when().get(schedule)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("from"));
        asPhysio().when().get("/api/plans/6a1c0c8e-0000-4000-8000-000000000000/schedule")
                .then().statusCode(404).contentType("application/problem+json");
        // found by fuzzing: an ISO date may have a year far beyond 9999, where the range's arithmetic failed (500)
        for (String far : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "9999-12-31")) {
            asPhysio().queryParam("from", far).when().get(schedule)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("from"));
            asPhysio().queryParam("from", "2026-10-10").queryParam("to", far).when().get(schedule)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
        }
        // and the default week from the last day there is ends there, in the schedule as in the calendar
        asPhysio().queryParam("from", "9999-12-30").when().get(schedule).then().statusCode(200).body("days", hasSize(1));
        asPhysio().queryParam("from", "9999-12-30").when().get("/api/plans/" + planId + "/calendar.ics")
                .then().statusCode(200);
        asPhysio().queryParam("from", "9999-12-31").when().get("/api/plans/" + planId + "/calendar.ics")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theCalendarParsesAsICalendarWithOneAllDayEventPerSession() throws Exception {
        String planId = Intake.accepted().with("injuryDate", INJURY).open();
        Calendar calendar = parse(ics(planId));
        assertThat(calendar.validate().hasErrors(), equalTo(false));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events, hasSize(21));
        Set<String> uids = new HashSet<>();
        for (VEvent event : events) {
            uids.add(value(event, Property.UID));
            assertThat(value(event, Property.DTSTAMP), endsWith("Z"));
        }
        assertThat(uids, hasSize(21));

        VEvent first = events.get(0);
        assertThat(first.getStartDate().orElseThrow().getDate(), equalTo(LocalDate.parse(INJURY)));
        assertThat(first.getStartDate().orElseThrow().getParameter("VALUE").orElseThrow().getValue(), equalTo("DATE"));
        assertThat(value(first, Property.SUMMARY), equalTo("Isometric Hold: 3 x 30-45 s hold (session 1 of 2)"));
        // Longer than a line and full of characters that must be escaped: it comes back whole.
        assertThat(value(first, Property.DESCRIPTION),
                equalTo("Day 1, phase 1 (Early Loading). No movement at the knee; keep pain at or below 3/10"));
        assertThat(value(events.get(2), Property.SUMMARY), equalTo("Extender: 3 x 12 reps"));
        assertThat(events.stream().filter(e -> value(e, Property.SUMMARY).startsWith("Extender")).count(),
                equalTo(7L));
        assertAlarms(events, "PT8H");
    }

    @Test
    void theAlarmsMoveWithTheReminderTime() throws Exception {
        String planId = Intake.accepted().with("injuryDate", INJURY).with("reminderTime", "06:45").open();
        assertAlarms(parse(ics(planId)).getComponents("VEVENT"), "PT6H45M");

        changeReminderTime(planId, "18:30");
        String ics = ics(planId);
        assertThat(ics, containsString("\r\nTRIGGER:PT18H30M\r\n"));
        assertAlarms(parse(ics).getComponents("VEVENT"), "PT18H30M");

        changeReminderTime(planId, "00:00");
        assertAlarms(parse(ics(planId)).getComponents("VEVENT"), "PT0S");
    }

    @Test
    void theCalendarOfAnUnknownPlanIsAProblem() {
        asPhysio().when().get("/api/plans/6a1c0c8e-0000-4000-8000-000000000000/calendar.ics")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /**
     * Each event has one display alarm, {@code trigger} after the event's start, naming the event's session,
     * and ical4j finds every alarm valid. The calendar's own validation does not look inside the alarms, so each
     * is validated here; a display alarm without its description shows that this validation has teeth.
     */
    private static void assertAlarms(List<VEvent> events, String trigger) throws Exception {
        assertThat(events, not(empty()));
        for (VEvent event : events) {
            List<VAlarm> alarms = event.getAlarms();
            assertThat(alarms, hasSize(1));
            VAlarm alarm = alarms.get(0);
            assertThat(alarm.getAction().orElseThrow().getValue(), equalTo("DISPLAY"));
            assertThat(alarm.getTrigger().orElseThrow().getValue(), equalTo(trigger));
            assertThat(value(alarm, Property.DESCRIPTION), equalTo("PhysioRun: " + value(event, Property.SUMMARY)));
            assertThat(alarm.validate().getEntries(), empty());
        }
        VAlarm withoutDescription = events.get(0).getAlarms().get(0).copy().removeAll(Property.DESCRIPTION);
        assertThat(withoutDescription.validate().hasErrors(), equalTo(true));
    }

    private static void changeReminderTime(String planId, String reminderTime) {
        asPhysio().contentType(ContentType.JSON).body(Map.of("reminderTime", reminderTime))
                .when().patch("/api/plans/" + planId).then().statusCode(200)
                .body("reminderTime", equalTo(reminderTime));
    }

    /** The calendar of the plan's first week. */
    private static String ics(String planId) {
        return asPhysio().queryParam("from", INJURY).queryParam("to", "2026-10-07")
                .when().get("/api/plans/" + planId + "/calendar.ics")
                .then().statusCode(200).contentType(containsString("text/calendar"))
                .extract().asString();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(Component component, String property) {
        return component.getProperty(property).orElseThrow().getValue();
    }

    /** Programme days 1 to 14: two programme weeks. */
    private static JsonPath twoWeeks(String planId) {
        return asPhysio().queryParam("from", INJURY).queryParam("to", LocalDate.parse(INJURY).plusDays(13).toString())
                .when().get("/api/plans/" + planId + "/schedule").then().statusCode(200)
                .body("days", hasSize(14)).body("days[0].day", equalTo(1))
                .extract().jsonPath();
    }

    /** The path of programme day {@code day} in a schedule that starts on the injury date. */
    private static String day(int day) {
        return "days[" + (day - 1) + "]";
    }

    private static List<String> exercisesOn(JsonPath schedule, int day) {
        return schedule.getList(day(day) + ".sessions.exercise");
    }

    /** Programme day -> the exercises due that day, for the days that have any. */
    private static Map<Integer, List<String>> daysWithSessions(JsonPath schedule) {
        Map<Integer, List<String>> days = new TreeMap<>();
        for (int day = 1; day <= 14; day++) {
            List<String> exercises = exercisesOn(schedule, day);
            if (!exercises.isEmpty()) {
                days.put(day, exercises);
            }
        }
        return days;
    }
}
