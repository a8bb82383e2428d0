package io.spinemet.efficacy.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client past its rate gets a 429 problem with Retry-After; another client is not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreePerMinute.class)
class RateLimitTest {

    public static class ThreePerMinute extends AuthEnabledProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("spinemet.security.rate-limit.requests", "3");
            config.put("spinemet.security.rate-limit.period", "60s");
            config.put("spinemet.security.rate-limit.clients.\"trusted-engine\"", "100");
            return config;
        }
    }

    private static String token(String clientId) {
        return "Bearer " + TestTokens.rs256(TestTokens.claims("models:read").claim("azp", clientId).build());
    }

    @Test
    void theFourthRequestInAMinuteIs429WithRetryAfter() {
        String planner = token("planner-429");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", planner).when().get("/api/v1/factors").then().statusCode(200);
        }
        String retryAfter = given().header("Authorization", planner).when().get("/api/v1/factors").then()
                .statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:spinemet:problem:rate-limit"))
                .body("detail", containsString("3 requests per 60 s"))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        // one request comes back every 20 s
        assertTrue(seconds >= 1 && seconds <= 20, retryAfter);
        // a new token of the same client is the same client
        given().header("Authorization", token("planner-429")).when().get("/api/v1/factors").then().statusCode(429);
        // another client has its own bucket, and a configured client its own rate
        given().header("Authorization", token("other-client")).when().get("/api/v1/factors").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", token("trusted-engine")).when().get("/api/v1/factors").then()
                    .statusCode(200);
        }
    }
}
