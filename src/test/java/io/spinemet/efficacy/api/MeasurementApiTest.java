package io.spinemet.efficacy.api;

import static io.restassured.RestAssured.given;
import static io.spinemet.efficacy.api.Problems.assertProblem;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Predictions and scores from measurements over HTTP, against the fixture PVP model (β = 1.0; malnutrition -1.0,
 * poorPerformanceStatus -1.0, metastasisDuringChemotherapy -0.5, targetedTherapy 0.5, postoperativeRadiotherapy
 * 1.0; see {@link PredictionApiTest}). Expected values are worked out by hand from the published cut-offs.
 */
@QuarkusTest
class MeasurementApiTest {

    static {
        Problems.useDoubles();
    }

    private static final double TOL = 1e-9;

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** A PVP body with the given measurements and radiotherapy and chemotherapy given as factors. */
    private static String pvp(String measurements, String factors) {
        return "{\"procedure\": \"PVP\", \"measurements\": {" + measurements + "}, \"factors\": {" + factors + "}}";
    }

    private static final String REST_FALSE = "\"targetedTherapy\": false, \"metastasisDuringChemotherapy\": false, "
            + "\"postoperativeRadiotherapy\": false";

    @Test
    void theExampleFromRawValues() throws Exception {
        // 3.2 g/dL = 32 g/L < 35: malnutrition; KPS 60 > 40: not poor; diagnosis 2026-09-01 is 22 days after the
        // last cycle 2026-08-10: during chemotherapy; osimertinib L01EB04 is an EGFR TKI: targeted; radiotherapy.
        // eta = 1 - 1 - 0.5 + 0.5 + 1 = 1.0, p = expit(1) = 0.7310585786
        post("/api/v1/predictions", Files.readString(Path.of("openapi/examples/predict-measurements.json")))
                .statusCode(200)
                .body("probability", closeTo(0.7310585786, TOL))
                .body("contributions.factor", contains("malnutrition", "poorPerformanceStatus",
                        "metastasisDuringChemotherapy", "targetedTherapy", "postoperativeRadiotherapy"))
                .body("contributions.value", contains(true, false, true, true, true))
                .body("derivedFactors.factor", contains("malnutrition", "poorPerformanceStatus", "leukopenia",
                        "primaryTumorGrowth", "targetedTherapy", "metastasisDuringChemotherapy", "vertebraeInvolved",
                        "extraspinalBoneMetastasis", "visceralMetastasis", "frankelGrade"))
                .body("derivedFactors[0].value", equalTo(true))
                .body("derivedFactors[0].inputs[0].measurement", equalTo("serumAlbumin"))
                .body("derivedFactors[0].inputs[0].value", closeTo(3.2, TOL))
                .body("derivedFactors[0].inputs[0].unit", equalTo("g/dL"))
                .body("derivedFactors[0].inputs[0].canonicalValue", equalTo(32))
                .body("derivedFactors[0].inputs[0].canonicalUnit", equalTo("g/L"))
                .body("derivedFactors[0].cutoff", equalTo("< 35 g/L (3.5 g/dL)"))
                .body("derivedFactors[0].rule", containsString("35 g/L"))
                .body("derivedFactors[0].source", containsString("Ryvlin"))
                // 3600 /uL = 3.6 x 10^9/L < 4.0
                .body("derivedFactors[2].value", equalTo(true))
                .body("derivedFactors[2].inputs[0].canonicalValue", closeTo(3.6, TOL))
                .body("derivedFactors[2].inputs[0].canonicalUnit", equalTo("10*9/L"))
                .body("derivedFactors[3].value", equalTo("RAPID"))
                .body("derivedFactors[1].inputs[0]", not(hasKey("unit")))
                // Tokuhashi 1 + 1 + 1 + 1 + 0 + 2 = 6 (< 6 months); Tomita 4 + 2 + 2 = 8 (terminal care)
                .body("scores.tokuhashi.computed", equalTo(true))
                .body("scores.tokuhashi.total", equalTo(6))
                .body("scores.tokuhashi.band.range", equalTo("0-8"))
                .body("scores.tomita.total", equalTo(8))
                .body("scores.tomita.band.range", equalTo("8-10"))
                .body("model.id", equalTo("fixture-pvp"));
    }

