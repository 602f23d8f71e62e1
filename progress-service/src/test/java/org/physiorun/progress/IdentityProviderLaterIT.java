package org.physiorun.progress;

import org.junit.jupiter.api.Test;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;
import org.physiorun.progress.support.IdentityProviderStandIn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * In the local run Keycloak starts alongside the services, and may be ready after them. The packaged service starts
 * while its identity provider does not answer, asks to be tried again shortly (503) while it cannot check a token,
 * and checks tokens once the provider is up, without a restart.
 */
class IdentityProviderLaterIT {

    private static final String REALM = "/realms/physiorun";

    @Test
    void theServiceStartsBeforeItsIdentityProviderAndChecksTokensOnceItAnswers() throws Exception {
        // The servers first: a broker started after the ports are chosen once took the service's port for its own.
        String jdbcUrl = RealServers.postgres().jdbcUrl(RealServers.DATABASE);
        String bootstrapServers = RealServers.kafkaBootstrapServers();
        int providerPort = ServiceProcess.freePort();
        String issuer = IdentityProviderStandIn.issuer(providerPort, REALM);
        int port = ServiceProcess.freePort();
        try (ServiceProcess service = ServiceProcess.start("progress-service",
                Path.of("target/quarkus-app/quarkus-run.jar"), port, Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                        "PHYSIORUN_PROGRESS_REEVALUATE_EVERY", "off",
                        "QUARKUS_OIDC_AUTH_SERVER_URL", issuer),
                List.of("-Xmx256m"), Path.of("target/identity-provider-later-it.log"))) {
            service.awaitReady(Duration.ofSeconds(60));
            String physio = TestTokens.token("physio").clinic("clinic-later").issuer(issuer).sign();

            given().port(port).auth().oauth2(physio).get("/api/progress").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());

            try (IdentityProviderStandIn provider = IdentityProviderStandIn.start(providerPort, REALM)) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        given().port(port).auth().oauth2(physio).get("/api/progress").then()
                                .statusCode(200).body("$", equalTo(List.of())));
                // the provider's issuer, and no other
                given().port(port).auth().oauth2(TestTokens.physio("clinic-later")).get("/api/progress").then()
                        .statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith("Bearer"));
            }
        }
    }
}
