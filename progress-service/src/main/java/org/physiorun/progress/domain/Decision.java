package org.physiorun.progress.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A progression decision, naming the ids of the criteria it rests on so a clinician can see why. */
public sealed interface Decision permits Decision.PhaseAdvanced, Decision.PhaseRegressed,
        Decision.SprintLevelAdvanced, Decision.ReturnToRunCleared, Decision.PainCeilingExceeded,
        Decision.AdherenceLow {

    String EVENT_TYPE_PREFIX = "physiorun.progression.";

    List<String> criteria();

    /** The CloudEvents {@code type} the contract gives this decision. */
    String eventType();

    /** Whether the decision moves the athlete (a phase, a sprint level, clearance), unlike an alert. */
    default boolean movesAthlete() {
        return !(this instanceof PainCeilingExceeded || this instanceof AdherenceLow);
    }

    /**
     * What was decided, for which plan and at which point of it ({@code regressions}: how many regressions came
     * before, this one included), so that a gate opening again after a regression is a new decision. Every
     * session above the ceiling is its own alert.
     */
    default String key(String planId, int regressions, UUID sessionEventId) {
        String what;
        if (this instanceof PhaseAdvanced d) {
            what = "phase-advanced/" + d.fromPhase() + "-" + d.toPhase();
        } else if (this instanceof PhaseRegressed d) {
            what = "phase-regressed/" + d.fromPhase() + "-" + d.toPhase();
        } else if (this instanceof SprintLevelAdvanced d) {
            what = "sprint-level-advanced/" + d.fromLevel() + "-" + d.toLevel();
        } else if (this instanceof ReturnToRunCleared) {
            what = "return-to-run-cleared";
        } else if (this instanceof AdherenceLow d) {
            return planId + "/adherence-low/" + d.weekStart(); // at most one a week
        } else {
            return planId + "/pain-ceiling-exceeded/" + sessionEventId;
        }
        return planId + "/" + what + "/after-" + regressions + "-regressions";
    }

    record PhaseAdvanced(int fromPhase, int toPhase, List<String> criteria) implements Decision {
        public PhaseAdvanced {
            criteria = List.copyOf(criteria);
        }

        @Override
        public String eventType() {
            return EVENT_TYPE_PREFIX + "phase-advanced";
        }
    }

    /** {@code clearanceRevoked}: the athlete had been cleared to return to run, and no longer is. */
    record PhaseRegressed(int fromPhase, int toPhase, String reason, boolean clearanceRevoked, List<String> criteria)
            implements Decision {
        public PhaseRegressed {
            Objects.requireNonNull(reason, "reason");
            criteria = List.copyOf(criteria);
        }

        @Override
        public String eventType() {
            return EVENT_TYPE_PREFIX + "phase-regressed";
        }
    }

    record SprintLevelAdvanced(int fromLevel, int toLevel, List<String> criteria) implements Decision {
        public SprintLevelAdvanced {
            criteria = List.copyOf(criteria);
        }

        @Override
        public String eventType() {
            return EVENT_TYPE_PREFIX + "sprint-level-advanced";
        }
    }

    record ReturnToRunCleared(List<String> criteria) implements Decision {
        public ReturnToRunCleared {
            criteria = List.copyOf(criteria);
        }

        @Override
        public String eventType() {
            return EVENT_TYPE_PREFIX + "return-to-run-cleared";
        }
    }

    record PainCeilingExceeded(int pain, String exercise, List<String> criteria) implements Decision {
        public static final String CRITERION_ID = "pain-ceiling";

        public PainCeilingExceeded {
            Objects.requireNonNull(exercise, "exercise");
            criteria = List.copyOf(criteria);
        }

        @Override
        public String eventType() {
            return EVENT_TYPE_PREFIX + "pain-ceiling-exceeded";
        }
    }

    /**
     * Over the last seven days the athlete did {@code percent} of the prescribed sessions, below the threshold;
     * {@code missed} are the exercises done less than prescribed. At most one a week ({@code weekStart}, Monday).
     */
    record AdherenceLow(int percent, List<String> missed, LocalDate weekStart, List<String> criteria)
            implements Decision {
        public static final String CRITERION_ID = "adherence-7-days";

        public AdherenceLow {
            Objects.requireNonNull(weekStart, "weekStart");
            missed = List.copyOf(missed);
            criteria = List.copyOf(criteria);
        }

        @Override
        public String eventType() {
            return EVENT_TYPE_PREFIX + "adherence-low";
        }
    }
}
