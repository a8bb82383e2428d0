package io.spinemet.efficacy.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens must never let through a token the verifier would refuse: it is keyed by the exact
 * token, remembers successes only, and forgets a token at its expiry.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    private static Response predict(String token) throws Exception {
        return given().contentType(ContentType.JSON).body(Files.readString(Path.of("openapi/examples/predict-pvp.json")))
                .header("Authorization", "Bearer " + token).when().post("/api/v1/predictions");
    }

    @Test
    void aTokenUsedThreeTimesIsVerifiedAndRememberedOnce() throws Exception {
        String token = TestTokens.rs256(TestTokens.claims("predict").build());
        long before = cache.size();
        for (int i = 0; i < 3; i++) {
            predict(token).then().statusCode(200);
        }
        assertEquals(before + 1, cache.size());
    }

    @Test
    void aCopyOfAVerifiedTokenWithAnotherSignatureIsRefused() throws Exception {
        String token = TestTokens.rs256(TestTokens.claims("predict").build());
        predict(token).then().statusCode(200);
        int dot = token.lastIndexOf('.');
        char last = token.charAt(dot + 1);
        String forged = token.substring(0, dot + 1) + (last == 'A' ? 'B' : 'A') + token.substring(dot + 2);
        predict(forged).then().statusCode(401).body("type", equalTo("urn:spinemet:problem:token-signature"));
    }

    @Test
    void widenedClaimsUnderAVerifiedSignatureAreRefused() throws Exception {
        JWTClaimsSet claims = TestTokens.claims("predict").build();
        String token = TestTokens.rs256(claims);
        predict(token).then().statusCode(200);
        String[] parts = token.split("\\.");
        String[] widened = TestTokens.tampered(claims).split("\\.");
        predict(parts[0] + "." + widened[1] + "." + parts[2]).then().statusCode(401)
                .body("type", equalTo("urn:spinemet:problem:token-signature"));
    }

    @Test
    void aRememberedTokenIsStillHeldToTheEndpointsScope() throws Exception {
        String readOnly = TestTokens.rs256(TestTokens.claims("models:read").build());
        given().header("Authorization", "Bearer " + readOnly).when().get("/api/v1/models").then().statusCode(200);
        assertNotNull(cache.known(readOnly), "verified and remembered");
        for (int i = 0; i < 2; i++) {
            predict(readOnly).then().statusCode(403)
                    .body("type", equalTo("urn:spinemet:problem:insufficient-scope"));
            given().header("Authorization", "Bearer " + readOnly).when().get("/api/v1/models").then().statusCode(200);
        }
    }

    @Test
    void refusedTokensAreNotRemembered() throws Exception {
        String wrongAudience = TestTokens.rs256(TestTokens.claims("predict").audience("another-service").build());
        String rotatedOut = TestTokens.rotatedOut(TestTokens.claims("predict").build());
        long before = cache.size();
        for (int i = 0; i < 2; i++) {
            predict(wrongAudience).then().statusCode(401);
            predict(rotatedOut).then().statusCode(401);
        }
        assertEquals(before, cache.size());
    }

    /** A token with the given exp (epoch seconds), or none. */
    private static JsonWebToken expiringAt(Long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "t";
            }

            @Override
            public Set<String> getClaimNames() {
                return exp == null ? Set.of() : Set.of("exp");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) exp : null;
            }
        };
    }

    @Test
    void aTokenIsTrustedForTheTtlOrUntilItsExpiryPlusSkewWhicheverIsSooner() {
        var expiry = new VerifiedTokenCache.UntilExpiry(Duration.ofSeconds(60), Duration.ofSeconds(30));
        long now = System.currentTimeMillis() / 1000;
        // exp in 1 h: the ttl, 60 s
        assertEquals(60_000_000_000L, expiry.expireAfterCreate("k", expiringAt(now + 3600), 0));
        // exp in 10 s, skew 30 s: 40 s (one second of slack for the clock ticking during the test)
        long left = expiry.expireAfterCreate("k", expiringAt(now + 10), 0);
        assertEquals(40.0, left / 1e9, 1.0);
        // expired 5 min ago: not trusted at all
        assertEquals(0, expiry.expireAfterCreate("k", expiringAt(now - 300), 0));
        // no exp: the ttl
        assertEquals(60_000_000_000L, expiry.expireAfterCreate("k", expiringAt(null), 0));
    }
}
