package org.physiorun.plan.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The sessions due each day of a range, for the phase the athlete is in now.
 *
 * @param phase the current phase, applied to every day of the range: later phases open only through the gates
 */
public record ScheduleDto(UUID planId, String athleteId, String timeZone, int phase, String phaseName,
                          LocalDate from, LocalDate to, List<Day> days) {

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
