package org.physiorun.plan;

import io.restassured.specification.RequestSpecification;
import org.physiorun.infra.testing.TestTokens;

import static io.restassured.RestAssured.given;

/**
 * Who the tests act as, with tokens the service verifies for real. A test that is not about access acts as a
 * physiotherapist of the test clinic, who may make and read any athlete's plans there.
 */
final class Identities {

    static final String CLINIC = "clinic-test";
    private static final String PHYSIO = TestTokens.physio(CLINIC);

    private Identities() {
    }

    static RequestSpecification asPhysio() {
        return as(PHYSIO);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
