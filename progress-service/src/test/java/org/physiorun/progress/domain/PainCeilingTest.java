package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physiorun.progress.domain.Decision.PainCeilingExceeded;

class PainCeilingTest {

    @Test
    void painOfExactlyTheCeilingIsNoAlert() {
        Athlete athlete = Athlete.onDefaults();
        assertTrue(athlete.log("extender", 2, s -> s.pain(3, 3)).isEmpty());
    }

    @Test
    void painAboveTheCeilingRaisesAnAlert() {
        Athlete athlete = Athlete.onDefaults();
        assertEquals(List.of(new PainCeilingExceeded(4, "extender", List.of("pain-ceiling"))),
                athlete.log("extender", 2, s -> s.pain(4)));
    }

    @Test
    void theAlertGivesTheWorseOfDuringAndAfter() {
        Athlete athlete = Athlete.onDefaults();
        assertEquals(List.of(new PainCeilingExceeded(6, "isometric-heel-press", List.of("pain-ceiling"))),
                athlete.log("isometric-heel-press", 2, s -> s.pain(2, 6)));
    }

    @Test
    void anySessionInAnyPhaseCanRaiseTheAlert() {
        Athlete athlete = Athlete.inPhase(3, 15);
        assertEquals(List.of(new PainCeilingExceeded(5, "easy-run", List.of("pain-ceiling"))),
                athlete.log("easy-run", 16, s -> s.pain(5)));
        assertEquals(List.of(new PainCeilingExceeded(4, "sprint-build-ups", List.of("pain-ceiling"))),
                athlete.log("sprint-build-ups", 16, s -> s.intensity(60).pain(4)),
                "an out-of-phase session still alerts");
        assertEquals(List.of(new PainCeilingExceeded(7, "extender", List.of("pain-ceiling"))),
                athlete.log("extender", 16, s -> s.pain(0, 7)), "so does an exercise of an earlier phase");
    }

    @Test
    void theClockNeverAlerts() {
        Athlete athlete = Athlete.onDefaults();
        athlete.log("extender", 2, s -> s.pain(8));
        assertTrue(athlete.tick(Plans.at(3, 0, 5)).isEmpty());
    }

    @Test
    void theCeilingComesFromThePlan() {
        Athlete athlete = new Athlete(Plans.withPain(0, 5), ProgressState.start(Plans.at(1, 7, 0)));
        assertTrue(athlete.log("extender", 2, s -> s.pain(5)).isEmpty());
        assertEquals(List.of(new PainCeilingExceeded(6, "extender", List.of("pain-ceiling"))),
                athlete.log("extender", 2, s -> s.pain(6)));
    }
}
