package io.spinemet.efficacy.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.spinemet.efficacy.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * Bearer JWTs on /api/v1 with authentication on: every token is minted here with keys generated for the run
 * ({@link TestTokens}); each refused one gets a 401/403 problem naming the failed check and never quoting the token.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class BearerAuthTest {

    private static final String PREDICT = "predict";
    private static final String READ = "models:read";

    private static String pvp() throws Exception {
        return Files.readString(Path.of("openapi/examples/predict-pvp.json"));
    }

    private static Response predict(String token) throws Exception {
        var request = given().contentType(ContentType.JSON).body(pvp());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/api/v1/predictions");
    }

    /** A 401 problem with the given check, a Bearer challenge, and no part of the token in the body or headers. */
    private static void refused(String token, int status, String check) throws Exception {
        Response r = predict(token);
        r.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:spinemet:problem:" + check))
                .body("status", equalTo(status))
                .header("WWW-Authenticate", containsString("Bearer"));
        String everything = r.asString() + r.getHeaders().toString();
        for (String part : token.split("\\.")) {
            if (part.length() > 8) {
                assertFalse(everything.contains(part), "the refusal quotes the token");
            }
        }
    }

    @Test
    void aValidRs256TokenWithThePredictScopeIsAccepted() throws Exception {
        predict(TestTokens.rs256(TestTokens.claims(PREDICT).build())).then().statusCode(200)
                .body("procedure", equalTo("PVP"))
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void aValidEs256TokenIsAccepted() throws Exception {
        predict(TestTokens.es256(TestTokens.claims(PREDICT + " " + READ).build())).then().statusCode(200);
    }

    @Test
    void noTokenIs401() throws Exception {
        predict(null).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:spinemet:problem:token-missing"))
                .header("WWW-Authenticate", equalTo("Bearer"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get("/api/v1/factors").then().statusCode(401)
                .body("type", equalTo("urn:spinemet:problem:token-missing"));
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        Instant past = Instant.now().minusSeconds(600);
        refused(TestTokens.rs256(TestTokens.claims(PREDICT).issueTime(Date.from(past.minusSeconds(300)))
                .notBeforeTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)).build()),
                401, "token-expired");
    }

    @Test
    void aTokenNotYetValidIs401() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        refused(TestTokens.rs256(TestTokens.claims(PREDICT).notBeforeTime(Date.from(later))
                .expirationTime(Date.from(later.plusSeconds(300))).build()), 401, "token-not-yet-valid");
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        refused(TestTokens.rs256(TestTokens.claims(PREDICT).audience("another-service").build()), 401,
                "token-audience");
    }

    @Test
    void aTokenFromAnotherIssuerIs401() throws Exception {
        refused(TestTokens.rs256(TestTokens.claims(PREDICT).issuer("https://evil.example/realms/x").build()), 401,
                "token-issuer");
    }

    @Test
    void algNoneIs401() throws Exception {
        refused(TestTokens.none(TestTokens.claims(PREDICT).build()), 401, "token-algorithm");
    }

    @Test
    void hs256SignedWithThePublicKeyIs401() throws Exception {
        refused(TestTokens.hs256(TestTokens.claims(PREDICT).build()), 401, "token-algorithm");
    }

    @Test
    void aTamperedTokenIs401() throws Exception {
        refused(TestTokens.tampered(TestTokens.claims(READ).build()), 401, "token-signature");
    }

    @Test
    void aKeyRotatedOutOfTheJwkSetIs401() throws Exception {
        refused(TestTokens.rotatedOut(TestTokens.claims(PREDICT).build()), 401, "token-key-unknown");
    }

    @Test
    void garbageIs401() throws Exception {
        refused("not-a-jwt-at-all-0123456789", 401, "token-malformed");
    }

    @Test
    void aTokenWithoutTheEndpointsScopeIs403() throws Exception {
        String readOnly = TestTokens.rs256(TestTokens.claims(READ).build());
        predict(readOnly).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:spinemet:problem:insufficient-scope"))
                .body("detail", containsString("'predict'"))
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_scope\", scope=\"predict\""));
        String predictOnly = TestTokens.rs256(TestTokens.claims(PREDICT).build());
        for (String path : new String[] {"/api/v1/models", "/api/v1/models/pvp", "/api/v1/factors"}) {
            given().header("Authorization", "Bearer " + predictOnly).when().get(path).then().statusCode(403)
                    .body("detail", containsString("'models:read'"));
            given().header("Authorization", "Bearer " + readOnly).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void scoresNeedPredictAndMeasurementsNeedModelsRead() throws Exception {
        String readOnly = TestTokens.rs256(TestTokens.claims(READ).build());
        String predictOnly = TestTokens.rs256(TestTokens.claims(PREDICT).build());
        given().header("Authorization", "Bearer " + readOnly).contentType(ContentType.JSON)
                .body(Files.readString(Path.of("openapi/examples/scores.json"))).when().post("/api/v1/scores")
                .then().statusCode(403).body("detail", containsString("'predict'"));
        given().header("Authorization", "Bearer " + predictOnly).contentType(ContentType.JSON)
                .body(Files.readString(Path.of("openapi/examples/scores.json"))).when().post("/api/v1/scores")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + predictOnly).when().get("/api/v1/measurements").then()
                .statusCode(403).body("detail", containsString("'models:read'"));
        given().header("Authorization", "Bearer " + readOnly).when().get("/api/v1/measurements").then()
                .statusCode(200);
    }

    @Test
    void batchAndComparisonNeedThePredictScope() throws Exception {
        String readOnly = TestTokens.rs256(TestTokens.claims(READ).build());
        for (String path : new String[] {"/api/v1/predictions/batch", "/api/v1/predictions/comparison"}) {
            given().header("Authorization", "Bearer " + readOnly).contentType(ContentType.JSON).body("{}")
                    .when().post(path).then().statusCode(403);
        }
    }

    @Test
    void theOpenApiDocumentNamesEachOperationsScopeAndRefusals() {
        given().accept("application/json").when().get(Management.url("/q/openapi")).then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/predictions'.post.security[0].bearer[0]", equalTo(PREDICT))
                .body("paths.'/api/v1/models/{procedure}'.get.security[0].bearer[0]", equalTo(READ))
                .body("paths.'/api/v1/factors'.get.responses.'401'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/predictions/batch'.post.responses.'429'", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void healthIsOpen() {
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
    }
}
