package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.physiorun.infra.testing.RealServers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.physiorun.plan.Identities.asPhysio;

/** Malformed intakes are a 400 naming the fields at fault, and store nothing. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class IntakeValidationTest {

    @Test
    void missingFieldsAreAllNamed() {
        Intake intake = Intake.accepted().without("injuryDate").without("side").without("mechanism")
                .without("clinicianConfirmed");
        intake.post().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", containsInAnyOrder("injuryDate", "side", "mechanism", "clinicianConfirmed"));
        assertNothingStored(intake);
    }

    @Test
    void aBlankAthleteIsRefused() {
        Intake.accepted().with("athleteId", " ").post().statusCode(400).body("errors.field", hasItem("athleteId"));
    }

    @Test
    void anUnknownSideIsMalformed() {
        Intake intake = Intake.accepted().with("side", "MIDDLE");
        intake.post().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("side"));
        assertNothingStored(intake);
    }

    @Test
    void anUnknownSourceOrMechanismIsMalformed() {
        Intake.accepted().with("suspectedSource", "KNEE").post().statusCode(400)
                .body("errors.field", hasItem("suspectedSource"));
        Intake.accepted().with("mechanism", "FALLING").post().statusCode(400)
                .body("errors.field", hasItem("mechanism"));
    }

    @Test
    void aGradeOutsideOneToThreeIsMalformed() {
        Intake intake = Intake.accepted().with("grade", 4);
        intake.post().statusCode(400).body("errors.field", hasItem("grade"))
                .body("errors[0].message", containsString("1, 2 or 3"));
        Intake.accepted().with("grade", 0).post().statusCode(400).body("errors.field", hasItem("grade"));
        Intake.accepted().with("grade", "two").post().statusCode(400).body("errors.field", hasItem("grade"));
        assertNothingStored(intake);
    }

    @Test
    void anUnknownTimeZoneIsMalformed() {
        Intake intake = Intake.accepted().with("timeZone", "Mars/Olympus_Mons");
        intake.post().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone"));
        assertNothingStored(intake);
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "8am", "8:00", "08:60", "08:00:00", ""})
    void aReminderTimeThatIsNotHoursAndMinutesIsMalformed(String reminderTime) {
        Intake intake = Intake.accepted().with("reminderTime", reminderTime);
        intake.post().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reminderTime"))
                .body("errors[0].message", containsString("HH:mm"));
        assertNothingStored(intake);
    }

    @Test
    void aDateThatIsNotADateIsMalformed() {
        Intake.accepted().with("injuryDate", "2026-02-30").post().statusCode(400)
                .body("errors.field", hasItem("injuryDate"));
    }

    /** A year typed wrong (0226 for 2026) was stored as a date PostgreSQL refuses, or as a programme long over. */
    @Test
    void anInjuryMoreThanAYearAgoIsRefused() {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        for (String longAgo : List.of(today.minusYears(1).minusDays(1).toString(), "0226-11-20", "-999999999-01-01")) {
            Intake intake = Intake.accepted().with("injuryDate", longAgo).with("timeZone", "UTC");
            intake.post().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("injuryDate"))
                    .body("errors[0].message", containsString("within the last year"));
            assertNothingStored(intake);
        }
        Intake.accepted().with("injuryDate", today.minusYears(1).toString()).with("timeZone", "UTC").post()
                .statusCode(201);
    }

    @Test
    void anInjuryDateInTheFutureIsJudgedInTheAthletesTimeZone() {
        // Kiritimati (UTC+14) is always a calendar day ahead of Pago Pago (UTC-11).
        String kiritimatiToday = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString();
        Intake behind = Intake.accepted().with("injuryDate", kiritimatiToday).with("timeZone", "Pacific/Pago_Pago");
        behind.post().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("injuryDate"))
                .body("detail", containsString("Pacific/Pago_Pago"));
        assertNothingStored(behind);
        Intake.accepted().with("injuryDate", kiritimatiToday).with("timeZone", "Pacific/Kiritimati")
                .post().statusCode(201).body("injuryDate", equalTo(kiritimatiToday));
    }

    @Test
    void withoutATimeZoneThePlanUsesTheServiceDefault() {
        Intake.accepted().without("timeZone").post().statusCode(201).body("timeZone", equalTo("UTC"));
    }

    @Test
    void anUnknownProtocolIsAnInvalidReference() {
        Intake intake = Intake.accepted().with("protocolId", "knee-return-to-run");
        intake.post().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("protocolId"));
        assertNothingStored(intake);
    }

    @Test
    void noBodyOrBrokenJsonIsABadRequest() {
        asPhysio().contentType(ContentType.JSON).when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json");
        asPhysio().contentType(ContentType.JSON).body("{\"athleteId\": ").when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertNothingStored(Intake intake) {
        asPhysio().queryParam("athleteId", intake.athleteId()).when().get("/api/plans")
                .then().statusCode(200).body("$", empty());
    }
}
