package io.spinemet.efficacy.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** HSTS is sent over TLS (certificate files configured) and not over plain HTTP. */
@QuarkusTest
@TestProfile(TlsProfile.class)
class TlsHeadersTest {

    @Test
    void hstsOverTlsOnly() {
        given().relaxedHTTPSValidation().when().get("https://localhost:" + TlsProfile.port() + "/api/v1/factors")
                .then().statusCode(200)
                .header("Strict-Transport-Security", equalTo(SecurityHeaders.HSTS))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().when().get("/api/v1/factors").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
    }
}
