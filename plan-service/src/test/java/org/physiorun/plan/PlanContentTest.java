package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.physiorun.plan.Identities.asPhysio;

/** What a plan holds: dated phases, copied prescriptions, the expected return; one active plan per athlete. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class PlanContentTest {

    /** Injured 60 days ago: a date an intake takes, whatever day the suite runs on. */
    private static final LocalDate INJURED = LocalDate.now(ZoneOffset.UTC).minusDays(60);

    /** The date {@code days} after the injury date, as the plan writes it. */
    private static String day(int days) {
        return INJURED.plusDays(days).toString();
    }

    @Test
    void phasesAreDatedFromTheInjuryDateAsDayOne() {
        String planId = Intake.accepted().with("injuryDate", day(0)).open();
        asPhysio().when().get("/api/plans/" + planId).then().statusCode(200)
                .body("injuryDate", equalTo(day(0)))
                .body("protocolId", equalTo("hamstring-return-to-run"))
                .body("protocolVersion", equalTo(2))
                .body("phases.number", contains(1, 2, 3, 4))
                .body("phases.nominalStart", contains(day(0), day(6), day(14), day(28)))
                .body("phases.nominalEnd", contains(day(6), day(20), day(34), day(55)))
                .body("phases.earliestDate", contains(day(0), day(6), day(14), day(28)))
                .body("phases.window", contains("Days 1-7", "Days 7-21", "Weeks 3-5", "Weeks 5-8"));
    }

    @Test
    void theExpectedReturnDependsOnTheMechanismAndIsCited() {
        String sprinting = Intake.accepted().with("injuryDate", day(0)).with("mechanism", "SPRINTING").open();
        asPhysio().when().get("/api/plans/" + sprinting).then().statusCode(200)
                .body("expectedReturn.mechanism", equalTo("SPRINTING"))
                .body("expectedReturn.meanDays", equalTo(23))
                .body("expectedReturn.expectedDate", equalTo(day(23)))
                .body("expectedReturn.citation", equalTo("askling-2013"))
                .body("expectedReturn.note", containsString("not a date to aim for"));
        String stretching = Intake.accepted().with("injuryDate", day(0)).with("mechanism", "STRETCHING").open();
        asPhysio().when().get("/api/plans/" + stretching).then().statusCode(200)
                .body("mechanism", equalTo("STRETCHING"))
                .body("expectedReturn.meanDays", equalTo(43))
                .body("expectedReturn.expectedDate", equalTo(day(43)));
    }

    @Test
    void eachPhaseHoldsTheCataloguesPrescriptions() {
        String planId = Intake.accepted().with("side", "RIGHT").open();
        asPhysio().when().get("/api/plans/" + planId).then().statusCode(200)
                .body("side", equalTo("RIGHT"))
                .body("phases[0].exercises.slug", contains("isometric-heel-press", "extender"))
                .body("phases[1].exercises.slug", contains("glider", "single-leg-rdl", "nordic-assisted"))
                .body("phases[2].exercises.slug", contains("diver", "nordic-full", "walkouts"))
                .body("phases[3].exercises.slug", contains("a-skips", "sprint-build-ups"))
                .body("phases[1].exercises[0].name", equalTo("Glider"))
                .body("phases[1].exercises[0].focus", startsWith("Eccentric loading"))
                .body("phases[1].exercises[0].instructions", startsWith("On one leg"))
                .body("phases[1].exercises[0].dosage.sets", equalTo(3))
                .body("phases[1].exercises[0].dosage.repsMin", equalTo(8))
                .body("phases[1].exercises[0].dosage.perSide", equalTo(true))
                .body("phases[1].exercises[0].dosage.frequency.per", equalTo("WEEK"))
                .body("phases[1].exercises[0].citations.id", contains("askling-2013"))
                .body("phases[3].exercises[1].dosage.distanceMetresMax", equalTo(60))
                .body("phases[3].exercises[1].dosage.frequency", nullValue());
    }

    @Test
    void aCatalogueEditAfterwardsLeavesThePlanAsPrescribed() {
        String before = Intake.accepted().open();
        try {
            CatalogueStub.edit("glider", glider -> {
                glider.with("dosage").put("sets", 5).put("repsMin", 12);
                glider.put("instructions", "A changed instruction.");
            });
            String after = Intake.accepted().open();
            // The edit is real: a plan made now gets it...
            asPhysio().when().get("/api/plans/" + after).then().statusCode(200)
                    .body("phases[1].exercises[0].dosage.sets", equalTo(5))
                    .body("phases[1].exercises[0].instructions", equalTo("A changed instruction."));
            // ...and the plan made before keeps what was prescribed.
            asPhysio().when().get("/api/plans/" + before).then().statusCode(200)
                    .body("phases[1].exercises[0].dosage.sets", equalTo(3))
                    .body("phases[1].exercises[0].dosage.repsMin", equalTo(8))
                    .body("phases[1].exercises[0].instructions", startsWith("On one leg"));
        } finally {
            CatalogueStub.restore();
        }
    }

    @Test
    void aNewPlanClosesTheAthletesPreviousOne() {
        Intake intake = Intake.accepted();
        String first = intake.open();
        String second = Intake.accepted().with("athleteId", intake.athleteId()).with("side", "RIGHT").open();
        asPhysio().when().get("/api/plans/" + first).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedReason", equalTo("superseded by plan " + second));
        asPhysio().when().get("/api/plans/" + second).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("closedAt", nullValue());
        asPhysio().queryParam("athleteId", intake.athleteId()).when().get("/api/plans").then().statusCode(200)
                .body("planId", contains(second, first))
                .body("status", contains("ACTIVE", "CLOSED"));
    }

    @Test
    void unknownPlansAreNotFound() {
        asPhysio().when().get("/api/plans/6a1c0c8e-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        asPhysio().when().get("/api/plans/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("not-a-uuid"));
        asPhysio().when().get("/api/plans").then().statusCode(400).contentType("application/problem+json");
    }
}
