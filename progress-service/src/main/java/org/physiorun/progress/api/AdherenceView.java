package org.physiorun.progress.api;

import org.physiorun.progress.domain.Adherence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Planned against done: each of the last weeks (Monday to Sunday in the athlete's zone, oldest first, the current
 * one so far) per exercise, the weeks together ({@code overall}), and the seven whole days before today.
 */
public record AdherenceView(String athleteId, UUID planId, String timeZone, List<WeekView> weeks, TallyView overall,
                            TallyView last7Days) {

    public record WeekView(LocalDate weekStart, LocalDate weekEnd, List<Adherence.ExerciseTally> exercises,
                           int prescribed, int done, Integer percent) {

        public static WeekView of(Adherence.Week week) {
            Adherence.Tally tally = week.tally();
            return new WeekView(week.weekStart(), week.weekEnd(), tally.exercises(), tally.prescribed(), tally.done(),
                    tally.percent());
        }
    }

    /** Sessions prescribed and done, the share done ({@code percent}, null when none was prescribed), and the exercises missed. */
    public record TallyView(int prescribed, int done, Integer percent, List<String> missed) {

        public static TallyView of(Adherence.Tally tally) {
            return new TallyView(tally.prescribed(), tally.done(), tally.percent(), tally.missed());
        }
    }
}
