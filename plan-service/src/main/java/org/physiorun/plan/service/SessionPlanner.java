package org.physiorun.plan.service;

import org.physiorun.plan.api.ScheduleDto;
import org.physiorun.plan.domain.Prescription;
import org.physiorun.plan.domain.Prescription.Frequency;
import org.physiorun.plan.domain.ProtocolDefinition.SprintLadder;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which sessions of a phase fall on a programme day, from each exercise's frequency. Weeks are programme
 * weeks counted from the injury date (days 1-7, 8-14, ...), so a plan's rhythm does not depend on the
 * weekday the injury happened.
 */
final class SessionPlanner {

    /**
     * Days of the programme week in the order they are filled: every other day first, so that up to four
     * sessions a week never fall on consecutive days within the week (3 a week: days 1, 3 and 5), then the gaps.
     */
    private static final List<Integer> WEEK_SLOTS = List.of(1, 3, 5, 7, 2, 4, 6);

    /** For an exercise nobody gave a frequency and that has no companion to follow. */
    private static final Frequency ONCE_A_DAY = new Frequency(1, 1, Prescription.Period.DAY);

    private SessionPlanner() {
    }

    /**
     * The sessions due on programme day {@code day} (1 or later) for the exercises of one phase, in order.
     * An exercise without a frequency of its own (the sprints) is done on the days of the phase's first exercise
     * that has one (their warm-up drill).
     */
    static List<ScheduleDto.Session> sessionsOn(int day, List<Prescription> exercises, SprintLadder ladder) {
        Prescription companion = exercises.stream().filter(e -> e.dosage().frequency() != null).findFirst()
                .orElse(null);
        List<ScheduleDto.Session> sessions = new ArrayList<>();
        for (Prescription exercise : exercises) {
            Frequency own = exercise.dosage().frequency();
            Frequency frequency = own != null ? own : companion != null ? companion.dosage().frequency() : ONCE_A_DAY;
            String note = own != null ? exercise.dosage().notes() : followingNote(exercise, companion, ladder);
            List<Boolean> optional = sessionsOfDay(frequency, day);
            for (int i = 0; i < optional.size(); i++) {
                sessions.add(new ScheduleDto.Session(exercise.slug(), exercise.name(), Doses.describe(exercise.dosage()),
                        i + 1, optional.size(), optional.get(i), note));
            }
        }
        return sessions;
    }

    /** One entry per session that day, true where the session is optional (above the minimum frequency). */
    private static List<Boolean> sessionsOfDay(Frequency frequency, int day) {
        List<Boolean> optional = new ArrayList<>();
        if (frequency.per() == Prescription.Period.DAY) {
            for (int i = 1; i <= frequency.timesUpTo(); i++) {
                optional.add(i > frequency.timesMin());
            }
            return optional;
        }
        int slot = WEEK_SLOTS.indexOf((day - 1) % 7 + 1);
        if (slot < frequency.timesMin()) {
            optional.add(false);
        } else if (slot < frequency.timesUpTo()) {
            optional.add(true);
        }
        return optional;
    }

    private static String followingNote(Prescription exercise, Prescription companion, SprintLadder ladder) {
        String note = companion == null ? "" : "On the same days as " + companion.name() + ", after it.";
        if (exercise.slug().equals(ladder.exercise())) {
            note += " Effort follows the sprint ladder: "
                    + ladder.levels().stream().map(level -> level + "%").collect(Collectors.joining(", "))
                    + " of your maximum, starting at the first level and moving up one level only after "
                    + ladder.sessionsPerLevel() + " sessions at the current level at full dose, without pain or"
                    + " tightness.";
        }
        return note.isBlank() ? null : note.strip();
    }
}