    @Test
    void measurementsAndTheEquivalentFactorsGiveTheSamePrediction() {
        String fromFactors = "{\"procedure\": \"PVP\", \"factors\": {\"malnutrition\": false, "
                + "\"poorPerformanceStatus\": true, " + REST_FALSE + "}}";
        double p = post("/api/v1/predictions", fromFactors).statusCode(200).extract().path("probability");
        // eta = 1 - 1 = 0
        org.junit.jupiter.api.Assertions.assertEquals(0.5, p, TOL);
        post("/api/v1/predictions", pvp("\"serumAlbumin\": {\"value\": 35, \"unit\": \"g/L\"}, "
                + "\"ecogPerformanceStatus\": 3", REST_FALSE))
                .statusCode(200).body("probability", closeTo(p, TOL))
                .body("derivedFactors.factor", contains("malnutrition", "poorPerformanceStatus"));
    }

    // ---- boundaries over HTTP ----

    @Test
    void albuminBoundaries() {
        String rest = "\"karnofskyPerformanceStatus\": 80";
        for (String at35 : new String[] {"{\"value\": 35, \"unit\": \"g/L\"}", "{\"value\": 3.5, \"unit\": \"g/dL\"}"}) {
            post("/api/v1/predictions", pvp("\"serumAlbumin\": " + at35 + ", " + rest, REST_FALSE)).statusCode(200)
                    .body("derivedFactors[0].factor", equalTo("malnutrition"))
                    .body("derivedFactors[0].value", equalTo(false))
                    .body("probability", closeTo(1 / (1 + Math.exp(-1.0)), TOL));
        }
        post("/api/v1/predictions", pvp("\"serumAlbumin\": {\"value\": 3.4, \"unit\": \"g/dL\"}, " + rest,
                REST_FALSE)).statusCode(200).body("derivedFactors[0].value", equalTo(true));
    }

    @Test
    void leukocyteAndPerformanceBoundaries() {
        String base = "\"serumAlbumin\": {\"value\": 40, \"unit\": \"g/L\"}, ";
        post("/api/v1/predictions", pvp(base + "\"karnofskyPerformanceStatus\": 40, "
                + "\"leukocyteCount\": {\"value\": 4.0, \"unit\": \"10*9/L\"}", REST_FALSE)).statusCode(200)
                .body("derivedFactors.find { it.factor == 'poorPerformanceStatus' }.value", equalTo(true))
                .body("derivedFactors.find { it.factor == 'leukopenia' }.value", equalTo(false));
        post("/api/v1/predictions", pvp(base + "\"karnofskyPerformanceStatus\": 50", REST_FALSE)).statusCode(200)
                .body("derivedFactors.find { it.factor == 'poorPerformanceStatus' }.value", equalTo(false));
        post("/api/v1/predictions", pvp(base + "\"ecogPerformanceStatus\": 2", REST_FALSE)).statusCode(200)
                .body("derivedFactors.find { it.factor == 'poorPerformanceStatus' }.value", equalTo(false));
        post("/api/v1/predictions", pvp(base + "\"ecogPerformanceStatus\": 3", REST_FALSE)).statusCode(200)
                .body("derivedFactors.find { it.factor == 'poorPerformanceStatus' }.value", equalTo(true));
    }

    @Test
    void chemotherapyEndingExactly28DaysBeforeTheDiagnosis() {
        String m = "\"serumAlbumin\": {\"value\": 40, \"unit\": \"g/L\"}, \"karnofskyPerformanceStatus\": 80, "
                + "\"chemotherapyFirstCycleDate\": \"2025-01-06\", \"chemotherapyLastCycleDate\": \"2025-03-03\", ";
        String f = "\"targetedTherapy\": false, \"postoperativeRadiotherapy\": false";
        post("/api/v1/predictions", pvp(m + "\"spinalMetastasisDiagnosisDate\": \"2025-03-31\"", f)).statusCode(200)
                .body("derivedFactors.find { it.factor == 'metastasisDuringChemotherapy' }.value", equalTo(true))
                .body("derivedFactors.find { it.factor == 'metastasisDuringChemotherapy' }.inputs.measurement",
                        contains("chemotherapyFirstCycleDate", "chemotherapyLastCycleDate",
                                "spinalMetastasisDiagnosisDate"));
        post("/api/v1/predictions", pvp(m + "\"spinalMetastasisDiagnosisDate\": \"2025-04-01\"", f)).statusCode(200)
                .body("derivedFactors.find { it.factor == 'metastasisDuringChemotherapy' }.value", equalTo(false));
    }

    // ---- strictness ----

