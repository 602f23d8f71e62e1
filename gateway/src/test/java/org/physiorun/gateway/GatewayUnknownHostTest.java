package org.physiorun.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.when;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.physiorun.gateway.GatewayRoutingTest.assertUnavailable;
import static org.physiorun.gateway.GatewayRoutingTest.seconds;
import static org.physiorun.gateway.GatewayRoutingTest.timed;

/**
 * A service whose host name does not resolve (a typo in its URL, a container not in the network's DNS yet) is,
 * for a caller, a service that is down: a 503 problem with Retry-After, at once.
 */
@QuarkusTest
@TestProfile(GatewayUnknownHostTest.UnknownHost.class)
class GatewayUnknownHostTest {

    /**
     * progress-service at a name that never resolves (the .invalid domain is reserved for that); catalog-service
     * down, so that the first request, which sets the login up, reaches nobody else's server.
     */
    public static class UnknownHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("physiorun.gateway.progress-url", "http://progress-service.invalid:8083",
                        "physiorun.gateway.catalog-url", "http://localhost:" + ServiceProcess.freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aServiceWhoseNameDoesNotResolveIsA503Problem() {
        // Not timed: the first request after start also looks for Keycloak, which is not here.
        assertUnavailable(when().get("/api/exercises").then(), "catalog-service");
        Duration unknown = timed(() -> assertUnavailable(when().get("/api/progress/runner-7").then(),
                "progress-service"));
        System.out.printf("FIGURES gateway, a service at an unknown host: 503 in %.3f s%n", seconds(unknown));
        // A generous bound: a name lookup that fails, not a timeout, decides it.
        assertThat(unknown, lessThan(Duration.ofSeconds(5)));
    }
}
