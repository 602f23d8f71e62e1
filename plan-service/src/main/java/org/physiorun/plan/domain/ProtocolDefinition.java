package org.physiorun.plan.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A phased framework as data: a clinic tunes a parameter by publishing a new version, not by a release.
 * Stored as one JSON document per (id, version); its field names are therefore a stored format.
 *
 * @param painFreeMax the highest pain (0-10) that still counts as pain-free
 * @param painCeiling the highest pain (0-10) allowed in any session
 * @param timeRules   how time and the prescription limit what counts; null in versions published before them
 */
public record ProtocolDefinition(String name, String summary, List<Phase> phases, int painFreeMax, int painCeiling,
                                 SprintLadder sprintLadder, Clearance clearance, Regression regression,
                                 ExpectedReturn expectedReturn, TimeRules timeRules) {

    /**
     * One phase. Day 1 is the injury date.
     *
     * @param window      the nominal window as people say it ("Days 1-7", "Weeks 3-5")
     * @param earliestDay the phase never opens before this day, whatever the sessions say
     * @param gate        what must hold, besides the earliest day, to move into this phase; null for the first
     */
    public record Phase(int number, String name, String window, int nominalStartDay, int nominalEndDay,
                        int earliestDay, String goal, List<String> exercises, GateCriteria gate) {
    }

    /** The session criteria of a gate: streaks of good sessions, and for some gates recent easy runs. */
    public record GateCriteria(List<Streak> streaks, EasyRun easyRun) {
    }

    /** The last {@code sessions} sessions of the exercise at dose and pain-free (and at full range if asked). */
    public record Streak(String exercise, int sessions, boolean fullRange) {
    }

    /** At least {@code count} pain-free easy runs within the last {@code withinDays} days. */
    public record EasyRun(int withinDays, int count) {
    }

    /** A whole gate from one phase into the next, as the progress service evaluates it. */
    public record Gate(int fromPhase, int toPhase, int earliestDay, List<Streak> streaks, EasyRun easyRun) {
    }

    /**
     * Sprint efforts climb these levels (% of maximum effort), moving up after {@code sessionsPerLevel} good
     * sessions at the current level; a sprint session counts as at dose with at least {@code minEfforts} efforts.
     */
    public record SprintLadder(String exercise, List<Integer> levels, int sessionsPerLevel, int minEfforts) {
    }

    /** Return to running is cleared by good sprint sessions at or above {@code minIntensity}, and good drills. */
    public record Clearance(int minIntensity, int sprintSessions, String drillExercise, int drillSessions) {
    }

    /** Tightness, a pull or pain in these exercises sends the athlete from {@code fromPhase} back to {@code toPhase}. */
    public record Regression(int fromPhase, int toPhase, List<String> exercises) {
    }

    /**
     * The figures that make the gates honour time, not only the number of sessions (protocol section 4a).
     *
     * @param sprintMinDaysBetween  a sprint session counts only if at least this many local calendar days separate
     *                              it from the previous sprint session, whether that one counted or not
     * @param sprintMinHoursBetween and only if at least this many hours separate them too: both must hold
     * @param levelTolerance        a sprint session counts toward the current ladder level only if its effort is
     *                              within this many percentage points of that level
     * @param clearanceMinDays      return to run is never cleared before the local date phase 4 began plus this
     *                              many days
     * @param maxLateHours          a session the runner logs more than this many hours after performing it is kept
     *                              and still raises the pain alert, but counts toward no gate, level or clearance
     *                              (sessions that the clinic or an operator's producer vouch for are exempt)
     */
    public record TimeRules(int sprintMinDaysBetween, int sprintMinHoursBetween, int levelTolerance,
                            int clearanceMinDays, int maxLateHours) {
    }

    /**
     * The mean time back to full training per injury mechanism, from a cited trial.
     *
     * @param basis what the figures are, so that nobody reads them as a promise
     */
    public record ExpectedReturn(Map<Mechanism, Integer> meanDays, String citation, String basis) {
    }

    public Phase phase(int number) {
        return phases.stream().filter(p -> p.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no phase " + number));
    }

    public boolean hasPhase(int number) {
        return phases.stream().anyMatch(p -> p.number() == number);
    }

    /** The gate into {@code phase} with its earliest day; null for the first phase, which has none. */
    public Gate gateInto(Phase phase) {
        if (phase.gate() == null) {
            return null;
        }
        return new Gate(phase.number() - 1, phase.number(), phase.earliestDay(), phase.gate().streaks(),
                phase.gate().easyRun());
    }

    public List<Gate> gates() {
        List<Gate> gates = new ArrayList<>();
        for (Phase phase : phases) {
            Gate gate = gateInto(phase);
            if (gate != null) {
                gates.add(gate);
            }
        }
        return gates;
    }

    /** Every exercise of the framework, phase by phase. */
    public List<String> exercises() {
        return phases.stream().flatMap(p -> p.exercises().stream()).toList();
    }
}
