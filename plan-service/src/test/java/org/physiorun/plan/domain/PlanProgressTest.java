package org.physiorun.plan.domain;

import org.junit.jupiter.api.Test;
import org.physiorun.plan.domain.Plan.PhaseMove;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plan follows progress-service's phase decisions, each taken in the phase the athlete was in. */
class PlanProgressTest {

    /** The four phases of the return-to-run protocol; their contents do not matter here. */
    private static final ProtocolDefinition FOUR_PHASES = new ProtocolDefinition("four phases", "",
            IntStream.rangeClosed(1, 4).mapToObj(n -> new ProtocolDefinition.Phase(n, "Phase " + n, "", 0, 0, 0, "",
                    List.of(), null)).toList(), 0, 3, null, null, null, null, null);

    private static Plan inPhase(int phase) {
        Plan plan = new Plan();
        plan.currentPhase = phase;
        return plan;
    }

    @Test
    void eachGateOpenedMovesThePlanOnePhaseOn() {
        Plan plan = inPhase(1);
        assertEquals(PhaseMove.MOVED, plan.follow(1, 2, FOUR_PHASES));
        assertEquals(PhaseMove.MOVED, plan.follow(2, 3, FOUR_PHASES));
        assertEquals(PhaseMove.MOVED, plan.follow(3, 4, FOUR_PHASES));
        assertEquals(4, plan.currentPhase);
    }

    @Test
    void aPullInPhaseFourSendsThePlanBackToPhaseThree() {
        Plan plan = inPhase(4);
        assertEquals(PhaseMove.MOVED, plan.follow(4, 3, FOUR_PHASES));
        assertEquals(3, plan.currentPhase);
    }

    @Test
    void aDecisionTakenInAnotherPhaseIsStaleAndChangesNothing() {
        Plan plan = inPhase(2);
        // The gate into phase 2 once more, under another id: the plan is there already.
        assertEquals(PhaseMove.STALE, plan.follow(1, 2, FOUR_PHASES));
        // A gate further on, decided in a phase this plan has not reached: it must not skip phase 3.
        assertEquals(PhaseMove.STALE, plan.follow(3, 4, FOUR_PHASES));
        // A regression decided in phase 4: this plan is not there, so there is nothing to go back from.
        assertEquals(PhaseMove.STALE, plan.follow(4, 3, FOUR_PHASES));
        assertEquals(2, plan.currentPhase);
    }

    @Test
    void aPhaseTheProtocolLacksIsNeverEntered() {
        Plan plan = inPhase(4);
        assertEquals(PhaseMove.UNKNOWN_PHASE, plan.follow(4, 5, FOUR_PHASES));
        assertEquals(PhaseMove.UNKNOWN_PHASE, plan.follow(4, 0, FOUR_PHASES));
        assertEquals(4, plan.currentPhase);
    }
}