    @Test
    void aFactorGivenBothWaysDifferentlyIsA400NamingBoth() {
        assertProblem(post("/api/v1/predictions", pvp("\"serumAlbumin\": {\"value\": 30, \"unit\": \"g/L\"}, "
                + "\"karnofskyPerformanceStatus\": 80", "\"malnutrition\": false, " + REST_FALSE)), 400)
                .body("errors.pointer", containsInAnyOrder("/factors/malnutrition", "/measurements/serumAlbumin"))
                .body("errors.find { it.pointer == '/factors/malnutrition' }.detail", containsString("serumAlbumin"))
                .body("errors.find { it.pointer == '/measurements/serumAlbumin' }.detail",
                        containsString("/factors/malnutrition"));
        // the same value both ways is accepted
        post("/api/v1/predictions", pvp("\"serumAlbumin\": {\"value\": 30, \"unit\": \"g/L\"}, "
                + "\"karnofskyPerformanceStatus\": 80", "\"malnutrition\": true, " + REST_FALSE)).statusCode(200);
    }

    @Test
    void missingInputsAreNamedNeverDefaulted() {
        // no performance status at all; chemotherapy started but the diagnosis date missing
        assertProblem(post("/api/v1/predictions", "{\"procedure\": \"PVP\", \"measurements\": {"
                + "\"serumAlbumin\": {\"value\": 40, \"unit\": \"g/L\"}, \"cytotoxicChemotherapy\": \"GIVEN\", "
                + "\"chemotherapyFirstCycleDate\": \"2025-01-06\", \"chemotherapyLastCycleDate\": \"2025-03-03\", "
                + "\"anticancerDrugs\": []}, \"factors\": {\"postoperativeRadiotherapy\": true}}"), 400)
                .body("errors.pointer", containsInAnyOrder("/factors/poorPerformanceStatus",
                        "/factors/metastasisDuringChemotherapy"))
                .body("errors.find { it.pointer == '/factors/poorPerformanceStatus' }.allowed",
                        containsString("karnofskyPerformanceStatus"))
                .body("errors.find { it.pointer == '/factors/metastasisDuringChemotherapy' }.detail",
                        containsString("spinalMetastasisDiagnosisDate"));
        assertProblem(post("/api/v1/predictions", "{\"procedure\": \"PVP\"}"), 400)
                .body("errors.pointer", contains("/factors"));
    }

    @Test
    void namedErrorsForBadMeasurements() {
        String future = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(2).toString();
        assertProblem(post("/api/v1/predictions", pvp("\"serumAlbumin\": {\"value\": 500, \"unit\": \"g/L\"}, "
                + "\"leukocyteCount\": {\"value\": 4, \"unit\": \"10e9/L\"}, \"karnofskyPerformanceStatus\": 45, "
                + "\"ecogPerformanceStatus\": 60, \"spinalMetastasisDiagnosisDate\": \"" + future + "\", "
                + "\"chemotherapyFirstCycleDate\": \"2025-02-30\", \"bloodPressure\": 120",
                "\"malnutrition\": true, \"poorPerformanceStatus\": true, " + REST_FALSE)), 400)
                .body("errors.pointer", containsInAnyOrder("/measurements/serumAlbumin/value",
                        "/measurements/leukocyteCount/unit", "/measurements/karnofskyPerformanceStatus",
                        "/measurements/ecogPerformanceStatus", "/measurements/spinalMetastasisDiagnosisDate",
                        "/measurements/chemotherapyFirstCycleDate", "/measurements/bloodPressure"))
                .body("errors.find { it.pointer == '/measurements/serumAlbumin/value' }.detail",
                        containsString("plausible range"))
                .body("errors.find { it.pointer == '/measurements/leukocyteCount/unit' }.allowed",
                        containsString("10*9/L"))
                .body("errors.find { it.pointer == '/measurements/karnofskyPerformanceStatus' }.detail",
                        containsString("steps of 10"))
                .body("errors.find { it.pointer == '/measurements/ecogPerformanceStatus' }.detail",
                        containsString("looks like a KPS"))
                .body("errors.find { it.pointer == '/measurements/spinalMetastasisDiagnosisDate' }.detail",
                        containsString("future"));
    }

