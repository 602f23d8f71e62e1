package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

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
                new PhaseRegressed(4, 3, "tightness in A-skips", List.of()).eventType());
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
}
