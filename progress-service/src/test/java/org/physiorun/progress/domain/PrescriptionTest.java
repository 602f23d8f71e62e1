package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PrescriptionTest {

    private static final GatePlan PLAN = Plans.defaults();

    private static SessionBuilder session(String exercise) {
        return SessionBuilder.atDose(PLAN, exercise).at(Instant.parse("2026-03-05T08:00:00Z"));
    }

    private static boolean atDose(SessionBuilder session) {
        SessionLog log = session.build();
        return PLAN.prescription(log.exercise()).orElseThrow().atDose(log);
    }

    @Test
    void everyDefaultExerciseIsAtDoseAtExactlyItsMinimum() {
        PLAN.prescriptions().keySet().forEach(exercise ->
                assertTrue(atDose(session(exercise)), exercise));
    }

    @Test
    void oneSetShortIsBelowDose() {
        assertFalse(atDose(session("glider").sets(2)));
    }

    @Test
    void oneRepShortIsBelowDose() {
        assertFalse(atDose(session("glider").reps(7)));
        assertTrue(atDose(session("glider").reps(9)));
    }

    @Test
    void holdSecondsCountFromTheLowEndOfTheRange() {
        assertFalse(atDose(session("isometric-heel-press").holdSeconds(29)));
        assertTrue(atDose(session("isometric-heel-press").holdSeconds(30)));
    }

    @Test
    void distanceCountsForDrills() {
        assertFalse(atDose(session("a-skips").distanceMetres(19)));
        assertTrue(atDose(session("a-skips").distanceMetres(20)));
    }

    @Test
    void aRequiredValueNotLoggedIsBelowDose() {
        assertFalse(atDose(session("glider").sets(null)));
        assertFalse(atDose(session("glider").reps(null)));
        assertFalse(atDose(session("isometric-heel-press").holdSeconds(null)));
        assertFalse(atDose(session("a-skips").distanceMetres(null)));
    }

    @Test
    void aValueNotPrescribedIsNotNeeded() {
        assertTrue(atDose(session("isometric-heel-press").reps(null).distanceMetres(null)));
    }

    @Test
    void painDoesNotAffectTheDose() {
        assertTrue(atDose(session("glider").pain(6)));
    }

    @Test
    void sprintRepetitionsMayBeLoggedAsEffortsOrAsReps() {
        assertTrue(atDose(session("sprint-build-ups").efforts(6).reps(null)));
        assertTrue(atDose(session("sprint-build-ups").efforts(null).reps(6)));
        assertTrue(atDose(session("sprint-build-ups").efforts(5).reps(6)));
        assertFalse(atDose(session("sprint-build-ups").efforts(5).reps(null)));
        assertFalse(atDose(session("sprint-build-ups").efforts(5).reps(5)));
        assertFalse(atDose(session("sprint-build-ups").efforts(null).reps(null)));
    }

    @Test
    void withOnlyAMinimumOfEffortsRepsDoNotStandInForThem() {
        Prescription effortsOnly = new Prescription("sprint-build-ups", "Sprints", 4, 1, null, null, null, 6, null);
        assertFalse(effortsOnly.atDose(session("sprint-build-ups").efforts(null).reps(8).build()));
        assertTrue(effortsOnly.atDose(session("sprint-build-ups").efforts(6).reps(null).build()));
    }

    @Test
    void doseTextReadsLikeThePrescription() {
        assertEquals("3 x 8 reps", PLAN.prescription("glider").orElseThrow().doseText());
        assertEquals("3 x 30 s hold", PLAN.prescription("isometric-heel-press").orElseThrow().doseText());
        assertEquals("3 x 20 m", PLAN.prescription("a-skips").orElseThrow().doseText());
        assertEquals("6 efforts", PLAN.prescription("sprint-build-ups").orElseThrow().doseText());
        assertEquals("2 sets", new Prescription("x", "X", 1, 2, null, null, null, null, null).doseText());
    }

    @Test
    void frequencyReadsLikeThePrescription() {
        assertEquals("twice a day", PLAN.prescription("isometric-heel-press").orElseThrow().frequency().text());
        assertEquals("once a day", PLAN.prescription("extender").orElseThrow().frequency().text());
        assertEquals("3 times a week", PLAN.prescription("glider").orElseThrow().frequency().text());
        assertEquals("3-4 times a week", PLAN.prescription("a-skips").orElseThrow().frequency().text());
    }

    @Test
    void aFrequencyNeedsAPeriodAndAtLeastOnceAndNoMostBelowItsLeast() {
        assertThrows(IllegalArgumentException.class, () -> new Frequency(3, 3, null));
        assertThrows(IllegalArgumentException.class, () -> new Frequency(0, 1, Frequency.Period.DAY));
        assertThrows(IllegalArgumentException.class, () -> new Frequency(4, 3, Frequency.Period.WEEK));
        assertEquals(2, new Frequency(2, null, Frequency.Period.DAY).most(), "no most given: the least is the most");
    }

    @Test
    void aPrescriptionNeedsAPhaseAndSets() {
        assertThrows(IllegalArgumentException.class, () -> new Prescription("x", "X", 0, 3, 8, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Prescription("x", "X", 1, 0, 8, null, null, null, null));
    }
}