    /** ATC codes that cannot be classified are named 400s, never "no targeted therapy". */
    @Test
    void unclassifiableAtcCodesAreNamed() {
        assertProblem(post("/api/v1/predictions", pvp("\"anticancerDrugs\": [\"L01XX44\", \"L01XE02\", \"L01EX\", "
                + "\"Z99ZZ99\"]", "\"postoperativeRadiotherapy\": false")), 400)
                .body("errors.pointer", hasItems("/measurements/anticancerDrugs/1", "/measurements/anticancerDrugs/2",
                        "/measurements/anticancerDrugs/3"))
                .body("errors.pointer", not(hasItem("/measurements/anticancerDrugs/0")))
                .body("errors.find { it.pointer == '/measurements/anticancerDrugs/1' }.detail",
                        containsString("retired in the 2022 ATC revision"))
                .body("errors.find { it.pointer == '/measurements/anticancerDrugs/2' }.detail",
                        containsString("send the level-5 code"))
                .body("errors.find { it.pointer == '/measurements/anticancerDrugs/3' }.detail",
                        containsString("anatomical main groups"));
    }

    @Test
    void wrongJsonShapesAreNamed() {
        assertProblem(post("/api/v1/scores", "{\"measurements\": {\"serumAlbumin\": 3.2, "
                + "\"leukocyteCount\": {\"value\": \"4\", \"unit\": \"10*9/L\", \"flag\": \"L\"}, "
                + "\"karnofskyPerformanceStatus\": 60.0, \"anticancerDrugs\": \"L01EB01\", "
                + "\"spinalMetastasisDiagnosisDate\": 20250101}}"), 400)
                .body("errors.pointer", containsInAnyOrder("/measurements/serumAlbumin",
                        "/measurements/leukocyteCount/flag", "/measurements/leukocyteCount/value",
                        "/measurements/karnofskyPerformanceStatus", "/measurements/anticancerDrugs",
                        "/measurements/spinalMetastasisDiagnosisDate"));
        assertProblem(post("/api/v1/scores", "{\"measurements\": []}"), 400)
                .body("errors.pointer", contains("/measurements"));
        assertProblem(post("/api/v1/scores", "{}"), 400).body("errors.pointer", contains("/measurements"));
        assertProblem(post("/api/v1/scores", "{\"measurements\": {}, \"factors\": {}}"), 400)
                .body("errors.pointer", contains("/factors"));
    }

    // ---- comparison and batch ----

    @Test
    void comparisonAndBatchFromMeasurements() {
        String m = "\"serumAlbumin\": {\"value\": 3.0, \"unit\": \"g/dL\"}, \"karnofskyPerformanceStatus\": 70, "
                + "\"cytotoxicChemotherapy\": \"NONE\", \"anticancerDrugs\": [\"L01FD01\"], \"asiaImpairmentScale\": \"D\"";
        // malnutrition (30 g/L), not poor, no chemo, trastuzumab targeted, radiotherapy false, AIS D -> Frankel D
        // PVP: eta = 1 - 1 + 0.5 = 0.5; DECOMPRESSION: eta = 2 - 1 + 1 = 2 (see PredictionApiTest)
        post("/api/v1/predictions/comparison", "{\"measurements\": {" + m + "}, \"factors\": "
                + "{\"postoperativeRadiotherapy\": false}}").statusCode(200)
                .body("predictions[0].probability", closeTo(0.6224593312, TOL))
                .body("predictions[1].probability", closeTo(0.8807970780, TOL))
                .body("derivedFactors.factor", hasItems("malnutrition", "frankelGrade", "targetedTherapy"))
                .body("scores.tokuhashi.computed", equalTo(false))
                .body("scores.tokuhashi.missingInputs", hasItem("extraspinalBoneMetastasesCount"));
        post("/api/v1/predictions/batch", "{\"patients\": [{\"id\": \"a\", \"procedure\": \"PVP\", \"measurements\": {"
                + m + "}, \"factors\": {\"postoperativeRadiotherapy\": false}}, {\"id\": \"b\", \"procedure\": \"PVP\", "
                + "\"measurements\": {\"karnofskyPerformanceStatus\": 45}, \"factors\": {}}, {\"id\": \"c\", "
                + "\"procedure\": \"PVP\", \"factors\": {\"malnutrition\": true, \"poorPerformanceStatus\": false, "
                + REST_FALSE + "}}]}").statusCode(200)
                .body("scored", equalTo(2))
                .body("results[0].probability", closeTo(0.6224593312, TOL))
                .body("results[0].derivedFactors.factor", hasItem("targetedTherapy"))
                .body("results[0].scores.tomita.computed", equalTo(false))
                // the KPS is wrong, so poorPerformanceStatus is not also reported missing; the others are
                .body("results[1].errors.pointer", containsInAnyOrder(
                        "/patients/1/measurements/karnofskyPerformanceStatus", "/patients/1/factors/malnutrition",
                        "/patients/1/factors/metastasisDuringChemotherapy", "/patients/1/factors/targetedTherapy",
                        "/patients/1/factors/postoperativeRadiotherapy"))
                .body("results[2]", not(hasKey("derivedFactors")))
                .body("results[2]", not(hasKey("scores")));
    }

