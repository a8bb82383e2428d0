package io.spinemet.efficacy.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.spinemet.efficacy.Management;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Response headers on the API, its errors and the management interface (plain HTTP here, so no HSTS). */
@QuarkusTest
class SecurityHeadersTest {

    private static void nosniff(ValidatableResponse r) {
        r.header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void predictionsAreNotStoredAndCannotBeSniffedOrFramed() throws Exception {
        ValidatableResponse r = given().contentType(ContentType.JSON)
                .body(Files.readString(Path.of("openapi/examples/predict-pvp.json")))
                .when().post("/api/v1/predictions").then().statusCode(200);
        nosniff(r);
        r.header("Cache-Control", equalTo("no-store"))
                .header("Content-Security-Policy", equalTo(SecurityHeaders.DATA_POLICY))
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void errorsCarryTheHeadersToo() {
        ValidatableResponse r = given().contentType(ContentType.JSON).body("{")
                .when().post("/api/v1/predictions").then().statusCode(400);
        nosniff(r);
        r.header("Cache-Control", equalTo("no-store"));
        nosniff(given().when().get("/api/v1/nothing-here").then().statusCode(404));
        nosniff(given().when().delete("/api/v1/factors").then().statusCode(405));
    }

    @Test
    void pagesGetTheStrictPagePolicy() {
        // The calculator sets its own policy, stricter than SecurityHeaders.PAGE_POLICY (default-src 'none'); it is kept.
        given().when().get("/").then().header("Content-Security-Policy",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("default-src 'none'"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-"))))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void modelCardsMayBeCachedButNotSniffed() {
        ValidatableResponse r = given().when().get("/api/v1/models/pvp").then().statusCode(200);
        nosniff(r);
        r.header("Cache-Control", nullValue());
    }

    @Test
    void theManagementInterfaceSendsNosniff() {
        nosniff(given().when().get(Management.url("/q/health/live")).then().statusCode(200));
        nosniff(given().when().get(Management.url("/q/metrics")).then().statusCode(200));
    }
}
