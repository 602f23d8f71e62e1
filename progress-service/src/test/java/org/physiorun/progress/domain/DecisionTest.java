package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.PainCeilingExceeded;
import org.physiorun.progress.domain.Decision.PhaseAdvanced;
import org.physiorun.progress.domain.Decision.PhaseRegressed;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

class DecisionTest {

    @Test
    void eachDecisionHasItsContractEventType() {
        assertEquals("physiorun.progression.phase-advanced", new PhaseAdvanced(1, 2, List.of()).eventType());
        assertEquals("physiorun.progression.phase-regressed",
                new PhaseRegressed(4, 3, "tightness in A-skips", false, List.of()).eventType());
        assertEquals("physiorun.progression.sprint-level-advanced",
                new SprintLevelAdvanced(60, 80, List.of()).eventType());
        assertEquals("physiorun.progression.return-to-run-cleared", new ReturnToRunCleared(List.of()).eventType());
        assertEquals("physiorun.progression.pain-ceiling-exceeded",
                new PainCeilingExceeded(4, "glider", List.of()).eventType());
    }

    @Test
    void theCriteriaOfADecisionCannotChangeAfterIt() {
        List<String> criteria = new ArrayList<>(List.of("min-day"));
        PhaseAdvanced decision = new PhaseAdvanced(1, 2, criteria);
        criteria.add("streak:glider");
        assertEquals(List.of("min-day"), decision.criteria());
        assertThrows(UnsupportedOperationException.class, () -> decision.criteria().add("x"));
    }

    @Test
    void onlyAnAlertLeavesTheAthleteWhereTheyAre() {
        assertTrue(new PhaseAdvanced(1, 2, List.of()).movesAthlete());
        assertTrue(new PhaseRegressed(4, 3, "tightness in A-skips", true, List.of()).movesAthlete());
        assertTrue(new SprintLevelAdvanced(60, 80, List.of()).movesAthlete());
        assertTrue(new ReturnToRunCleared(List.of()).movesAthlete());
        assertFalse(new PainCeilingExceeded(4, "glider", List.of()).movesAthlete());
    }

    @Test
    void aGateOpeningAgainAfterARegressionIsANewDecision() {
        PhaseAdvanced threeToFour = new PhaseAdvanced(3, 4, List.of("min-day"));
        assertEquals("plan-1/phase-advanced/3-4/after-0-regressions", threeToFour.key("plan-1", 0, null));
        assertEquals("plan-1/phase-advanced/3-4/after-1-regressions", threeToFour.key("plan-1", 1, null));
        assertEquals(threeToFour.key("plan-1", 0, UUID.randomUUID()), threeToFour.key("plan-1", 0, null),
                "the same gate is one decision, whichever session or day opened it");
        assertNotEquals(threeToFour.key("plan-1", 0, null), threeToFour.key("plan-2", 0, null));
    }

    @Test
    void everySessionAboveTheCeilingIsItsOwnAlert() {
        PainCeilingExceeded alert = new PainCeilingExceeded(4, "glider", List.of("pain-ceiling"));
        UUID monday = UUID.randomUUID();
        UUID tuesday = UUID.randomUUID();
        assertEquals("plan-1/pain-ceiling-exceeded/" + monday, alert.key("plan-1", 0, monday));
        assertNotEquals(alert.key("plan-1", 0, monday), alert.key("plan-1", 0, tuesday));
    }
}
