package io.spinemet.efficacy.cdshooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.spinemet.efficacy.Management;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The CDS Hooks endpoints over HTTP, with the example requests of openapi/examples/cds. */
@QuarkusTest
@QuarkusTestResource(CdsTestClient.class)
class CdsServicesResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // JSON numbers as doubles, so that the 1e-12 comparisons mean something
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }
    static final String EXAMPLES = "openapi/examples/cds/";

    static ObjectNode example(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of(EXAMPLES + name)));
    }

    static Response post(String service, Object body) {
        String path = "/cds-services/" + service;
        return given().header("Authorization", CdsTestClient.bearer(path)).contentType("application/json")
                .body(body.toString()).when().post(path);
    }

    static JsonNode card(Response r) throws Exception {
        JsonNode body = JSON.readTree(r.asString());
        CdsSpecRules.response(body);
        assertEquals(1, body.get("cards").size());
        return body.get("cards").get(0);
    }

    @Inject
    CdsHooks hooks;

    @Inject
    FhirContexts fhir;

    @Test
    void onlyACompletePrefetchWithoutFurtherPagesIsAnsweredWithoutAWorkerThread() throws Exception {
        fhir.r4();
        String service = "spinemet-order-select";
        ObjectNode complete = example("pvp-complete.order-select.json");
        assertTrue(hooks.answersFromPrefetch(service, complete));
        ObjectNode noConditions = complete.deepCopy();
        ((ObjectNode) noConditions.get("prefetch")).putNull("conditions");
        assertTrue(hooks.answersFromPrefetch(service, noConditions), "null is 'no data', nothing to fetch");
        ObjectNode missing = complete.deepCopy();
        ((ObjectNode) missing.get("prefetch")).remove("observations");
        assertFalse(hooks.answersFromPrefetch(service, missing), "a missing key may be fetched");
        ObjectNode paged = complete.deepCopy();
        ((ObjectNode) paged.get("prefetch").get("observations")).putArray("link").addObject()
                .put("relation", "next").put("url", "https://ehr.example.org/fhir/Observation?page=2");
        assertFalse(hooks.answersFromPrefetch(service, paged), "a next page may be fetched");
        assertFalse(hooks.answersFromPrefetch("no-such-service", complete));
        ObjectNode oddLink = complete.deepCopy();
        ((ObjectNode) oddLink.get("prefetch").get("observations")).putObject("link").put("relation", "next");
        assertFalse(hooks.answersFromPrefetch(service, oddLink), "a link that is not an array goes to a worker");
    }

    @Test
    void aNumberWithAHugeExponentIsA400() throws Exception {
        String body = Files.readString(Path.of(EXAMPLES + "pvp-complete.order-select.json"))
                .replaceFirst("\"value\": 3\\.1", "\"value\": 1e999999999");
        assertTrue(body.contains("1e999999999"));
        post("spinemet-order-select", body).then().statusCode(400)
                .body("detail", containsString("exponent"));
    }

    @Test
    void discoveryFollowsTheSpecification() throws Exception {
        String body = given().header("Authorization", CdsTestClient.bearer("/cds-services")).when()
                .get("/cds-services").then().statusCode(200).extract().asString();
        JsonNode discovery = JSON.readTree(body);
        CdsSpecRules.discovery(discovery);
        List<String> hooks = new ArrayList<>();
        discovery.get("services").forEach(s -> hooks.add(s.get("hook").asText() + " " + s.get("id").asText()));
        assertEquals(List.of("order-select spinemet-order-select", "order-sign spinemet-order-sign",
                "patient-view spinemet-patient-view"), hooks);
        JsonNode prefetch = discovery.get("services").get(0).get("prefetch");
        assertEquals("Patient/{{context.patientId}}", prefetch.get("patient").asText());
        assertTrue(prefetch.get("observations").asText().contains("http://loinc.org|1751-7"));
        assertTrue(prefetch.get("observations").asText().contains("http://loinc.org|89243-0"));
        assertTrue(discovery.get("services").get(0).get("usageRequirements").isTextual());
    }

    @Test
    void everyCallNeedsAToken() {
        given().when().get("/cds-services").then().statusCode(401)
                .header("Content-Type", containsString("application/problem+json"))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("no Authorization: Bearer header"));
        String secret = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.SECRET-SIGNATURE";
        given().header("Authorization", "Bearer " + secret).when().get("/cds-services").then().statusCode(401)
                .body(not(containsString("SECRET-SIGNATURE")))
                .body("detail", containsString("algorithm is not accepted"));
        // a token for discovery does not open a service
        given().header("Authorization", CdsTestClient.bearer("/cds-services")).contentType("application/json")
                .body("{}").when().post("/cds-services/spinemet-patient-view").then().statusCode(401)
                .body("detail", containsString("aud is not the URL called"));
    }

    @Test
    void aReplayedTokenIsRefused() {
        String token = "Bearer " + CdsTestClient.token("/cds-services");
        given().header("Authorization", token).when().get("/cds-services").then().statusCode(200);
        given().header("Authorization", token).when().get("/cds-services").then().statusCode(401)
                .body("detail", containsString("replay"));
    }

    @Test
    void aCallTooLargeForTheIoThreadGetsTheSameCardFromAWorker() throws Exception {
        ObjectNode request = example("pvp-complete.order-select.json");
        JsonNode small = card(post("spinemet-order-select", request.deepCopy()));
        int ioThreadMax = (int) ConfigProvider.getConfig().getValue("quarkus.rest.input-buffer-size",
                MemorySize.class).asLongValue();
        request.putObject("extension").put("padding", "x".repeat(ioThreadMax));
        Response r = post("spinemet-order-select", request);
        r.then().statusCode(200);
        JsonNode large = card(r);
        assertEquals(small.get("summary").asText(), large.get("summary").asText());
        assertEquals(small.get("detail").asText(), large.get("detail").asText());
    }

    @Test
    void completePvpOrderGetsProbabilitiesForBothOperations() throws Exception {
        Response r = post("spinemet-order-select", example("pvp-complete.order-select.json"));
        r.then().statusCode(200);
        Files.writeString(Path.of("target/cds-card-pvp-complete.json"), r.asString()); // for the docs
        JsonNode card = card(r);
        assertEquals("info", card.get("indicator").asText());
        assertTrue(card.get("summary").asText().startsWith("Relief >3 months: selected PVP "),
                card.get("summary").asText());
        // Hand derivation from the example's FHIR data (see docs/cds-hooks.md): albumin 3.1 g/dL = 31 g/L < 35
        // (the newer 4.2 g/dL is entered-in-error); KPS 60 and ECOG 2 are not poor; osimertinib (L01EB04) ordered;
        // spinal metastasis diagnosed 2026-10-01, 15 days after the last cytotoxic dose (pemetrexed 2026-09-16);
        // radiotherapy planned (ServiceRequest/rt-plan-1).
        String factors = "{\"malnutrition\": true, \"poorPerformanceStatus\": false, \"targetedTherapy\": true,"
                + " \"metastasisDuringChemotherapy\": true, \"postoperativeRadiotherapy\": true}";
        double expected = given().contentType("application/json")
                .body("{\"procedure\": \"PVP\", \"factors\": " + factors + "}").when().post("/api/v1/predictions")
                .then().statusCode(200).extract().jsonPath().getDouble("probability");
        JsonNode ext = card.get("extension").get(CardBuilder.EXTENSION);
        JsonNode pvp = ext.get("predictions").get(0);
        assertEquals("PVP", pvp.get("procedure").asText());
        assertEquals(1, pvp.get("scenarios").size());
        assertEquals(expected, pvp.get("scenarios").get(0).get("probability").asDouble(), 1e-12);
        assertEquals("DECOMPRESSION", ext.get("predictions").get(1).get("procedure").asText());
        // the decompression model also needs the Frankel grade (E, recorded)
        assertEquals(1, ext.get("predictions").get(1).get("scenarios").size());
        // provenance: every factor names its resources, in the extension and in the detail
        JsonNode malnutrition = factor(ext, "malnutrition");
        assertEquals("[\"Observation/alb-3\"]", malnutrition.get("sources").toString());
        assertEquals("[\"ServiceRequest/rt-plan-1\"]", factor(ext, "postoperativeRadiotherapy").get("sources")
                .toString());
        assertTrue(factor(ext, "metastasisDuringChemotherapy").get("sources").toString()
                .contains("Condition/spinal-met-1"));
        String detail = card.get("detail").asText();
        assertTrue(detail.contains("Observation/alb-3"));
        assertTrue(detail.contains("Observation/alb-2 (status entered-in-error)"));
        assertTrue(detail.contains("Observation/alb-1 (older than the 30-day look-back window)"));
        assertTrue(detail.contains("Revised Tokuhashi "), detail);
        assertTrue(card.get("source").get("label").asText().startsWith("spinemet-efficacy: fixture-pvp 0.0.1-test"));
    }

    static JsonNode factor(JsonNode ext, String id) {
        for (JsonNode f : ext.get("factors")) {
            if (f.get("factor").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no factor " + id);
    }

    @Test
    void incompleteRecordListsWhatIsMissingAndGivesNoProbability() throws Exception {
        Response r = post("spinemet-patient-view", example("incomplete.patient-view.json"));
        r.then().statusCode(200);
        JsonNode card = card(r);
        assertEquals("warning", card.get("indicator").asText());
        JsonNode predictions = card.get("extension").get(CardBuilder.EXTENSION).get("predictions");
        for (JsonNode p : predictions) {
            assertFalse(p.has("scenarios"));
            assertTrue(p.get("missingFactors").toString().contains("malnutrition"), p.toString());
        }
        String detail = card.get("detail").asText();
        assertTrue(detail.contains("**Missing**"));
        assertTrue(detail.contains("Preoperative malnutrition: record Serum albumin"), detail);
        assertTrue(detail.contains("Observation/alb-nov (no value)"), detail);
    }

    @Test
    void decompressionOrderShowsPlannedRadiotherapyBothWays() throws Exception {
        Response r = post("spinemet-order-sign", example("decompression.order-sign.json"));
        r.then().statusCode(200);
        JsonNode card = card(r);
        JsonNode first = card.get("extension").get(CardBuilder.EXTENSION).get("predictions").get(0);
        assertEquals("DECOMPRESSION", first.get("procedure").asText());
        assertEquals(2, first.get("scenarios").size());
        assertEquals("{\"postoperativeRadiotherapy\":false}", first.get("scenarios").get(0).get("assumed").toString());
        assertEquals("{\"postoperativeRadiotherapy\":true}", first.get("scenarios").get(1).get("assumed").toString());
        String factors = "{\"malnutrition\": false, \"poorPerformanceStatus\": true, \"targetedTherapy\": true,"
                + " \"metastasisDuringChemotherapy\": false, \"frankelGrade\": \"C\", \"postoperativeRadiotherapy\": ";
        for (int i = 0; i < 2; i++) {
            double expected = given().contentType("application/json").body("{\"procedure\": \"DECOMPRESSION\", "
                    + "\"factors\": " + factors + (i == 1) + "}}").when().post("/api/v1/predictions").then()
                    .statusCode(200).extract().jsonPath().getDouble("probability");
            assertEquals(expected, first.get("scenarios").get(i).get("probability").asDouble(), 1e-12);
        }
        assertTrue(card.get("detail").asText().contains("association"), "labelled associational");
    }

    @Test
    void noDataAndNoFhirAccessIsA412WithAnOperationOutcome() throws Exception {
        Response r = post("spinemet-order-select", example("no-data.order-select.json"));
        r.then().statusCode(412).body("resourceType", equalTo("OperationOutcome"));
        JsonNode outcome = JSON.readTree(r.asString());
        List<String> keys = new ArrayList<>();
        outcome.get("issue").forEach(i -> keys.add(i.get("expression").get(0).asText()));
        assertEquals(List.of("prefetch.observations", "prefetch.conditions", "prefetch.medicationRequests",
                "prefetch.medicationAdministrations", "prefetch.radiotherapyProcedures",
                "prefetch.radiotherapyRequests"), keys);
    }

    @Test
    void performanceScalesThatDisagreeAreShownOnTheCard() throws Exception {
        // the example's newest KPS is 60; an ECOG of 4 (KPS 10-20) beside it is two steps away
        ObjectNode request = example("pvp-complete.order-select.json");
        for (JsonNode entry : request.at("/prefetch/observations/entry")) {
            if ("ecog-1".equals(entry.at("/resource/id").asText())) {
                ((ObjectNode) entry.get("resource")).put("valueInteger", 4);
            }
        }
        String detail = card(post("spinemet-order-select", request)).get("detail").asText();
        assertTrue(detail.contains("KPS 60 and ECOG 4 lie two or more steps apart"), detail);
        String agreeing = card(post("spinemet-order-select", example("pvp-complete.order-select.json")))
                .get("detail").asText();
        assertFalse(agreeing.contains("steps apart"), agreeing); // the example's KPS 60 with ECOG 2
    }

    @Test
    void anOperationOutcomeInAPrefetchEntryMakesThatDataUnavailable() throws Exception {
        ObjectNode request = example("pvp-complete.order-select.json");
        ((ObjectNode) request.get("prefetch")).set("observations", JSON.readTree(
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}"));
        Response r = post("spinemet-order-select", request);
        r.then().statusCode(412).body("issue[0].expression[0]", equalTo("prefetch.observations"))
                .body("issue[0].diagnostics", containsString("OperationOutcome"));
    }

    @Test
    void otherOrdersGetNoCard() throws Exception {
        ObjectNode request = example("pvp-complete.order-select.json");
        ObjectNode order = (ObjectNode) request.at("/context/draftOrders/entry/0/resource/code/coding/0");
        order.put("code", "71020");
        post("spinemet-order-select", request).then().statusCode(200).body("cards.size()", equalTo(0));
    }

    @Test
    void urnUuidFullUrlsNameEntriesNotResources() throws Exception {
        // CDS Hooks order-select: selections hold the FHIR id ("ServiceRequest/order-pvp-1") of orders in
        // draftOrders, whose entries an EHR may address by urn:uuid fullUrls (as in transaction Bundles).
        ObjectNode request = example("pvp-complete.order-select.json");
        ((ObjectNode) request.at("/context/draftOrders/entry/0")).put("fullUrl",
                "urn:uuid:5f2b1c3e-8d4a-4b7e-9c1f-0a2b3c4d5e6f");
        int i = 0;
        for (JsonNode entry : request.at("/prefetch/observations/entry")) {
            ((ObjectNode) entry).put("fullUrl", "urn:uuid:00000000-0000-4000-8000-00000000000" + i++);
        }
        Response r = post("spinemet-order-select", request);
        r.then().statusCode(200);
        JsonNode ext = card(r).get("extension").get(CardBuilder.EXTENSION);
        assertEquals("PVP", ext.get("predictions").get(0).get("procedure").asText());
        assertEquals("[\"Observation/alb-3\"]", factor(ext, "malnutrition").get("sources").toString());
    }

    @Test
    void aWholeNumberTooLargeForAnIntegerIsSkippedNotAServerError() throws Exception {
        // kps-2 (KPS 60, the newest) as a Quantity of 1e20: refused with a reason; kps-1 (70) is used instead
        ObjectNode request = example("pvp-complete.order-select.json");
        for (JsonNode entry : request.at("/prefetch/observations/entry")) {
            ObjectNode obs = (ObjectNode) entry.get("resource");
            if (obs.get("id").asText().equals("kps-2")) {
                obs.remove("valueInteger");
                obs.putObject("valueQuantity").put("value", new java.math.BigDecimal("1e20"));
            }
        }
        Response r = post("spinemet-order-select", request);
        r.then().statusCode(200);
        String detail = card(r).get("detail").asText();
        assertTrue(detail.contains("Observation/kps-2"), detail);
        assertTrue(detail.contains("out of range"), detail);
    }

    @Test
    void patientViewWithoutSpinalMetastasisGetsNoCard() throws Exception {
        ObjectNode request = example("incomplete.patient-view.json");
        ((ObjectNode) request.get("prefetch")).putNull("conditions");
        post("spinemet-patient-view", request).then().statusCode(200).body("cards.size()", equalTo(0));
    }

    @Test
    void badRequestsNameEveryProblem() {
        post("spinemet-order-select", "{\"hook\": \"patient-view\", \"context\": {\"patientId\": \"../x\"}}")
                .then().statusCode(400).body("errors.pointer", hasItems("/hook",
                        "/hookInstance", "/context/patientId"));
        post("no-such-service", "{}").then().statusCode(404);
    }

    @Test
    void feedbackIsCountedAndNothingElseKept() {
        String path = "/cds-services/spinemet-order-select/feedback";
        given().header("Authorization", CdsTestClient.bearer(path)).contentType("application/json")
                .body("{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": "
                        + "\"overridden\", \"overrideReason\": {\"userComment\": \"Mrs Example prefers surgery\"}, "
                        + "\"outcomeTimestamp\": \"2026-11-28T12:00:00Z\"}]}")
                .when().post(path).then().statusCode(200);
        given().header("Authorization", CdsTestClient.bearer(path)).contentType("application/json")
                .body("{\"feedback\": [{\"outcome\": \"maybe\"}]}").when().post(path).then().statusCode(400);
        // CDS Hooks 2.0: acceptedSuggestions is required for accepted outcomes; outcomeTimestamp is ISO 8601
        given().header("Authorization", CdsTestClient.bearer(path)).contentType("application/json")
                .body("{\"feedback\": [{\"card\": \"c1\", \"outcome\": \"accepted\", "
                        + "\"outcomeTimestamp\": \"yesterday\"}]}")
                .when().post(path).then().statusCode(400)
                .body("errors.pointer", hasItems("/feedback/0/acceptedSuggestions", "/feedback/0/outcomeTimestamp"));
        given().header("Authorization", CdsTestClient.bearer(path)).contentType("application/json")
                .body("{\"feedback\": [{\"card\": \"c1\", \"outcome\": \"accepted\", \"acceptedSuggestions\": "
                        + "[{\"id\": \"s1\"}], \"outcomeTimestamp\": \"2026-11-28T12:00:00.250+01:00\"}]}")
                .when().post(path).then().statusCode(200);
        String metrics = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("spinemet_cds_feedback_total")
                && l.contains("outcome=\"overridden\"") && l.contains("service=\"spinemet-order-select\"")), metrics);
        assertFalse(metrics.contains("Mrs Example"));
    }

    @Test
    void ehrTextInTheDetailIsEscapedMarkdown() throws Exception {
        // an active order coded only with an RxNorm code the service does not classify (metformin 6809): the card
        // names it with the EHR's display text, which here tries a javascript: link and an HTML event handler
        ObjectNode request = example("pvp-complete.order-select.json");
        String display = "[x](javascript:alert(1)) <img src=x onerror=alert(1)> **now**";
        ObjectNode order = ((com.fasterxml.jackson.databind.node.ArrayNode) request.get("prefetch")
                .get("medicationRequests").get("entry")).addObject().putObject("resource");
        order.put("resourceType", "MedicationRequest").put("id", "evil-1").put("status", "active")
                .put("intent", "order").put("authoredOn", "2026-11-20");
        order.putObject("subject").put("reference", "Patient/pvp-complete");
        order.putObject("medicationCodeableConcept").putArray("coding").addObject()
                .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", "6809")
                .put("display", display);
        Response r = post("spinemet-order-select", request);
        r.then().statusCode(200);
        String detail = card(r).get("detail").asText();
        assertTrue(detail.contains("MedicationRequest/evil-1 (RxNorm 6809, \"\\[x\\](javascript:alert(1)) "
                + "\\<img src=x onerror=alert(1)> \\*\\*now\\*\\*\")"), detail);
        // nowhere an unescaped '[' or '<' of that text: no link and no HTML
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)\\[x").matcher(detail).find(), detail);
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)<img").matcher(detail).find(), detail);
        // and the order, not classifiable, leaves targeted therapy unknown: both ways, as a planned treatment
        assertTrue(detail.contains("Targeted drug therapy: yes") && detail.contains("Targeted drug therapy: no"),
                detail);
    }

    @Test
    void anRxNormOnlyOrderIsClassifiedOnTheCard() throws Exception {
        // the complete example with its EGFR TKI order recoded in RxNorm only: lapatinib, RXCUI 480167 (HER2 TKI,
        // ATC L01EH01, targeted therapy by the catalogue's definition)
        ObjectNode request = example("pvp-complete.order-select.json");
        ObjectNode coding = (ObjectNode) request.get("prefetch").get("medicationRequests").get("entry").get(0)
                .get("resource").get("medicationCodeableConcept").get("coding").get(0);
        coding.put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", "480167")
                .put("display", "lapatinib");
        Response r = post("spinemet-order-select", request);
        r.then().statusCode(200);
        JsonNode card = card(r);
        JsonNode targeted = factor(card.get("extension").get(CardBuilder.EXTENSION), "targetedTherapy");
        assertEquals(true, targeted.get("value").asBoolean());
        assertEquals("[\"MedicationRequest/osi-1\"]", targeted.get("sources").toString());
        assertTrue(card.get("detail").asText().contains(
                "MedicationRequest/osi-1: RxNorm 480167 (lapatinib) read as ATC L01EH01."), card.get("detail").asText());
    }
}
