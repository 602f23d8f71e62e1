package org.physiorun.catalog;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The packaged service, stopped and started again as an operator would, keeps what a clinic-admin stored. */
class CatalogRestartIT {

    @Test
    void anAddedExerciseSurvivesARestartOfTheService() throws Exception {
        // The tests' tokens instead of Keycloak's: a public key counts only without an auth-server-url.
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", RealServers.postgres().jdbcUrl(RealServers.DATABASE),
                "QUARKUS_OIDC_AUTH_SERVER_URL", "",
                "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey(),
                "QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Path log = Path.of("target/restart-it.log");
        int port = ServiceProcess.freePort();
        String json = """
                {"slug": "survivor", "number": 501, "name": "Survivor", "phase": 3, "focus": "restart check",
                 "instructions": "Hold still.", "dosage": {"sets": 2, "holdSecondsMin": 20, "holdSecondsMax": 30}}""";

        try (ServiceProcess first = ServiceProcess.start("catalog-service", jar, port, env, List.of(), log)) {
            first.awaitReady(Duration.ofSeconds(60));
            given().baseUri(first.baseUrl()).auth().oauth2(TestTokens.clinicAdmin("north"))
                    .contentType(ContentType.JSON).body(json)
                    .post("/api/exercises").then().statusCode(201);
        }
        try (ServiceProcess second = ServiceProcess.start("catalog-service", jar, port, env, List.of(), log)) {
            second.awaitReady(Duration.ofSeconds(60));
            given().baseUri(second.baseUrl()).get("/api/exercises/survivor").then().statusCode(200)
                    .body("dosage.holdSecondsMax", equalTo(30));
            given().baseUri(second.baseUrl()).get("/api/exercises?phase=2").then().statusCode(200)
                    .body("size()", equalTo(3));
        }
    }
}
