package org.physiorun.plan.api;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The sessions due each day of a range, for the phase the athlete is in now.
 *
 * @param reminderTime when the calendar reminds the athlete of each day's sessions, in their zone
 * @param phase        the current phase, applied to every day of the range: later phases open only through the gates
 */
public record ScheduleDto(UUID planId, String athleteId, String timeZone,
                          @JsonFormat(pattern = ReminderTime.FORMAT) LocalTime reminderTime, int phase,
                          String phaseName, LocalDate from, LocalDate to, List<Day> days) {

    /** @param day the programme day (the injury date is day 1); null before the injury */
    public record Day(LocalDate date, Integer day, List<Session> sessions) {
    }

    /**
     * One session due that day.
     *
     * @param session         which of the exercise's sessions that day (1 unless it is done more than once a day)
     * @param sessionsThatDay how many sessions of the exercise the day holds
     * @param optional        an extra session the frequency allows but does not ask for
     */
    public record Session(String exercise, String name, String dose, int session, int sessionsThatDay,
                          boolean optional, String note) {
    }
}
