package org.physiorun.catalog;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The local run starts Keycloak next to the services, and Keycloak takes longer: the packaged service comes up
 * without it, serves the catalogue, asks writers to try again shortly (503) while it cannot check their tokens,
 * and checks them against the realm once the realm answers. The realm here is a stand-in serving the OIDC discovery document and the tests' public key.
 */
class KeycloakStartsLaterIT {

    @Test
    void theServiceStartsBeforeTheRealmAndChecksTokensOnceItAnswers() throws Exception {
        // The database first: a server started after the ports are chosen can take one of them for its own.
        String jdbcUrl = RealServers.postgres().jdbcUrl(RealServers.DATABASE);
        int realmPort = ServiceProcess.freePort();
        String issuer = "http://localhost:" + realmPort + "/realms/physiorun";
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
        String adminToken = TestTokens.token("clinic-admin").clinic("north").issuer(issuer).sign();
        String json = """
                {"slug": "early-bird", "number": 502, "name": "Early bird", "phase": 3, "focus": "start-up check",
                 "instructions": "Wait for the realm.", "dosage": {"sets": 1, "repsMin": 5, "repsMax": 5}}""";

        try (ServiceProcess catalog = ServiceProcess.start("catalog-service", Path.of("target/quarkus-app/quarkus-run.jar"),
                ServiceProcess.freePort(), env, List.of(), Path.of("target/keycloak-later-it.log"))) {
            catalog.awaitReady(Duration.ofSeconds(60));
            given().baseUri(catalog.baseUrl()).get("/api/exercises/glider").then().statusCode(200);
            given().baseUri(catalog.baseUrl()).auth().oauth2(adminToken).contentType(ContentType.JSON).body(json)
                    .post("/api/exercises").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"));

            HttpServer realm = standInRealm(realmPort, issuer);
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                        given().baseUri(catalog.baseUrl()).auth().oauth2(adminToken).contentType(ContentType.JSON)
                                .body(json).post("/api/exercises").statusCode() == 201);
                given().baseUri(catalog.baseUrl()).get("/api/exercises/early-bird").then().statusCode(200)
                        .body("name", equalTo("Early bird"));
                // The realm's issuer is checked too: the same key under another issuer gets nowhere.
                given().baseUri(catalog.baseUrl()).auth().oauth2(TestTokens.clinicAdmin("north"))
                        .delete("/api/exercises/early-bird").then().statusCode(401)
                        .header("WWW-Authenticate", startsWith("Bearer"));
            } finally {
                realm.stop(0);
            }
        }
    }

    /** Keycloak's discovery document and key set for the realm, with the tests' signing key as the realm's key. */
    private static HttpServer standInRealm(int port, String issuer) throws Exception {
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TestTokens.publicKey())));
        String discovery = """
                {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                 "token_endpoint": "%s/protocol/openid-connect/token",
                 "authorization_endpoint": "%s/protocol/openid-connect/auth"}""".formatted(issuer, issuer, issuer, issuer);
        String keys = """
                {"keys": [{"kty": "RSA", "kid": "physiorun-test", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}"""
                .formatted(base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        serve(server, "/realms/physiorun/.well-known/openid-configuration", discovery);
        serve(server, "/realms/physiorun/protocol/openid-connect/certs", keys);
        server.start();
        return server;
    }

    private static void serve(HttpServer server, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** An unsigned big-endian integer, base64url without padding, as JWK writes n and e. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
