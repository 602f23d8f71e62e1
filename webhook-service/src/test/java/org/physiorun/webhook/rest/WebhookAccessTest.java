package org.physiorun.webhook.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.physiorun.infra.testing.RealServers;
import org.physiorun.infra.testing.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The contract's access row for /api/webhooks: 401 without a token, 403 for runners and physiotherapists, a clinic's
 * own endpoints for its clinic-admin and clinic-system, and another clinic's never, not even that they exist.
 */
@QuarkusTest
@WithTestResource(RealServers.class)
class WebhookAccessTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String NORTH = "north-" + RUN;
    private static final String SOUTH = "south-" + RUN;
    private static final String URL = "http://127.0.0.1:9/hooks";

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
    }

    private static String register(String token, String url) {
        return as(token).body("{\"url\": \"%s\"}".formatted(url)).post("/api/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void withoutATokenEveryEndpointAnswers401AsAProblem() {
        String id = register(TestTokens.clinicAdmin(NORTH), URL);
        for (var request : new String[]{"GET /api/webhooks", "GET /api/webhooks/" + id,
                "GET /api/webhooks/" + id + "/deliveries", "DELETE /api/webhooks/" + id}) {
            String[] parts = request.split(" ");
            given().request(parts[0], parts[1]).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
        given().contentType(ContentType.JSON).body("{\"url\": \"" + URL + "\"}").post("/api/webhooks")
                .then().statusCode(401);
        as(TestTokens.clinicAdmin(NORTH)).get("/api/webhooks/" + id).then().statusCode(200);
    }

    @Test
    void runnersAndPhysiotherapistsAreRefused() {
        String id = register(TestTokens.clinicAdmin(NORTH), URL);
        for (String token : new String[]{TestTokens.runner("ana-" + RUN, NORTH), TestTokens.physio(NORTH)}) {
            as(token).body("{\"url\": \"" + URL + "\"}").post("/api/webhooks").then().statusCode(403)
                    .contentType("application/problem+json");
            as(token).get("/api/webhooks").then().statusCode(403);
            as(token).get("/api/webhooks/" + id + "/deliveries").then().statusCode(403);
            as(token).delete("/api/webhooks/" + id).then().statusCode(403);
        }
        as(TestTokens.clinicAdmin(NORTH)).get("/api/webhooks/" + id).then().statusCode(200);
    }

    @Test
    void registrationAnswersTheSecretOnceAndNeverAgain() {
        var created = as(TestTokens.clinicAdmin(NORTH))
                .body("{\"url\": \"%s\", \"description\": \"EHR\"}".formatted(URL)).post("/api/webhooks")
                .then().statusCode(201)
                .header("Location", containsString("/api/webhooks/"))
                .body("url", equalTo(URL))
                .body("enabled", equalTo(true))
                .body("eventTypes.size()", equalTo(0))
                .body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        as(TestTokens.clinicAdmin(NORTH)).get("/api/webhooks/" + id).then().statusCode(200)
                .body("description", equalTo("EHR"))
                .body("secret", nullValue());
        as(TestTokens.clinicSystem(NORTH)).get("/api/webhooks").then().statusCode(200)
                .body("id", hasItem(id))
                .body("secret", everyItem(nullValue()));
    }

    @Test
    void aClinicSystemManagesItsOwnClinicsEndpoints() {
        String id = register(TestTokens.clinicSystem(NORTH), URL);
        as(TestTokens.clinicAdmin(NORTH)).get("/api/webhooks/" + id).then().statusCode(200);
        as(TestTokens.clinicSystem(NORTH)).delete("/api/webhooks/" + id).then().statusCode(204);
        as(TestTokens.clinicSystem(NORTH)).get("/api/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void anotherClinicsEndpointIsNotFoundAndNotListed() {
        String id = register(TestTokens.clinicAdmin(NORTH), URL);
        String south = TestTokens.clinicAdmin(SOUTH);
        as(south).get("/api/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
        as(south).get("/api/webhooks/" + id + "/deliveries").then().statusCode(404);
        as(south).post("/api/webhooks/" + id + "/deliveries/any/retry").then().statusCode(404);
        as(south).delete("/api/webhooks/" + id).then().statusCode(404);
        as(south).get("/api/webhooks").then().statusCode(200).body("id", not(hasItem(id)));
        as(TestTokens.clinicAdmin(NORTH)).get("/api/webhooks/" + id).then().statusCode(200);
    }

    @Test
    void aTokenWithoutAClinicManagesNothing() {
        as(TestTokens.token("clinic-admin").sign()).get("/api/webhooks").then().statusCode(403);
    }

    @Test
    void aUrlTheRulesRefuseIsA400NamingTheUrlAndNothingIsStored() {
        String admin = TestTokens.clinicAdmin("west-" + RUN);
        for (String url : new String[]{"ftp://127.0.0.1/hooks", "not a url", "http://192.168.1.10/hooks",
                "https://user:secret@127.0.0.1/hooks", "https://no-such-host.invalid/hooks"}) {
            as(admin).body("{\"url\": \"%s\"}".formatted(url)).post("/api/webhooks").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        as(admin).body("{}").post("/api/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        as(admin).body("{\"url\": \"%s\", \"eventTypes\": [\"physiorun.progression.nonsense\"]}".formatted(URL))
                .post("/api/webhooks").then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        as(admin).body("{\"url\": \"%s\", \"eventTypes\": [null]}".formatted(URL))
                .post("/api/webhooks").then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        as(admin).body("{\"url\": 12, \"eventTypes\": \"x\"}").post("/api/webhooks").then().statusCode(400);
        as(admin).get("/api/webhooks").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aDeliveryThatDoesNotExistCannotBeRetried() {
        String id = register(TestTokens.clinicAdmin(NORTH), URL);
        as(TestTokens.clinicAdmin(NORTH)).post("/api/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).body("detail", notNullValue());
    }
}
