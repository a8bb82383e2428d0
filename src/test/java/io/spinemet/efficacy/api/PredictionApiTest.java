package io.spinemet.efficacy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.spinemet.efficacy.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Happy paths of every endpoint, against the hand-made fixture models in src/test/resources/fixture-models:
 *
 * <pre>
 * PVP:           β = (1.0; malnutrition -1.0, poorPerformanceStatus -1.0, metastasisDuringChemotherapy -0.5,
 *                targetedTherapy 0.5, postoperativeRadiotherapy 1.0); Σ00 = 0.25, Σjj = 0.5, Σ0j = -0.1, else 0;
 *                n 34, events 23, reconstructed, no separation, EPV 2.2; patterns: all false, malnutrition only.
 * DECOMPRESSION: β = (2.0; -1.0, -1.5, -1.0, 1.0, 0.5, frankelGrade=A-C -2.0); Σ = I; n 18, events 13,
 *                not reconstructed, separation detected, EPV 0.83; pattern: all false with Frankel D.
 * </pre>
 *
 * Expected numbers are worked out by hand from these (z = 1.959964).
 */
@QuarkusTest
class PredictionApiTest {

    static {
        Problems.useDoubles();
    }

    private static final double TOL = 1e-9;

    @Test
    void predictPvp() throws Exception {
        // malnutrition only: eta = 1 - 1 = 0, p = 0.5; x'Σx = 0.25 + 0.5 + 2(-0.1) = 0.55, se = 0.7416198487
        // lower = expit(-1.4535482) = 0.1894560961, upper = 0.8105439039
        given().contentType(ContentType.JSON).body(Files.readString(Path.of("openapi/examples/predict-pvp.json")))
                .when().post("/api/v1/predictions")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("procedure", equalTo("PVP"))
                .body("probability", closeTo(0.5, TOL))
                .body("confidenceInterval.level", closeTo(0.95, 0))
                .body("confidenceInterval.lower", closeTo(0.1894560961, TOL))
                .body("confidenceInterval.upper", closeTo(0.8105439039, TOL))
                // 23 / 34
                .body("baselineRate", closeTo(0.6764705882, TOL))
                .body("linearPredictor", closeTo(0.0, TOL))
                .body("intercept", closeTo(1.0, TOL))
                .body("contributions.factor", contains("malnutrition", "poorPerformanceStatus",
                        "metastasisDuringChemotherapy", "targetedTherapy", "postoperativeRadiotherapy"))
                .body("contributions[0].value", equalTo(true))
                .body("contributions[0].terms[0].coefficient", closeTo(-1.0, TOL))
                .body("contributions[0].terms[0].oddsRatio", closeTo(0.3678794412, TOL))
                .body("contributions[0].terms[0].contribution", closeTo(-1.0, TOL))
                .body("contributions[3].terms[0].contribution", closeTo(0.0, 0))
                // malnutrition -> false: eta 1, var 0.25: 0.7310585786 (0.5050043348, 0.8786792425)
                // targetedTherapy -> true: eta 0.5, var 0.25+0.5+0.5-0.2-0.2 = 0.85: 0.6224593312 (0.2129897032, ..)
                // postoperativeRadiotherapy -> true: eta 1.0, var 0.85: 0.7310585786 (0.3085306771, 0.9430527871)
                .body("modifiableFactors.factor", contains("malnutrition", "targetedTherapy",
                        "postoperativeRadiotherapy"))
                .body("modifiableFactors[0].favourableValue", equalTo(false))
                .body("modifiableFactors[0].modifiability", equalTo("BEFORE_SURGERY"))
                .body("modifiableFactors[0].probability", closeTo(0.7310585786, TOL))
                .body("modifiableFactors[0].confidenceInterval.lower", closeTo(0.5050043348, TOL))
                .body("modifiableFactors[0].confidenceInterval.upper", closeTo(0.8786792425, TOL))
                .body("modifiableFactors[1].probability", closeTo(0.6224593312, TOL))
                .body("modifiableFactors[1].confidenceInterval.lower", closeTo(0.2129897032, TOL))
                .body("modifiableFactors[2].probability", closeTo(0.7310585786, TOL))
                .body("modifiableFactors[2].confidenceInterval.lower", closeTo(0.3085306771, TOL))
                .body("modifiableFactors[2].confidenceInterval.upper", closeTo(0.9430527871, TOL))
                .body("inputsUsed", hasSize(5))
                .body("inputsIgnored", contains("primaryTumorGrowth", "vertebraeInvolved"))
                .body("model.id", equalTo("fixture-pvp"))
                .body("model.version", equalTo("0.0.1-test"))
                .body("model.method", equalTo("firth"))
                .body("model.sha256", equalTo(sha256("pvp.json")))
                .body("model.cohort.n", equalTo(34))
                .body("model.cohort.events", equalTo(23))
                .body("model.cohort.source", equalTo("fixture.csv"))
                .body("model.card", equalTo("/api/v1/models/pvp"))
                // malnutrition-only is a seen pattern
                // CI width 0.811 - 0.189 = 0.62 > 0.5: uninformative
                .body("warnings.code", contains("RECONSTRUCTED_COHORT", "UNINFORMATIVE_INTERVAL",
                        "LOW_EVENTS_PER_VARIABLE"));
    }

