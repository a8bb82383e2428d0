package io.spinemet.efficacy.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.spinemet.efficacy.Management;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI is off when configured so; HSTS is sent over TLS (certificate configured) and not over plain HTTP; CORS lets the configured planning tool's
 * origin call the API with a bearer token, and no other origin.
 */
@QuarkusTest
@TestProfile(TlsProfile.class)
class TlsAndCorsTest {

    @Test
    void hstsOverTlsOnly() {
        given().relaxedHTTPSValidation().when().get("https://localhost:" + TlsProfile.port() + "/api/v1/factors")
                .then().statusCode(200)
                .header("Strict-Transport-Security", equalTo(SecurityHeaders.HSTS))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().when().get("/api/v1/factors").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void theConfiguredPlannerMayCallTheApiFromABrowser() {
        given().header("Origin", TlsProfile.PLANNER).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/predictions").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(TlsProfile.PLANNER))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
        given().header("Origin", TlsProfile.PLANNER).when().get("/api/v1/factors").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(TlsProfile.PLANNER))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("X-Request-Id"));
    }

    @Test
    void swaggerUiCanBeTurnedOffAtRunTimeWhileTheDocumentStays() {
        given().when().get(Management.url("/q/swagger-ui/")).then().statusCode(404);
        given().accept("application/json").when().get(Management.url("/q/openapi")).then().statusCode(200);
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/predictions").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").when().get("/api/v1/factors").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
