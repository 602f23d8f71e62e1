package org.physiorun.plan.rest;

import jakarta.ws.rs.core.Response;
import org.physiorun.plan.api.ScheduleDto;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A schedule as an RFC 5545 calendar: one all-day event per session, which any calendar app can import, each
 * with a reminder at the athlete's reminder time.
 */
final class ICalendar {

    static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private ICalendar() {
    }

    /** The calendar as a file to save or subscribe to. */
    static Response download(ScheduleDto schedule) {
        return Response.ok(render(schedule, Instant.now()), MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"physiorun-" + schedule.planId() + ".ics\"")
                .build();
    }

    static String render(ScheduleDto schedule, Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//PhysioRun//plan-service//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text("PhysioRun: " + schedule.phaseName()));
        for (ScheduleDto.Day day : schedule.days()) {
            for (ScheduleDto.Session session : day.sessions()) {
                event(ics, schedule, day, session, stamp);
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static void event(StringBuilder ics, ScheduleDto schedule, ScheduleDto.Day day,
                              ScheduleDto.Session session, Instant stamp) {
        LocalDate date = day.date();
        line(ics, "BEGIN:VEVENT");
        // Stable across downloads, so that importing a newer calendar updates events instead of doubling them.
        line(ics, "UID:" + schedule.planId() + "-" + DATE.format(date) + "-" + session.exercise() + "-"
                + session.session() + "@physiorun");
        line(ics, "DTSTAMP:" + STAMP.format(stamp));
        line(ics, "DTSTART;VALUE=DATE:" + DATE.format(date));
        line(ics, "DTEND;VALUE=DATE:" + DATE.format(date.plusDays(1)));
        line(ics, "SUMMARY:" + text(summary(session)));
        String description = "Day " + day.day() + ", phase " + schedule.phase() + " (" + schedule.phaseName() + ")."
                + (session.note() == null ? "" : " " + session.note());
        line(ics, "DESCRIPTION:" + text(description));
        // An exercise reminder should not mark the whole day as busy.
        line(ics, "TRANSP:TRANSPARENT");
        alarm(ics, session, schedule.reminderTime());
        line(ics, "END:VEVENT");
    }

    private static void alarm(StringBuilder ics, ScheduleDto.Session session, LocalTime reminderTime) {
        line(ics, "BEGIN:VALARM");
        line(ics, "ACTION:DISPLAY");
        line(ics, "DESCRIPTION:" + text("PhysioRun: " + summary(session)));
        // An all-day event starts at local midnight wherever the calendar is, so an offset from its start is
        // that local time of day: PT8H is 08:00, PT18H30M is 18:30.
        line(ics, "TRIGGER:" + Duration.ofMinutes(reminderTime.getHour() * 60L + reminderTime.getMinute()));
        line(ics, "END:VALARM");
    }

    private static String summary(ScheduleDto.Session session) {
        String summary = session.name() + ": " + session.dose();
        if (session.sessionsThatDay() > 1) {
            summary += " (session " + session.session() + " of " + session.sessionsThatDay() + ")";
        }
        return session.optional() ? summary + " (optional)" : summary;
    }

    /** RFC 5545 TEXT: backslash, semicolon, comma and newline are escaped. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Ends the line with CRLF, folding it so that no line is longer than 75 octets, never inside a character. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