    @Test
    void predictDecompression() throws Exception {
        // mdc, tt, rt true, Frankel C: eta = 2 - 1 + 1 + 0.5 - 2 = 0.5, p = 0.6224593312
        // x'Σx = 5 (Σ = I, five ones), se = 2.2360679775: lower = expit(-3.8826098) = 0.0201812687, upper 0.9924797909
        given().contentType(ContentType.JSON)
                .body(Files.readString(Path.of("openapi/examples/predict-decompression.json")))
                .when().post("/api/v1/predictions")
                .then().statusCode(200)
                .body("procedure", equalTo("DECOMPRESSION"))
                .body("probability", closeTo(0.6224593312, TOL))
                .body("confidenceInterval.lower", closeTo(0.0201812687, TOL))
                .body("confidenceInterval.upper", closeTo(0.9924797909, TOL))
                // 13 / 18
                .body("baselineRate", closeTo(0.7222222222, TOL))
                .body("contributions[5].factor", equalTo("frankelGrade"))
                .body("contributions[5].value", equalTo("C"))
                .body("contributions[5].terms[0].term", equalTo("frankelGrade=A-C"))
                .body("contributions[5].terms[0].contribution", closeTo(-2.0, TOL))
                // every modifiable factor is already favourable
                .body("modifiableFactors", empty())
                .body("inputsIgnored", empty())
                // CI width 0.992 - 0.020 = 0.97 > 0.5: uninformative
                .body("warnings.code", contains("UNSEEN_COMBINATION", "UNINFORMATIVE_INTERVAL", "SEPARATION",
                        "LOW_EVENTS_PER_VARIABLE"));
    }

    @Test
    void comparisonScoresBothProceduresAndSaysItIsNotCausal() throws Exception {
        // malnutrition, targetedTherapy, Frankel D.
        // PVP: eta = 1 - 1 + 0.5 = 0.5, var 0.85: 0.6224593312 (0.2129897032, 0.9094549139)
        // DECOMPRESSION: eta = 2 - 1 + 1 = 2, var 3: p = 0.8807970780, lower = expit(2 - 3.3947695) = 0.1989..
        given().contentType(ContentType.JSON).body(Files.readString(Path.of("openapi/examples/comparison.json")))
                .when().post("/api/v1/predictions/comparison")
                .then().statusCode(200)
                .body("predictions.procedure", contains("PVP", "DECOMPRESSION"))
                .body("predictions[0].probability", closeTo(0.6224593312, TOL))
                .body("predictions[0].confidenceInterval.lower", closeTo(0.2129897032, TOL))
                .body("predictions[0].confidenceInterval.upper", closeTo(0.9094549139, TOL))
                .body("predictions[0].inputsIgnored", contains("frankelGrade"))
                .body("predictions[1].probability", closeTo(0.8807970780, TOL))
                .body("predictions[1].confidenceInterval.lower",
                        closeTo(1 / (1 + Math.exp(-(2 - 1.959963984540054 * Math.sqrt(3)))), TOL))
                .body("note", startsWith("The two models were fitted on different patients"))
                .body("note", org.hamcrest.Matchers.containsString("not a causal effect"));
    }

