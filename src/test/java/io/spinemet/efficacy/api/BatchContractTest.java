package io.spinemet.efficacy.api;

import io.spinemet.efficacy.Management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * One batch contract for JSON and CSV (fixture models: PVP uses malnutrition, poorPerformanceStatus,
 * metastasisDuringChemotherapy, targetedTherapy, postoperativeRadiotherapy; DECOMPRESSION the same and frankelGrade).
 */
@QuarkusTest
class BatchContractTest {

    static {
        Problems.useDoubles();
    }

    private static final String PVP_COLUMNS = "patientId,procedure,malnutrition,poorPerformanceStatus,"
            + "metastasisDuringChemotherapy,targetedTherapy,postoperativeRadiotherapy";
    private static final String PVP_JSON = "\"malnutrition\": true, \"poorPerformanceStatus\": false, "
            + "\"metastasisDuringChemotherapy\": false, \"targetedTherapy\": false, \"postoperativeRadiotherapy\": false";

    private static ValidatableResponse csvAsJson(String csv) {
        return given().contentType("text/csv").accept(ContentType.JSON).body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/predictions/batch").then();
    }

    private static List<CSVRecord> csvAnswer(String csv, char delimiter) throws Exception {
        String body = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/v1/predictions/batch").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Cache-Control", "no-store").extract().asString();
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new java.io.StringReader(body))
                .getRecords();
    }

    @Test
    void onlyTheColumnsOfEachRowsModelAreRequiredAndABadRowDoesNotStopTheOthers() {
        // No frankelGrade column: the PVP row is scored, the DECOMPRESSION row needs it.
        csvAsJson(PVP_COLUMNS + "\na,PVP,1,0,0,0,0\nb,DECOMPRESSION,1,0,0,0,0\n").statusCode(200)
                .header("Cache-Control", "no-store")
                .body("count", equalTo(2)).body("scored", equalTo(1)).body("rejected", equalTo(1))
                .body("results[0].id", equalTo("a")).body("results[0].line", equalTo(2))
                .body("results[0].probability", equalTo(0.5))
                // x = (1, 1, 0, 0, 0, 0): x'Σx = 0.25 - 0.2 + 0.5 = 0.55, CI expit(0 ∓ 1.454) = 0.189 to 0.811, wider than 0.5
                .body("results[0].warnings.code", contains("RECONSTRUCTED_COHORT", "UNINFORMATIVE_INTERVAL",
                        "LOW_EVENTS_PER_VARIABLE"))
                .body("results[0].warnings[0].message", startsWith("The model was trained"))
                .body("results[0].model.id", equalTo("fixture-pvp"))
                .body("results[1].probability", nullValue())
                .body("results[1].errors[0].line", equalTo(3))
                .body("results[1].errors[0].column", equalTo("frankelGrade"))
                .body("results[1].errors[0].detail", equalTo("required by the DECOMPRESSION model"));
    }

    @Test
    void optionalCatalogueColumnsAreValidatedAndReportedAsIgnoredAsInJson() {
        csvAsJson(PVP_COLUMNS + ",frankelGrade,vertebraeInvolved\na,PVP,1,0,0,0,0,B,3\nb,PVP,1,0,0,0,0,Z,\n")
                .statusCode(200)
                .body("results[0].inputsIgnored", contains("vertebraeInvolved", "frankelGrade"))
                .body("results[1].errors[0].column", equalTo("frankelGrade"))
                .body("results[1].errors[0].allowed", equalTo("one of A, B, C, D, E"));
        // JSON: the same rules for frankelGrade on a PVP patient
        given().contentType(ContentType.JSON).body("{\"patients\": [{\"id\": \"a\", \"procedure\": \"PVP\", "
                        + "\"factors\": {" + PVP_JSON + ", \"frankelGrade\": \"B\", \"vertebraeInvolved\": 3}}, "
                        + "{\"id\": \"b\", \"procedure\": \"PVP\", \"factors\": {" + PVP_JSON
                        + ", \"frankelGrade\": \"Z\"}}]}")
                .when().post("/api/v1/predictions/batch").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("results[0].inputsIgnored", contains("vertebraeInvolved", "frankelGrade"))
                .body("results[1].errors[0].pointer", equalTo("/patients/1/factors/frankelGrade"));
    }

    @Test
    void integersFollowJsonRulesWithAPlausibleUpperBound() {
        String header = PVP_COLUMNS + ",vertebraeInvolved\n";
        String rows = "a,PVP,1,0,0,0,0,+0007\nb,PVP,1,0,0,0,0,\u0663\nc,PVP,1,0,0,0,0,007\nd,PVP,1,0,0,0,0,26\n"
                + "e,PVP,1,0,0,0,0,2.0\nf,PVP,1,0,0,0,0,25\ng,PVP,1,0,0,0,0,0\n";
        csvAsJson(header + rows).statusCode(200).body("scored", equalTo(1))
                .body("results[5].probability", equalTo(0.5))
                .body("results.findAll { it.errors != null }.errors.flatten().column",
                        equalTo(List.of("vertebraeInvolved", "vertebraeInvolved", "vertebraeInvolved",
                                "vertebraeInvolved", "vertebraeInvolved", "vertebraeInvolved")))
                .body("results[3].errors[0].allowed", equalTo("an integer from 1 to 25"));
        for (String bad : List.of("26", "0", "2.0", "\"7\"")) {
            given().contentType(ContentType.JSON).body("{\"procedure\": \"PVP\", \"factors\": {" + PVP_JSON
                            + ", \"vertebraeInvolved\": " + bad + "}}")
                    .when().post("/api/v1/predictions").then().statusCode(400)
                    .body("errors[0].pointer", equalTo("/factors/vertebraeInvolved"))
                    .body("errors[0].allowed", equalTo("a JSON integer from 1 to 25"));
        }
        given().contentType(ContentType.JSON).body("{\"procedure\": \"PVP\", \"factors\": {" + PVP_JSON
                + ", \"vertebraeInvolved\": 25}}").when().post("/api/v1/predictions").then().statusCode(200);
        given().when().get("/api/v1/factors").then().statusCode(200)
                .body("find { it.id == 'vertebraeInvolved' }.maximum", equalTo(25));
    }

    @Test
    void booleansAreExact() {
        String rows = "a,PVP,TRUE,0,0,0,0\nb,PVP,yes,0,0,0,0\nc,PVP,1.0,0,0,0,0\nd,PVP,true,false,0,0,0\n"
                + "e,PVP,1,0,0,0,0\n";
        csvAsJson(PVP_COLUMNS + "\n" + rows).statusCode(200).body("scored", equalTo(2))
                .body("results[0].errors[0].column", equalTo("malnutrition"))
                .body("results[0].errors[0].allowed", equalTo("true, false, 1 or 0"))
                .body("results[1].errors[0].column", equalTo("malnutrition"))
                .body("results[2].errors[0].column", equalTo("malnutrition"))
                .body("results[3].probability", equalTo(0.5));
    }

    @Test
    void repeatedIdsAreRejectedInBoth() {
        csvAsJson(PVP_COLUMNS + "\na,PVP,1,0,0,0,0\na,PVP,0,0,0,0,0\n").statusCode(200)
                .body("results[0].errors", nullValue())
                .body("results[1].errors[0].column", equalTo("patientId"))
                .body("results[1].errors[0].detail", equalTo("repeated id; first used on line 2"));
        given().contentType(ContentType.JSON).body("{\"patients\": [{\"id\": \"a\", \"procedure\": \"PVP\", "
                        + "\"factors\": {" + PVP_JSON + "}}, {\"id\": \"a\", \"procedure\": \"PVP\", \"factors\": {"
                        + PVP_JSON + "}}]}")
                .when().post("/api/v1/predictions/batch").then().statusCode(200)
                .body("results[0].errors", nullValue())
                .body("results[1].errors[0].pointer", equalTo("/patients/1/id"))
                .body("results[1].errors[0].detail", equalTo("repeated id; first used by /patients/0"));
    }

    @Test
    void semicolonAndTabAreDetectedAndAnsweredInKind() throws Exception {
        for (char d : new char[] {';', '\t'}) {
            String csv = (PVP_COLUMNS + "\na,PVP,1,0,0,0,0\n").replace(',', d);
            List<CSVRecord> answer = csvAnswer(csv, d);
            assertEquals(2, answer.size());
            assertEquals("probability", answer.get(0).get(7));
            assertEquals(0.5, Double.parseDouble(answer.get(1).get(7)), 1e-12);
        }
        assertProblem(given().contentType("text/csv").body(PVP_COLUMNS.replace(',', '|') + "\na|PVP|1|0|0|0|0\n")
                .when().post("/api/v1/predictions/batch").then(), 400)
                .body("detail", containsString("no comma, semicolon or tab"))
                .body("detail", containsString("'|' (6 times)"));
    }

    @Test
    void theCsvAnswerCarriesWarningsAndTheModelPerRowAndNeutralisesFormulas() throws Exception {
        String csv = PVP_COLUMNS + ",frankelGrade\n\"=HYPERLINK(\"\"http://x\"\")\",PVP,1,0,0,0,0,\n+1,PVP,1,0,0,0,0,\n"
                + "-2,PVP,1,0,0,0,0,\n@SUM(A1),PVP,1,0,0,0,0,\n\"\tx\",PVP,1,0,0,0,0,\nok,DECOMPRESSION,1,0,0,0,0,\n";
        List<CSVRecord> answer = csvAnswer(csv, ',');
        CSVRecord header = answer.get(0);
        assertEquals(List.of("probability", "lower", "upper", "modelId", "modelVersion", "modelSha256",
                "cohortReconstructed", "status", "warnings", "inputsIgnored", "errors"),
                header.toList().subList(8, header.size()));
        assertEquals("'=HYPERLINK(\"http://x\")", answer.get(1).get(0));
        assertEquals("'+1", answer.get(2).get(0));
        assertEquals("'-2", answer.get(3).get(0));
        assertEquals("'@SUM(A1)", answer.get(4).get(0));
        assertEquals("'\tx", answer.get(5).get(0));
        CSVRecord scored = answer.get(1);
        assertEquals("scored", scored.get(15));
        // the same row as above: its CI, 0.189 to 0.811, is wider than 0.5
        assertEquals("RECONSTRUCTED_COHORT UNINFORMATIVE_INTERVAL LOW_EVENTS_PER_VARIABLE", scored.get(16));
        assertEquals("fixture-pvp", scored.get(11));
        assertEquals("0.0.1-test", scored.get(12));
        assertEquals(64, scored.get(13).length());
        CSVRecord rejected = answer.get(6);
        assertEquals("rejected", rejected.get(15));
        assertEquals("", rejected.get(8));
        assertTrue(rejected.get(18).startsWith("frankelGrade: required by the DECOMPRESSION model"),
                rejected.get(18));
    }

    @Test
    void rowsAreCsvRecordsNotLines() {
        StringBuilder csv = new StringBuilder("patientId,procedure,malnutrition,poorPerformanceStatus,"
                + "metastasisDuringChemotherapy,targetedTherapy,postoperativeRadiotherapy\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("\"p").append(i).append("\nsecond line\",PVP,1,0,0,0,0\n");
        }
        csvAsJson(csv.toString()).statusCode(200).body("count", equalTo(1000)).body("scored", equalTo(1000))
                .body("results[1].line", equalTo(4));
        csv.append("\"p-last\nx\",PVP,1,0,0,0,0\n");
        assertProblem(csvAsJson(csv.toString()), 413).body("detail", containsString("this one has 1001"));
    }

    @Test
    void fourHundredOnlyForAFileThatCannotBeRead() {
        assertProblem(given().contentType("text/csv").body(new byte[] {'p', ',', (byte) 0xC3, (byte) 0x28, '\n'})
                .when().post("/api/v1/predictions/batch").then(), 400).body("detail", containsString("UTF-8"));
        assertProblem(csvAsJson(PVP_COLUMNS + "\n\"a,PVP,1,0,0,0,0\n"), 400)
                .body("detail", containsString("cannot be parsed"));
        assertProblem(csvAsJson(PVP_COLUMNS + ",malnutrition,bogus\na,PVP,1,0,0,0,0,1,x\n"), 400)
                .body("errors.detail", contains("repeated column", "unknown column"));
        assertProblem(csvAsJson("procedure,malnutrition\nPVP,1\n"), 400)
                .body("errors[0].column", equalTo("patientId")).body("errors[0].detail", equalTo("missing column"));
        // a row with the wrong number of fields is that row's problem only
        csvAsJson(PVP_COLUMNS + "\na,PVP,1,0,0,0,0\nb,PVP,1\n").statusCode(200).body("scored", equalTo(1))
                .body("results[1].errors[0].detail", equalTo("the row has 3 fields; the header has 7"));
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        for (String type : List.of("application/json; charset=utf-8", "application/json;charset=UTF-8",
                "application/json ; charset=utf-8")) {
            given().header("Content-Type", type).body("{\"procedure\": \"PVP\", \"factors\": {" + PVP_JSON + "}}")
                    .when().post("/api/v1/predictions").then().statusCode(200)
                    .header("Cache-Control", "no-store").body("probability", equalTo(0.5));
        }
        given().header("Content-Type", "text/csv; charset=utf-8").body(PVP_COLUMNS + "\na,PVP,1,0,0,0,0\n").when()
                .post("/api/v1/predictions/batch").then().statusCode(200);
    }

    @Test
    void theMarkdownCardHasItsOwnUrl() {
        given().when().get("/api/v1/models/pvp/card.md").then().statusCode(200)
                .contentType(startsWith("text/markdown")).body(containsString("Hand-made test fixture"));
        given().when().get("/api/v1/models/pvp").then().statusCode(200)
                .body("links.markdown", equalTo("/api/v1/models/pvp/card.md"));
        assertProblem(given().when().get("/api/v1/models/cervical/card.md").then(), 404);
        given().when().get(Management.url("/q/openapi?format=json")).then().statusCode(200)
                .body("paths.'/api/v1/models/{procedure}/card.md'.get.operationId", equalTo("getModelCardMarkdown"))
                .body("paths.'/api/v1/models'.get.operationId", equalTo("listModels"))
                .body("paths.'/api/v1/factors'.get.operationId", equalTo("listFactors"))
                .body("paths.'/api/v1/predictions/comparison'.post.operationId", equalTo("predictComparison"))
                .body("paths.'/api/v1/predictions/batch'.post.operationId", equalTo("predictBatch"))
                .body("paths.'/api/v1/models/{procedure}'.get.operationId", equalTo("getModelCard"))
                .body("paths.'/api/v1/predictions/batch'.post.responses.'200'.content.keySet()",
                        hasItem("text/csv"));
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return Problems.assertProblem(response, status);
    }
}
