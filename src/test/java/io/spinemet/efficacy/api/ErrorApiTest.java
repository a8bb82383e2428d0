package io.spinemet.efficacy.api;

import static io.restassured.RestAssured.given;
import static io.spinemet.efficacy.api.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every client mistake is a 4xx problem+json naming each offending field; none is a 500. */
@QuarkusTest
class ErrorApiTest {

    static {
        Problems.useDoubles();
    }

    private static final String OK_PVP_FACTORS = "\"malnutrition\": false, \"poorPerformanceStatus\": false, "
            + "\"metastasisDuringChemotherapy\": false, \"targetedTherapy\": false, \"postoperativeRadiotherapy\": false";

    private static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then();
    }

    private static ValidatableResponse predict(String json) {
        return post("/api/v1/predictions", json);
    }

    @Test
    void malformedJson() {
        for (String body : new String[] {"{\"procedure\": \"PVP\",", "not json", "{\"a\": 1} {\"b\": 2}",
                "{\"procedure\": \"PVP\", \"procedure\": \"PVP\", \"factors\": {}}"}) {
            assertProblem(predict(body), 400).body("type", equalTo("urn:spinemet:problem:malformed-json"))
                    .body("errors.pointer", contains(""));
        }
        assertProblem(given().contentType(ContentType.JSON).when().post("/api/v1/predictions").then(), 400)
                .body("errors.pointer", contains(""));
    }

    @Test
    void bodyMustBeAnObject() {
        assertProblem(predict("[1, 2]"), 400).body("errors.pointer", contains(""))
                .body("errors[0].detail", containsString("an array"));
        assertProblem(predict("\"PVP\""), 400).body("errors.pointer", contains(""));
    }

    @Test
    void unknownFieldsAnywhereAreErrors() {
        assertProblem(predict("{\"procedure\": \"PVP\", \"factor\": {}, \"factors\": {" + OK_PVP_FACTORS
                + ", \"malnutriton\": true, \"a/b~c\": 1}}"), 400)
                .body("errors.pointer", containsInAnyOrder("/factor", "/factors/malnutriton", "/factors/a~1b~0c"))
                .body("errors.find { it.pointer == '/factors/malnutriton' }.detail", equalTo("unknown factor"))
                .body("errors.find { it.pointer == '/factors/malnutriton' }.allowed", containsString("malnutrition"));
    }

    @Test
    void wrongTypesAreNeverCoerced() {
        assertProblem(predict("{\"procedure\": \"PVP\", \"factors\": {"
                + "\"malnutrition\": \"true\", \"poorPerformanceStatus\": 1, \"metastasisDuringChemotherapy\": null, "
                + "\"targetedTherapy\": [false], \"postoperativeRadiotherapy\": {}, "
                + "\"vertebraeInvolved\": \"2\", \"primaryTumorGrowth\": 2, \"leukopenia\": 0}}"), 400)
                .body("errors.pointer", containsInAnyOrder("/factors/malnutrition", "/factors/poorPerformanceStatus",
                        "/factors/metastasisDuringChemotherapy", "/factors/targetedTherapy",
                        "/factors/postoperativeRadiotherapy", "/factors/vertebraeInvolved",
                        "/factors/primaryTumorGrowth", "/factors/leukopenia"))
                .body("errors.find { it.pointer == '/factors/malnutrition' }.detail",
                        equalTo("must be a JSON boolean; got a string"))
                .body("errors.find { it.pointer == '/factors/malnutrition' }.allowed",
                        equalTo("true or false (JSON booleans)"))
                .body("errors.find { it.pointer == '/factors/vertebraeInvolved' }.allowed",
                        equalTo("a JSON integer >= 1"));
    }

    @Test
    void integersMustBeWholeJsonIntegersInRange() {
        for (String v : new String[] {"2.0", "2.5", "2e0", "0", "-1", "99999999999"}) {
            assertProblem(predict("{\"procedure\": \"PVP\", \"factors\": {" + OK_PVP_FACTORS
                    + ", \"vertebraeInvolved\": " + v + "}}"), 400)
                    .body("errors.pointer", contains("/factors/vertebraeInvolved"));
        }
    }

    @Test
    void valuesOutsideTheCatalogue() {
        assertProblem(predict("{\"procedure\": \"DECOMPRESSION\", \"factors\": {" + OK_PVP_FACTORS
                + ", \"frankelGrade\": \"F\", \"primaryTumorGrowth\": \"rapid\"}}"), 400)
                .body("errors.pointer", containsInAnyOrder("/factors/frankelGrade", "/factors/primaryTumorGrowth"))
                .body("errors.find { it.pointer == '/factors/frankelGrade' }.allowed", equalTo("one of A, B, C, D, E"))
                .body("errors.find { it.pointer == '/factors/primaryTumorGrowth' }.allowed",
                        equalTo("one of SLOW, MODERATE, RAPID"));
    }

    @Test
    void unknownProcedureListsTheAllowedValues() {
        for (String p : new String[] {"\"vertebroplasty\"", "\"KYPHOPLASTY\"", "1", "null"}) {
            assertProblem(predict("{\"procedure\": " + p + ", \"factors\": {" + OK_PVP_FACTORS + "}}"), 400)
                    .body("errors.pointer", contains("/procedure"))
                    .body("errors[0].allowed", equalTo("one of PVP, DECOMPRESSION"));
        }
    }

    @Test
    void missingFieldsAndFactorsAreNamedNeverDefaulted() {
        assertProblem(predict("{}"), 400).body("errors.pointer", containsInAnyOrder("/procedure", "/factors"));
        assertProblem(predict("{\"procedure\": \"PVP\", \"factors\": {\"malnutrition\": true}}"), 400)
                .body("errors.pointer", containsInAnyOrder("/factors/poorPerformanceStatus",
                        "/factors/metastasisDuringChemotherapy", "/factors/targetedTherapy",
                        "/factors/postoperativeRadiotherapy"))
                .body("errors[0].detail", equalTo("required by the PVP model"));
        assertProblem(predict("{\"procedure\": \"DECOMPRESSION\", \"factors\": {" + OK_PVP_FACTORS + "}}"), 400)
                .body("errors.pointer", contains("/factors/frankelGrade"))
                .body("errors[0].detail", equalTo("required by the DECOMPRESSION model"));
        assertProblem(predict("{\"procedure\": \"PVP\", \"factors\": [true]}"), 400)
                .body("errors.pointer", contains("/factors"));
    }

    @Test
    void comparisonNeedsFrankelGradeAndAllowsNoProcedure() {
        assertProblem(post("/api/v1/predictions/comparison", "{\"factors\": {" + OK_PVP_FACTORS + "}}"), 400)
                .body("errors.pointer", contains("/factors/frankelGrade"));
        assertProblem(post("/api/v1/predictions/comparison", "{\"procedure\": \"PVP\", \"factors\": {\"leukopenia\": "
                + "true}}"), 400)
                .body("errors.pointer", containsInAnyOrder("/procedure", "/factors/malnutrition",
                        "/factors/poorPerformanceStatus", "/factors/metastasisDuringChemotherapy",
                        "/factors/targetedTherapy", "/factors/postoperativeRadiotherapy", "/factors/frankelGrade"))
                .body("errors.find { it.pointer == '/factors/malnutrition' }.detail",
                        equalTo("required by the PVP and DECOMPRESSION models"));
    }

    @Test
    void batchRecordsFailAloneAndTheBatchStructureFailsWhole() {
        post("/api/v1/predictions/batch", "{\"patients\": ["
                + "{\"id\": \"a\", \"procedure\": \"PVP\", \"factors\": {" + OK_PVP_FACTORS + "}},"
                + "{\"id\": 7, \"procedure\": \"PVP\", \"extra\": 1, \"factors\": {\"malnutrition\": \"yes\", "
                + "\"poorPerformanceStatus\": false, \"metastasisDuringChemotherapy\": false, "
                + "\"targetedTherapy\": false, \"postoperativeRadiotherapy\": false}},"
                + "42]}")
                .statusCode(200)
                .body("scored", equalTo(1)).body("rejected", equalTo(2))
                .body("results[0].errors", nullValue())
                .body("results[1].errors.pointer", containsInAnyOrder("/patients/1/id", "/patients/1/extra",
                        "/patients/1/factors/malnutrition"))
                .body("results[2].errors.pointer", contains("/patients/2"));
        assertProblem(post("/api/v1/predictions/batch", "{\"patient\": []}"), 400)
                .body("errors.pointer", containsInAnyOrder("/patient", "/patients"));
        assertProblem(post("/api/v1/predictions/batch", "{\"patients\": {}}"), 400)
                .body("errors.pointer", contains("/patients"));
        assertProblem(post("/api/v1/predictions/batch", "{\"patients\": []}"), 400)
                .body("errors.pointer", contains("/patients"));
    }

    @Test
    void batchOverOneThousandPatientsIs413() {
        String one = "{\"procedure\": \"PVP\", \"factors\": {" + OK_PVP_FACTORS + "}}";
        String[] many = new String[1001];
        Arrays.fill(many, one);
        assertProblem(post("/api/v1/predictions/batch", "{\"patients\": [" + String.join(",", many) + "]}"), 413)
                .body("detail", containsString("at most 1000"));
        // exactly 1,000 is fine
        post("/api/v1/predictions/batch", "{\"patients\": [" + String.join(",", Arrays.copyOf(many, 1000)) + "]}")
                .statusCode(200).body("scored", equalTo(1000));
    }

    @Test
    void csvOverOneThousandRowsIs413AndBadRowsAre400WithLineAndColumn() {
        String header = "patientId,procedure,malnutrition,poorPerformanceStatus,leukopenia,primaryTumorGrowth,"
                + "targetedTherapy,metastasisDuringChemotherapy,primaryRadicallyResected,vertebraeInvolved,"
                + "extraspinalBoneMetastasis,visceralMetastasis,postoperativeRadiotherapy,frankelGrade\n";
        StringBuilder rows = new StringBuilder(header);
        for (int i = 0; i < 1001; i++) {
            rows.append("p").append(i).append(",PVP,0,0,0,SLOW,1,0,1,1,0,0,1,\n");
        }
        assertProblem(given().contentType("text/csv").body(rows.toString()).when()
                .post("/api/v1/predictions/batch").then(), 413);
        String bad = header + "p1,PVP,2,0,0,SLOW,1,0,1,1,0,0,1,\np2,DECOMPRESSION,0,0,0,FAST,1,0,1,1,0,0,1,\n";
        assertProblem(given().contentType("text/csv").body(bad).when().post("/api/v1/predictions/batch").then(), 400)
                .body("type", equalTo("urn:spinemet:problem:invalid-csv"))
                .body("errors", hasSize(3))
                .body("errors.line", containsInAnyOrder(2, 3, 3))
                .body("errors.column", containsInAnyOrder("malnutrition", "primaryTumorGrowth", "frankelGrade"));
        assertProblem(given().contentType("text/csv").body("a,b\n1,2\n").when().post("/api/v1/predictions/batch")
                .then(), 400).body("errors.column", org.hamcrest.Matchers.hasItem("a"));
    }

    @Test
    void bodyOverTheSizeLimitIs413ProblemJson() {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        assertProblem(given().contentType(ContentType.JSON).body(big).when().post("/api/v1/predictions").then(), 413)
                .body("type", equalTo("urn:spinemet:problem:too-large"));
        assertProblem(given().contentType("text/csv").body(big).when().post("/api/v1/predictions/batch").then(), 413);
    }

    @Test
    void chunkedBodyOverTheSizeLimitIs413ProblemJsonAndUnderItIsRead() {
        // An InputStream body has no known length: the client sends it chunked, without Content-Length.
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        assertProblem(given().contentType(ContentType.JSON).body(new ByteArrayInputStream(big)).when()
                .post("/api/v1/predictions/batch").then(), 413)
                .body("type", equalTo("urn:spinemet:problem:too-large"));
        String ok = "{\"procedure\": \"PVP\", \"factors\": {" + OK_PVP_FACTORS + "}}";
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/predictions").then().statusCode(200)
                .body("procedure", equalTo("PVP"));
    }

    @Test
    void wrongMediaTypeIs415() {
        assertProblem(given().contentType(ContentType.TEXT).body("{}").when().post("/api/v1/predictions").then(), 415);
        assertProblem(given().contentType("application/xml").body("<a/>").when()
                .post("/api/v1/predictions/comparison").then(), 415);
        assertProblem(given().contentType("text/csv").body("a").when().post("/api/v1/predictions").then(), 415);
    }

    @Test
    void wrongMethodIs405WithTheAllowedMethods() {
        assertProblem(given().when().delete("/api/v1/predictions").then(), 405)
                .header("Allow", "OPTIONS, POST");
        assertProblem(given().when().get("/api/v1/predictions/batch").then(), 405)
                .header("Allow", "OPTIONS, POST");
        assertProblem(given().when().get("/api/v1/predictions/comparison").then(), 405)
                .header("Allow", "OPTIONS, POST");
        assertProblem(given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/models").then(), 405)
                .header("Allow", "GET, HEAD, OPTIONS");
        assertProblem(given().when().put("/api/v1/models/pvp").then(), 405)
                .header("Allow", "GET, HEAD, OPTIONS");
        assertProblem(given().when().delete("/api/v1/factors").then(), 405)
                .header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void unknownModelOrPathIs404() {
        assertProblem(given().when().get("/api/v1/models/cervical").then(), 404)
                .body("type", equalTo("urn:spinemet:problem:unknown-model"))
                .body("instance", equalTo("/api/v1/models/cervical"));
        assertProblem(given().accept("text/markdown").when().get("/api/v1/models/Pvps").then(), 404);
        assertProblem(given().when().get("/api/v1/nothing-here").then(), 404);
        assertProblem(given().when().get("/nothing-here").then(), 404);
    }

    @Test
    void unacceptableAcceptIs406() {
        assertProblem(given().accept("text/html").when().get("/api/v1/models/pvp").then(), 406);
        assertProblem(given().accept("application/xml").contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/predictions").then(), 406);
    }
}
