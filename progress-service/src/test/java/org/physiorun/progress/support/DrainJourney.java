package org.physiorun.progress.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A long journey for loads of many athletes (the drain benchmark, the fault suite): sessions that keep to the
 * prescription and open every gate on the way, so that a drain of them makes decisions all along.
 */
public final class DrainJourney {

    /** The last day of the journey: athletes injured {@code LAST_DAY} days ago end it yesterday. */
    public static final int LAST_DAY = 44;

    private DrainJourney() {
    }

    /** One session of the journey: programme day, minutes after 00:00 UTC, exercise, sprint effort. */
    public record Slot(int day, int minuteOfDay, String exercise, Integer intensity) {

        Slot(int day, int hour, int minute, String exercise) {
            this(day, hour * 60 + minute, exercise, null);
        }

        /** This session for the athlete injured on {@code injuryDate} (a plan in UTC). */
        public Journeys.Session of(String athleteId, LocalDate injuryDate) {
            Journeys.Session session = Journeys.session(athleteId, injuryDate, exercise, day,
                    LocalTime.ofSecondOfDay(minuteOfDay * 60L));
            return intensity == null ? session : session.intensity(intensity);
        }
    }

    /**
     * The {@code n} sessions each athlete logs, oldest first: a journey over days 1-44 that keeps to the
     * prescription (at most two Isometric Holds and one Extender or Walkouts session a day, never more than three
     * sessions of a weekly exercise in seven days, sprint sessions 48 hours apart at the prescribed effort), so that
     * every session counts and the gates open on the way: phase 2 on day 7, phase 3 on day 15, phase 4 on day 29,
     * the sprint levels on days 33, 37 and 41, clearance as day 43 begins. Those gate sessions come first; the rest,
     * up to {@code n}, are the phase-1 exercises kept up daily and then easy runs, which count toward nothing new
     * but are judged all the same. With fewer than the gate sessions, the journey simply ends earlier.
     */
    public static List<Slot> of(int n) {
        List<Slot> gates = new ArrayList<>();
        for (int day : new int[]{6, 7}) {
            gates.add(new Slot(day, 8, 0, "isometric-heel-press"));
            gates.add(new Slot(day, 8, 10, "extender"));
        }
        for (int day : new int[]{9, 11, 13}) {
            gates.add(new Slot(day, 8, 20, "single-leg-rdl"));
            gates.add(new Slot(day, 8, 30, "nordic-assisted"));
            gates.add(new Slot(day + 2, 8, 40, "glider"));
        }
        gates.add(new Slot(14, 18, 0, "easy-run"));
        for (int day : new int[]{25, 27, 29}) {
            gates.add(new Slot(day, 8, 20, "diver"));
            gates.add(new Slot(day, 8, 30, "nordic-full"));
            gates.add(new Slot(day, 8, 40, "walkouts"));
        }
        gates.add(new Slot(30, 8, 50, "a-skips"));
        gates.add(new Slot(40, 8, 50, "a-skips"));
        int[] efforts = {60, 60, 80, 80, 90, 90};
        for (int i = 0; i < efforts.length; i++) {
            gates.add(new Slot(31 + 2 * i, 17 * 60, "sprint-build-ups", efforts[i]));
        }
        gates.sort(Comparator.comparingInt(Slot::day).thenComparingInt(Slot::minuteOfDay));

        List<Slot> extra = new ArrayList<>();
        for (int day = 1; day <= LAST_DAY; day++) {
            if (day != 6 && day != 7) { // the days the gate has its own Extender and morning hold
                extra.add(new Slot(day, 7, 10, "extender"));
            }
        }
        for (int day = 1; day <= LAST_DAY; day++) {
            extra.add(new Slot(day, 19, 0, "isometric-heel-press"));
        }
        for (int day = 1; day <= LAST_DAY; day++) {
            if (day != 6 && day != 7) {
                extra.add(new Slot(day, 7, 0, "isometric-heel-press"));
            }
        }
        for (int round = 0; gates.size() + extra.size() < n; round++) { // easy runs have no limit
            for (int day = 1; day <= LAST_DAY; day++) {
                extra.add(new Slot(day, 12 * 60 + round, "easy-run", null));
            }
        }
        List<Slot> journey = new ArrayList<>(gates.subList(0, Math.min(n, gates.size())));
        journey.addAll(extra.subList(0, Math.max(0, n - journey.size())));
        journey.sort(Comparator.comparingInt(Slot::day).thenComparingInt(Slot::minuteOfDay));
        return journey;
    }
}
