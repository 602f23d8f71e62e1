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
        Athlete athlete = Athlete.onDefaults().reachPhase(3);
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
        Athlete athlete = new Athlete(Plans.withPain(0, 5));
        assertTrue(athlete.log("extender", 2, s -> s.pain(5)).isEmpty());
        assertEquals(List.of(new PainCeilingExceeded(6, "extender", List.of("pain-ceiling"))),
                athlete.log("extender", 3, s -> s.pain(6)));
    }

    @Test
    void aSessionBeyondThePrescribedFrequencyStillAlerts() {
        // The Extender counts once a day: a second one counts toward nothing, yet its pain is never ignored.
        Athlete athlete = Athlete.onDefaults();
        athlete.log("extender", 2);
        SessionBuilder extra = athlete.session("extender").at(Plans.at(2, 18, 0)).pain(5);
        assertEquals(List.of(new PainCeilingExceeded(5, "extender", List.of("pain-ceiling"))), athlete.log(extra));
        assertEquals(NotCounted.BEYOND_PRESCRIBED_FREQUENCY,
                athlete.verdict(extra.build().eventId()).notCountedBecause());
    }
}