    @Test
    void batchJsonGivesEachPatientItsResultOrItsErrors() throws Exception {
        // case-1 PVP: tt, rt true: eta = 1 + 0.5 + 1 = 2.5, p = 0.9241418200
        // case-2 DECOMPRESSION: malnutrition, pps, Frankel B: eta = 2 - 1 - 1.5 - 2 = -2.5, p = 0.0758581800
        // case-3 DECOMPRESSION without frankelGrade: its own error
        given().contentType(ContentType.JSON).body(Files.readString(Path.of("openapi/examples/batch.json")))
                .when().post("/api/v1/predictions/batch")
                .then().statusCode(200)
                .body("count", equalTo(3)).body("scored", equalTo(2)).body("rejected", equalTo(1))
                .body("results.id", contains("case-1", "case-2", "case-3"))
                .body("results.index", contains(0, 1, 2))
                .body("results[0].probability", closeTo(0.9241418200, TOL))
                .body("results[0].errors", nullValue())
                .body("results[1].probability", closeTo(0.0758581800, TOL))
                // case-2: x'Σx = 4 (Σ = I), CI expit(-2.5 ∓ 3.92) = 0.0017 to 0.80: wider than 0.5
                .body("results[1].warnings", contains("UNSEEN_COMBINATION", "UNINFORMATIVE_INTERVAL", "SEPARATION",
                        "LOW_EVENTS_PER_VARIABLE"))
                .body("results[2].probability", nullValue())
                .body("results[2].errors.pointer", contains("/patients/2/factors/frankelGrade"))
                .body("results[2].errors[0].allowed", equalTo("one of A, B, C, D, E"))
                .body("results[0].model.id", equalTo("fixture-pvp"))
                .body("results[0].model.sha256", equalTo(sha256("pvp.json")))
                .body("results[1].model.id", equalTo("fixture-decompression"))
                .body("results[2].model", nullValue());
    }

    @Test
    void batchCsvAppendsProbabilityAndInterval() throws Exception {
        String csv = Files.readString(Path.of("openapi/examples/batch.csv"));
        String body = given().contentType("text/csv").body(csv)
                .when().post("/api/v1/predictions/batch")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = body.lines().toList();
        assertEquals(3, lines.size(), body);
        assertTrue(lines.get(0).endsWith(",frankelGrade,probability,lower,upper,modelId,modelVersion,modelSha256,"
                + "cohortReconstructed"), lines.get(0));
        // case-1 PVP: tt and rt true: eta = 2.5, x = (1,0,0,0,1,1): var = 0.25 + 0.5 + 0.5 - 0.2 - 0.2 = 0.85
        String[] pvp = lines.get(1).split(",", -1);
        assertEquals("case-1", pvp[0]);
        assertEquals(0.9241418200, Double.parseDouble(pvp[14]), TOL);
        assertEquals(1 / (1 + Math.exp(-(2.5 - 1.959963984540054 * Math.sqrt(0.85)))), Double.parseDouble(pvp[15]),
                TOL);
        assertEquals(1 / (1 + Math.exp(-(2.5 + 1.959963984540054 * Math.sqrt(0.85)))), Double.parseDouble(pvp[16]),
                TOL);
        // case-2 DECOMPRESSION: malnutrition, pps, Frankel B: eta = -2.5
        String[] dec = lines.get(2).split(",", -1);
        assertEquals("fixture-pvp", pvp[17]);
        assertEquals(sha256("pvp.json"), pvp[19]);
        assertEquals("B", dec[13]);
        assertEquals(0.0758581800, Double.parseDouble(dec[14]), TOL);
    }

    @Test
    void batchCsvMayCarryTheOutcomeColumns() {
        String csv = String.join("\n",
                "patientId,procedure,malnutrition,poorPerformanceStatus,leukopenia,primaryTumorGrowth,"
                        + "targetedTherapy,metastasisDuringChemotherapy,primaryRadicallyResected,vertebraeInvolved,"
                        + "extraspinalBoneMetastasis,visceralMetastasis,postoperativeRadiotherapy,frankelGrade,"
                        + "reliefMonths,survivalMonths,goodEfficacy",
                "x1,PVP,true,false,0,SLOW,0,0,0,2,0,0,0,,3.25,10,1", "");
        String body = given().contentType("text/csv").body(csv).when().post("/api/v1/predictions/batch")
                .then().statusCode(200).extract().asString();
        // rows are echoed as sent; malnutrition only: p = 0.5
        assertTrue(body.lines().toList().get(1).startsWith("x1,PVP,true,false,0,SLOW,0,0,0,2,0,0,0,,3.25,10,1,0.5,"),
                body);
    }

    @Test
    void modelsList() throws Exception {
        given().when().get("/api/v1/models").then().statusCode(200)
                .body("procedure", contains("PVP", "DECOMPRESSION"))
                .body("id", contains("fixture-pvp", "fixture-decompression"))
                .body("sha256", contains(sha256("pvp.json"), sha256("decompression.json")))
                .body("card", contains("/api/v1/models/pvp", "/api/v1/models/decompression"))
                .body("cohort.n", contains(34, 18));
    }

