package org.physiorun.progress.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.progress.support.AthleteJourney;
import org.physiorun.progress.support.Journeys;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A runner who moves to another time zone has their local days judged in the new one (plan-updated). */
@QuarkusTest
@WithTestResource(RealServers.class)
class PlanUpdatedTest {

    @Test
    void theAthletesDaysFollowTheNewTimeZoneAndAnUnknownZoneChangesNothing() {
        AthleteJourney athlete = new AthleteJourney(5).withPlan(); // in UTC: day 5
        // A zone where today's date differs from UTC's right now: 14 hours ahead is already tomorrow from 10:00 UTC,
        // 10 hours behind is still yesterday before 10:00 UTC.
        boolean late = ZonedDateTime.now(ZoneOffset.UTC).getHour() >= 10;
        String zone = late ? "Pacific/Kiritimati" : "Pacific/Honolulu";
        int day = late ? 6 : 4;

        athlete.kafka.sendCloudEvent("plan-events", athlete.athleteId,
                Journeys.planUpdated(UUID.randomUUID(), athlete.planId, athlete.athleteId, "Mars/Olympus_Mons"));
        athlete.kafka.sendCloudEvent("plan-events", athlete.athleteId,
                Journeys.planUpdated(UUID.randomUUID(), athlete.planId, athlete.athleteId, zone));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                athlete.asPhysio().get("/api/progress/" + athlete.athleteId + "/adherence").then()
                        .body("timeZone", equalTo(zone)));
        athlete.asPhysio().get("/api/progress/" + athlete.athleteId).then().statusCode(200)
                .body("day", equalTo(day));
    }
}
