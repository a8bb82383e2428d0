package io.spinemet.efficacy.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.spinemet.efficacy.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * One JSON line per API call in the audit log (target/test-audit.log in tests), found by the X-Request-Id the
 * response carries; and no patient data in it: requests carry a marker as a patient id, in the query string, as a
 * field name, as a factor value and in a header, and the marker must not appear anywhere in the audit log.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
class AuditTrailTest {

    private static final Path AUDIT = Path.of("target/test-audit.log");
    private static final String MARKER = "QQ-PATIENT-5519";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String token(String scope) {
        return "Bearer " + TestTokens.rs256(TestTokens.claims(scope).build());
    }

    /** The audit line of a request id; it is written when the response ends, so wait for it briefly. */
    private static JsonNode line(String requestId) throws Exception {
        for (int i = 0; i < 50; i++) {
            if (Files.exists(AUDIT)) {
                for (String l : Files.readAllLines(AUDIT)) {
                    if (l.contains(requestId)) {
                        return JSON.readTree(l);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no audit line for request " + requestId);
    }

    @Test
    void aPredictionIsAuditedWithCallerEndpointModelAndCount() throws Exception {
        String id = given().header("Authorization", token("predict")).contentType(ContentType.JSON)
                .header("X-Request-Id", MARKER)
                .body(Files.readString(Path.of("openapi/examples/predict-pvp.json")))
                .when().post("/api/v1/predictions?patient=" + MARKER)
                .then().statusCode(200).extract().header("X-Request-Id");
        assertFalse(id.contains(MARKER), "the request id is the service's own, not the client's");
        JsonNode a = line(id);
        assertEquals("POST", a.get("method").asText());
        assertEquals("/api/v1/predictions", a.get("endpoint").asText());
        assertEquals(200, a.get("status").asInt());
        assertTrue(a.get("latencyMs").asDouble() >= 0);
        assertTrue(Instant.parse(a.get("time").asText()).isAfter(Instant.now().minusSeconds(60)));
        assertEquals(TestTokens.ISSUER, a.at("/caller/iss").asText());
        assertEquals("service-account-planner", a.at("/caller/sub").asText());
        assertEquals("planner", a.at("/caller/clientId").asText());
        assertEquals("PVP", a.at("/procedures/0").asText());
        assertEquals("fixture-pvp", a.at("/models/0/id").asText());
        assertEquals("0.0.1-test", a.at("/models/0/version").asText());
        assertEquals(Sha256.hex(Files.readAllBytes(Path.of("src/test/resources/fixture-models/pvp.json"))),
                a.at("/models/0/sha256").asText());
        assertEquals(1, a.get("records").asInt());
    }

    @Test
    void aBatchCountsItsScoredRecordsAndBothModels() throws Exception {
        String body = "{\"patients\": ["
                + "{\"id\": \"" + MARKER + "\", \"procedure\": \"PVP\", \"factors\": {\"malnutrition\": true, "
                + "\"poorPerformanceStatus\": false, \"metastasisDuringChemotherapy\": false, "
                + "\"targetedTherapy\": false, \"postoperativeRadiotherapy\": false}},"
                + "{\"id\": \"b\", \"procedure\": \"PVP\", \"factors\": {\"" + MARKER + "\": true}},"
                + "{\"id\": \"c\", \"procedure\": \"DECOMPRESSION\", \"factors\": {\"malnutrition\": false, "
                + "\"poorPerformanceStatus\": false, \"metastasisDuringChemotherapy\": false, "
                + "\"targetedTherapy\": false, \"postoperativeRadiotherapy\": false, \"frankelGrade\": \"D\"}}]}";
        String id = given().header("Authorization", token("predict")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/predictions/batch").then().statusCode(200).extract().header("X-Request-Id");
        JsonNode a = line(id);
        assertEquals("/api/v1/predictions/batch", a.get("endpoint").asText());
        assertEquals(2, a.get("records").asInt(), a.toString());
        assertEquals(2, a.get("models").size(), a.toString());
        assertEquals(2, a.get("procedures").size(), a.toString());
    }

    @Test
    void aModelCardIsAuditedWithTheTemplateNotThePath() throws Exception {
        String id = given().header("Authorization", token("models:read")).when().get("/api/v1/models/decompression")
                .then().statusCode(200).extract().header("X-Request-Id");
        JsonNode a = line(id);
        assertEquals("/api/v1/models/{procedure}", a.get("endpoint").asText());
        assertEquals("fixture-decompression", a.at("/models/0/id").asText());
        assertTrue(a.get("records") == null, "a card scores no record");
    }

    @Test
    void aRefusalIsAuditedWithTheFailedCheck() throws Exception {
        Instant past = Instant.now().minusSeconds(600);
        String expired = TestTokens.rs256(TestTokens.claims("predict").issueTime(Date.from(past.minusSeconds(60)))
                .notBeforeTime(Date.from(past.minusSeconds(60))).expirationTime(Date.from(past)).build());
        String id = given().header("Authorization", "Bearer " + expired).contentType(ContentType.JSON)
                .body("{\"procedure\": \"PVP\", \"factors\": {\"malnutrition\": \"" + MARKER + "\"}}")
                .when().post("/api/v1/predictions").then().statusCode(401).extract().header("X-Request-Id");
        JsonNode a = line(id);
        assertEquals(401, a.get("status").asInt());
        assertEquals("token-expired", a.get("check").asText());
        assertTrue(a.get("caller") == null, "an unverified token names no caller");
        String unknown = given().header("Authorization", token("predict")).when().get("/api/v1/" + MARKER)
                .then().statusCode(404).extract().header("X-Request-Id");
        assertEquals("unmatched", line(unknown).get("endpoint").asText());
    }

    @Test
    void noPatientDataInTheAuditLog() throws Exception {
        given().header("Authorization", token("predict")).contentType(ContentType.JSON)
                .body("{\"procedure\": \"PVP\", \"factors\": {\"primaryTumorGrowth\": \"" + MARKER + "\"}}")
                .when().post("/api/v1/predictions?mrn=" + MARKER).then().statusCode(400);
        given().header("Authorization", token("predict")).contentType("text/csv")
                .body("patientId,procedure\n" + MARKER + ",PVP\n").when().post("/api/v1/predictions/batch")
                .then().statusCode(200); // the row lacks its model's columns: rejected on its own line (batch contract)
        String last = given().header("Authorization", token("models:read")).when().get("/api/v1/factors")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertNotNull(line(last));
        String log = Files.readString(AUDIT);
        assertTrue(log.lines().count() >= 3, "the audit log is being written");
        assertFalse(log.contains(MARKER), "patient data in the audit log");
        assertFalse(log.contains("5519"), "patient data in the audit log");
        assertFalse(log.contains("Bearer"), "a token in the audit log");
    }
}