    // ---- scores endpoint ----

    @Test
    void scoresExample() throws Exception {
        post("/api/v1/scores", Files.readString(Path.of("openapi/examples/scores.json"))).statusCode(200)
                .body("tokuhashi.computed", equalTo(true))
                .body("tokuhashi.total", equalTo(6))
                .body("tokuhashi.maximum", equalTo(15))
                .body("tokuhashi.items.points", contains(1, 1, 1, 1, 0, 2))
                .body("tokuhashi.band.prognosis", equalTo("< 6 months"))
                .body("tokuhashi", not(hasKey("missingInputs")))
                .body("tokuhashi", not(hasKey("warnings")))
                .body("tomita.total", equalTo(8))
                .body("tomita.items.points", contains(4, 2, 2))
                .body("tomita.band.strategy", equalTo("Supportive, non-operative care"))
                .body("tomita.citation", containsString("Tomita K"));
    }

    @Test
    void scoresNotComputedSayWhatTheyNeed() {
        post("/api/v1/scores", "{\"measurements\": {\"ecogPerformanceStatus\": 1, \"primaryTumorSite\": \"RECTUM\", "
                + "\"vertebralMetastasesCount\": 1, \"visceralMetastases\": \"NONE\", \"frankelClassification\": \"E\"}}")
                .statusCode(200)
                .body("tokuhashi.computed", equalTo(false))
                .body("tokuhashi.missingInputs", contains("karnofskyPerformanceStatus",
                        "extraspinalBoneMetastasesCount"))
                .body("tokuhashi", not(hasKey("total")))
                .body("tokuhashi", not(hasKey("band")))
                .body("tokuhashi.warnings[0]", containsString("ECOG 1"))
                .body("tomita.computed", equalTo(false))
                .body("tomita.missingInputs", contains("primaryTumorGrowthClass", "extraspinalBoneMetastasesCount"));
    }

    @Test
    void performanceScalesThatDisagreeAreNotedInTheDerivation() {
        post("/api/v1/predictions", pvp("\"karnofskyPerformanceStatus\": 90, \"ecogPerformanceStatus\": 4, "
                + "\"serumAlbumin\": {\"value\": 40, \"unit\": \"g/L\"}", REST_FALSE))
                .statusCode(200)
                .body("derivedFactors.find { it.factor == 'poorPerformanceStatus' }.value", equalTo(true))
                .body("derivedFactors.find { it.factor == 'poorPerformanceStatus' }.note",
                        containsString("KPS 90 and ECOG 4 lie two or more steps apart"))
                .body("derivedFactors.find { it.factor == 'malnutrition' }", not(hasKey("note")));
    }

    @Test
    void aPredictionFromFactorsAloneCarriesTheScoresTheySufficeFor() {
        // Tomita from factors: RAPID 4 + no visceral metastasis 0 + 1 vertebra, no extraspinal focus (solitary) 1 = 5
        String tomitaFactors = "\"primaryTumorGrowth\": \"RAPID\", \"visceralMetastasis\": false, "
                + "\"vertebraeInvolved\": 1, \"extraspinalBoneMetastasis\": false";
        post("/api/v1/predictions", "{\"procedure\": \"PVP\", \"factors\": {\"malnutrition\": true, "
                + "\"poorPerformanceStatus\": false, " + REST_FALSE + ", " + tomitaFactors + "}}")
                .statusCode(200)
                .body("$", not(hasKey("derivedFactors")))
                .body("scores.tomita.computed", equalTo(true))
                .body("scores.tomita.total", equalTo(5))
                .body("scores.tomita.band.range", equalTo("4-5"))
                .body("scores.tomita.items.input", hasItem("factor primaryTumorGrowth = RAPID"))
                .body("scores.tokuhashi.computed", equalTo(false))
                .body("scores.tokuhashi.missingInputs", contains("karnofskyPerformanceStatus", "primaryTumorSite",
                        "frankelClassification"));
        // the model's factors alone suffice for no score: no scores, as before
        post("/api/v1/predictions", "{\"procedure\": \"PVP\", \"factors\": {\"malnutrition\": true, "
                + "\"poorPerformanceStatus\": false, " + REST_FALSE + "}}")
                .statusCode(200)
                .body("$", not(hasKey("scores")));
        // and the comparison carries them too
        post("/api/v1/predictions/comparison", "{\"factors\": {\"malnutrition\": true, \"poorPerformanceStatus\": "
                + "false, \"leukopenia\": false, \"frankelGrade\": \"D\", " + REST_FALSE + ", " + tomitaFactors
                + "}}")
                .statusCode(200)
                .body("$", not(hasKey("derivedFactors")))
                .body("scores.tomita.total", equalTo(5));
    }

