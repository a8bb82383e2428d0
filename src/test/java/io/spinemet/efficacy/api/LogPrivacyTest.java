package io.spinemet.efficacy.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Patient data never reaches the log. Requests carry a marker in a value, a field name, malformed JSON and a CSV
 * cell; the service's log file (target/test-service.log, test profile) must show that the requests were handled and
 * rejected, and must not contain the marker anywhere.
 */
@QuarkusTest
class LogPrivacyTest {

    static {
        Problems.useDoubles();
    }

    private static final String MARKER = "ZZ-MARKER-7731";
    private static final Path LOG = Path.of("target/test-service.log");

    @Test
    void markerNeverReachesTheLog() throws Exception {
        assertTrue(Files.exists(LOG), "the test profile writes the service log to " + LOG);
        String wholeLog = Files.readString(LOG);
        int before = wholeLog.length();
        assertTrue(wholeLog.contains("Loaded model fixture-pvp"), "the log is being written");
        given().contentType(ContentType.JSON).body("{\"procedure\": \"PVP\", \"factors\": {\"primaryTumorGrowth\": \""
                + MARKER + "\", \"x" + MARKER + "\": true}}").when().post("/api/v1/predictions").then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body("{\"procedure\": \"" + MARKER + "\", \"factors\": {")
                .when().post("/api/v1/predictions").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"factors\": {\"malnutrition\": " + MARKER + "}}")
                .when().post("/api/v1/predictions/comparison").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"patients\": [{\"id\": \"" + MARKER + "\", \"procedure\": \"PVP\","
                + " \"factors\": {\"" + MARKER + "\": 1}}]}").when().post("/api/v1/predictions/batch").then()
                .statusCode(200);
        given().contentType("text/csv").body("patientId,procedure," + MARKER + "\n" + MARKER + ",PVP,1\n")
                .when().post("/api/v1/predictions/batch").then().statusCode(400);
        given().when().get("/api/v1/models/" + MARKER).then().statusCode(404);

        String all = Files.readString(LOG);
        String log = all.substring(before);
        // the log is really being written: a line for each rejected request of this test
        assertTrue(log.contains("Rejected POST request: 400 urn:spinemet:problem:invalid-request"), log);
        assertTrue(log.contains("Rejected POST request: 400 urn:spinemet:problem:malformed-json"), log);
        assertTrue(log.contains("Rejected POST request: 400 urn:spinemet:problem:invalid-csv"), log);
        assertFalse(all.contains(MARKER), "the log contains request content");
        // Only in this test's part: other tests log SHA-256 digests, whose hex may contain these digits by chance.
        assertFalse(log.contains("7731"), "the log contains request content");
    }
}
