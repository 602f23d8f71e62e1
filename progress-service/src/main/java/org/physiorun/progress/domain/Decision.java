package org.physiorun.progress.domain;

import java.util.List;
import java.util.Objects;

/** A progression decision, naming the ids of the criteria it rests on so a clinician can see why. */
public sealed interface Decision permits Decision.PhaseAdvanced, Decision.PhaseRegressed,
        Decision.SprintLevelAdvanced, Decision.ReturnToRunCleared, Decision.PainCeilingExceeded {

    String EVENT_TYPE_PREFIX = "physiorun.progression.";

    List<String> criteria();

    /** The CloudEvents {@code type} the contract gives this decision. */
    String eventType();

    record PhaseAdvanced(int fromPhase, int toPhase, List<String> criteria) implements Decision {
        public PhaseAdvanced {
            criteria = List.copyOf(criteria);
        }

        @Override
        public String eventType() {
            return EVENT_TYPE_PREFIX + "phase-advanced";
        }
    }

    record PhaseRegressed(int fromPhase, int toPhase, String reason, List<String> criteria) implements Decision {
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
}
