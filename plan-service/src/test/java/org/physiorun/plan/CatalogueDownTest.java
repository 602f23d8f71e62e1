package org.physiorun.plan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.physiorun.plan.Identities.asPhysio;

/** Without the catalogue no plan can be made whole, so none is made; when it comes back, plans can be made again. */
@QuarkusTest
@WithTestResource(RealServers.class)
@WithTestResource(CatalogueStub.class)
class CatalogueDownTest {

    @Test
    void aDownCatalogueIsA503WithRetryAfterAndNothingIsStored() {
        Intake intake = Intake.accepted();
        String current = Intake.accepted().with("athleteId", intake.athleteId()).open();
        CatalogueStub.goDown();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                intake.post().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                        .body("type", equalTo("/problems/dependency-unavailable"))
                        .body("status", equalTo(503));
            }
            // The athlete's plan is untouched: still the only one, still active.
            asPhysio().queryParam("athleteId", intake.athleteId()).when().get("/api/plans").then().statusCode(200)
                    .body("planId", contains(current))
                    .body("status", contains("ACTIVE"));
            Intake stranger = Intake.accepted();
            stranger.post().statusCode(503);
            asPhysio().queryParam("athleteId", stranger.athleteId()).when().get("/api/plans")
                    .then().statusCode(200).body("$", empty());
        } finally {
            CatalogueStub.comeBack();
        }
        // Once the breaker lets calls through again, plans are made as before.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> intake.post().extract().statusCode() == 201);
    }
}