    // ---- catalogue ----

    @Test
    void measurementCatalogueFollowsContractC() {
        given().when().get("/api/v1/measurements").then().statusCode(200)
                .body("id", hasItems("serumAlbumin", "leukocyteCount", "karnofskyPerformanceStatus",
                        "ecogPerformanceStatus", "barthelIndex", "primaryTumorSite", "anticancerDrugs",
                        "vertebralMetastasesCount", "extraspinalBoneMetastasesCount", "visceralMetastases",
                        "frankelClassification", "asiaImpairmentScale", "chemotherapyLastCycleDate"))
                .body("find { it.id == 'serumAlbumin' }.valueType", equalTo("QUANTITY"))
                .body("find { it.id == 'serumAlbumin' }.units", contains("g/L", "g/dL"))
                .body("find { it.id == 'serumAlbumin' }.canonicalUnit", equalTo("g/L"))
                .body("find { it.id == 'serumAlbumin' }.range.unit", equalTo("g/L"))
                .body("find { it.id == 'serumAlbumin' }.range", not(hasKey("step")))
                .body("find { it.id == 'serumAlbumin' }.codes.code", contains("1751-7", "61151-7", "61152-5"))
                .body("find { it.id == 'serumAlbumin' }.derives[0].keySet()",
                        containsInAnyOrder("factor", "rule", "cutoff", "source"))
                .body("find { it.id == 'serumAlbumin' }", not(hasKey("allowedValues")))
                .body("find { it.id == 'leukocyteCount' }.units", contains("10*9/L", "10*3/uL", "/uL"))
                .body("find { it.id == 'leukocyteCount' }.codes.code", contains("6690-2", "26464-8"))
                .body("find { it.id == 'karnofskyPerformanceStatus' }.range.step", equalTo(10))
                .body("find { it.id == 'karnofskyPerformanceStatus' }.codes[0].code", equalTo("89243-0"))
                .body("find { it.id == 'karnofskyPerformanceStatus' }.usedBy",
                        contains("poorPerformanceStatus", "tokuhashi"))
                .body("find { it.id == 'karnofskyPerformanceStatus' }", not(hasKey("units")))
                .body("find { it.id == 'ecogPerformanceStatus' }.codes[0].code", equalTo("89247-1"))
                .body("find { it.id == 'primaryTumorSite' }.allowedValues.code", hasItems("LUNG", "UNKNOWN_PRIMARY"))
                .body("find { it.id == 'primaryTumorSite' }.allowedValues[0].keySet()",
                        containsInAnyOrder("code", "label"))
                .body("find { it.id == 'primaryTumorSite' }.codes.find { it.code == 'C34' }.system",
                        equalTo("http://hl7.org/fhir/sid/icd-10"))
                .body("find { it.id == 'anticancerDrugs' }.valueType", equalTo("CODE_LIST"))
                .body("find { it.id == 'anticancerDrugs' }.codes.code",
                        hasItems("L01EB", "L01ED", "L01FD", "L01FG", "L01EH", "L01EX01", "L01XX44"))
                .body("find { it.id == 'anticancerDrugs' }.codes.code", not(hasItem("L01EX")))
                .body("find { it.id == 'chemotherapyLastCycleDate' }.valueType", equalTo("DATE"))
                .body("find { it.id == 'chemotherapyLastCycleDate' }", not(hasKey("range")))
                .body("findAll { it.canonicalUnit == null && it.units != null }", hasSize(0))
                .body("collect { it.values() }.flatten()", not(hasItem(nullValue())));
    }
}