    @Test
    void modelCardAsJson() throws Exception {
        for (String path : List.of("pvp", "PVP")) {
            given().when().get("/api/v1/models/" + path).then().statusCode(200).contentType(ContentType.JSON)
                    .body("procedure", equalTo("PVP"))
                    .body("sha256", equalTo(sha256("pvp.json")))
                    .body("links.self", equalTo("/api/v1/models/pvp"))
                    .body("model.coefficients.term", contains("(Intercept)", "malnutrition", "poorPerformanceStatus",
                            "metastasisDuringChemotherapy", "targetedTherapy", "postoperativeRadiotherapy"))
                    .body("model.coefficients[1].oddsRatio", closeTo(Math.exp(-1.0), 1e-12))
                    .body("model.performance.aucApparent", closeTo(0.8, 0))
                    .body("model.cohort.n", equalTo(34))
                    .body("model.method", equalTo("firth"))
                    .body("model.limitations", contains("Test fixture only."));
        }
        given().accept("*/*").when().get("/api/v1/models/decompression").then().statusCode(200)
                .contentType(ContentType.JSON).body("model.modelId", equalTo("fixture-decompression"));
    }

    @Test
    void modelCardAsMarkdown() throws Exception {
        String md = given().accept("text/markdown").when().get("/api/v1/models/decompression").then().statusCode(200)
                .contentType(startsWith("text/markdown")).extract().asString();
        assertEquals(Files.readString(Path.of("src/test/resources/fixture-models/decompression.md")), md);
    }

    @Test
    void factorsComeFromTheCatalogueAndTheLoadedModels() {
        given().when().get("/api/v1/factors").then().statusCode(200)
                .body("id", hasSize(12))
                .body("id[0]", equalTo("malnutrition"))
                .body("find { it.id == 'malnutrition' }.usedBy", contains("PVP", "DECOMPRESSION"))
                .body("find { it.id == 'malnutrition' }.modifiable", equalTo(true))
                .body("find { it.id == 'malnutrition' }.modifiability", equalTo("BEFORE_SURGERY"))
                .body("find { it.id == 'malnutrition' }.allowedValues", contains(true, false))
                .body("find { it.id == 'frankelGrade' }.usedBy", contains("DECOMPRESSION"))
                .body("find { it.id == 'frankelGrade' }.candidateFor", contains("DECOMPRESSION"))
                .body("find { it.id == 'frankelGrade' }.allowedValues", contains("A", "B", "C", "D", "E"))
                .body("find { it.id == 'frankelGrade' }.referenceLevel", equalTo("D-E"))
                .body("find { it.id == 'primaryTumorGrowth' }.usedBy", empty())
                .body("find { it.id == 'primaryTumorGrowth' }.candidateFor", contains("PVP", "DECOMPRESSION"))
                .body("find { it.id == 'primaryTumorGrowth' }.referenceLevel", equalTo("SLOW"))
                .body("find { it.id == 'vertebraeInvolved' }.type", equalTo("INTEGER"))
                .body("find { it.id == 'vertebraeInvolved' }.minimum", equalTo(1))
                .body("find { it.id == 'postoperativeRadiotherapy' }.favourableValue", equalTo(true))
                .body("find { it.id == 'leukopenia' }.modifiable", equalTo(false));
    }

    @Test
    void readinessListsTheLoadedModels() throws Exception {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("models"))
                .body("checks.find { it.name == 'models' }.data.'pvp.id'", equalTo("fixture-pvp"))
                .body("checks.find { it.name == 'models' }.data.'pvp.version'", equalTo("0.0.1-test"))
                .body("checks.find { it.name == 'models' }.data.'decompression.sha256'",
                        equalTo(sha256("decompression.json")));
    }

    @Test
    void metricsCountPredictionsByProcedureAndTimeThem() throws Exception {
        double before = metric("spinemet_predictions_total{procedure=\"DECOMPRESSION\"");
        double timedBefore = metric("spinemet_prediction_latency_seconds_count{endpoint=\"single\"");
        given().contentType(ContentType.JSON)
                .body(Files.readString(Path.of("openapi/examples/predict-decompression.json")))
                .when().post("/api/v1/predictions").then().statusCode(200);
        assertEquals(before + 1, metric("spinemet_predictions_total{procedure=\"DECOMPRESSION\""), 0);
        assertEquals(timedBefore + 1, metric("spinemet_prediction_latency_seconds_count{endpoint=\"single\""), 0);
    }

    @Test
    void swaggerUiAndOpenApiAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/predictions'.post.operationId", equalTo("predict"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    private static double metric(String prefix) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }

    static String sha256(String fixture) throws Exception {
        return Sha256.hex(Files.readAllBytes(Path.of("src/test/resources/fixture-models", fixture)));
    }
}
