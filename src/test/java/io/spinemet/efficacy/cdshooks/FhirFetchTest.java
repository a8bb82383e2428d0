package io.spinemet.efficacy.cdshooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data the client did not prefetch is fetched from its FHIR server (a WireMock stand-in started here) with the
 * bearer token it gave: the query URLs, the Authorization header, the 2 s timeout and 5xx answers.
 */
@QuarkusTest
@QuarkusTestResource(CdsTestClient.class)
class FhirFetchTest {

    static WireMockServer fhir;

    @BeforeAll
    static void start() {
        fhir = new WireMockServer(wireMockConfig().dynamicPort());
        fhir.start();
    }

    @AfterAll
    static void stop() {
        fhir.stop();
    }

    @BeforeEach
    void reset() {
        fhir.resetAll();
    }

    /** The complete example with its observations left out of the prefetch, and FHIR access given instead. */
    static ObjectNode withoutObservations() throws Exception {
        ObjectNode request = CdsServicesResourceTest.example("pvp-complete.order-select.json");
        JsonNode observations = request.get("prefetch").get("observations");
        ((ObjectNode) request.get("prefetch")).remove("observations");
        request.put("fhirServer", fhir.baseUrl() + "/fhir");
        ObjectNode auth = request.putObject("fhirAuthorization");
        auth.put("access_token", "fhir-token-123");
        auth.put("token_type", "Bearer");
        auth.put("expires_in", 300);
        auth.put("scope", "patient/Observation.read");
        auth.put("subject", "spinemet-cds");
        fhir.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/fhir+json").withBody(observations.toString())));
        return request;
    }

    @Test
    void missingPrefetchIsFetchedWithTheClientsToken() throws Exception {
        Response r = CdsServicesResourceTest.post("spinemet-order-select", withoutObservations());
        r.then().statusCode(200);
        JsonNode card = CdsServicesResourceTest.card(r);
        assertEquals("[\"Observation/alb-3\"]", CdsServicesResourceTest.factor(
                card.get("extension").get(CardBuilder.EXTENSION), "malnutrition").get("sources").toString());
        fhir.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation"))
                .withHeader("Authorization", equalTo("Bearer fhir-token-123"))
                .withQueryParam("patient", equalTo("pvp-complete"))
                .withQueryParam("code", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "http://loinc.org|1751-7")));
        // only what was missing is fetched
        assertEquals(1, fhir.getAllServeEvents().size());
    }

    @Test
    void aSlowFhirServerTimesOutAfterTwoSecondsAnd412s() throws Exception {
        ObjectNode request = withoutObservations();
        fhir.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(4000).withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
        long start = System.nanoTime();
        Response r = CdsServicesResourceTest.post("spinemet-order-select", request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        r.then().statusCode(412).body("issue[0].expression[0]", org.hamcrest.Matchers.equalTo(
                "prefetch.observations")).body("issue[0].diagnostics", containsString("did not answer in time"));
        assertTrue(millis < 3900, "answered after " + millis + " ms: the 2 s call timeout did not apply");
    }

    @Test
    void aFhirServerErrorIsA412NamingTheStatus() throws Exception {
        ObjectNode request = withoutObservations();
        fhir.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(503)));
        CdsServicesResourceTest.post("spinemet-order-select", request).then().statusCode(412)
                .body("issue[0].diagnostics", containsString("answered HTTP 503"));
    }

    @Test
    void anOperationOutcomeInThePrefetchIsNotQueriedAgain() throws Exception {
        ObjectNode request = withoutObservations();
        ((ObjectNode) request.get("prefetch")).set("observations", CdsServicesResourceTest.JSON.readTree(
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\"}]}"));
        CdsServicesResourceTest.post("spinemet-order-select", request).then().statusCode(412);
        assertEquals(0, fhir.getAllServeEvents().size());
    }

    @Test
    void aNullPrefetchEntryIsNoDataAndNotFetched() throws Exception {
        ObjectNode request = withoutObservations();
        ((ObjectNode) request.get("prefetch")).putNull("observations");
        Response r = CdsServicesResourceTest.post("spinemet-order-select", request);
        r.then().statusCode(200);
        assertEquals(0, fhir.getAllServeEvents().size());
        // no albumin, no KPS: no probability, and the card says what is missing
        assertEquals("warning", CdsServicesResourceTest.card(r).get("indicator").asText());
    }

    // paged searches (FHIR R4 http.html#paging) -------------------------------------------------------------------

    /**
     * Splits the example's observations into two searchset pages: page 1 holds every entry but the newest albumin
     * (alb-3) and links to page 2 by an absolute next URL; page 2 holds alb-3 only.
     */
    static ObjectNode withTwoObservationPages(String nextUrl) throws Exception {
        ObjectNode request = CdsServicesResourceTest.example("pvp-complete.order-select.json");
        ObjectNode observations = (ObjectNode) request.get("prefetch").get("observations");
        ObjectNode page1 = observations.deepCopy();
        ObjectNode page2 = observations.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode entries1 = page1.putArray("entry");
        com.fasterxml.jackson.databind.node.ArrayNode entries2 = page2.putArray("entry");
        for (JsonNode e : observations.get("entry")) {
            (e.get("resource").get("id").asText().equals("alb-3") ? entries2 : entries1).add(e);
        }
        page1.putArray("link").addObject().put("relation", "next").put("url", nextUrl);
        page2.putArray("link").addObject().put("relation", "self").put("url", nextUrl);
        ObjectNode r = withoutObservations();
        fhir.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("code", com.github.tomakehurst.wiremock
                .client.WireMock.matching(".+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/fhir+json").withBody(page1.toString())));
        fhir.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("_page", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
                        .withBody(page2.toString())));
        return r;
    }

    @Test
    void aTwoPageSearchIsReadCompletelyWithTheTokenOnBothPages() throws Exception {
        ObjectNode request = withTwoObservationPages(fhir.baseUrl() + "/fhir/Observation?patient=pvp-complete&_page=2");
        Response r = CdsServicesResourceTest.post("spinemet-order-select", request);
        r.then().statusCode(200);
        JsonNode card = CdsServicesResourceTest.card(r);
        // the newest albumin is on page 2 only: the card uses it, so page 2 was read
        assertEquals("[\"Observation/alb-3\"]", CdsServicesResourceTest.factor(
                card.get("extension").get(CardBuilder.EXTENSION), "malnutrition").get("sources").toString());
        fhir.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation")).withQueryParam("_page", equalTo("2"))
                .withQueryParam("patient", equalTo("pvp-complete"))
                .withHeader("Authorization", equalTo("Bearer fhir-token-123")));
        assertEquals(2, fhir.getAllServeEvents().size());
        assertTrue(!card.get("detail").asText().contains("may be incomplete"), card.get("detail").asText());
    }

    @Test
    void aRelativeNextLinkIsResolvedAgainstTheFhirBase() throws Exception {
        ObjectNode request = withTwoObservationPages("Observation?patient=pvp-complete&_page=2");
        CdsServicesResourceTest.post("spinemet-order-select", request).then().statusCode(200);
        fhir.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation")).withQueryParam("_page", equalTo("2")));
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedAndTheTokenNotSent() throws Exception {
        WireMockServer elsewhere = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        elsewhere.start();
        try {
            elsewhere.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(200)
                    .withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
            // the same path and query on another host (127.0.0.1 is not the fhirServer's host, localhost)
            String foreign = "http://127.0.0.1:" + elsewhere.port() + "/fhir/Observation?patient=pvp-complete&_page=2";
            Response r = CdsServicesResourceTest.post("spinemet-order-select", withTwoObservationPages(foreign));
            r.then().statusCode(412).body("issue[0].expression[0]", org.hamcrest.Matchers.equalTo(
                    "prefetch.observations")).body("issue[0].diagnostics", containsString(
                    "points outside the FHIR server (host 127.0.0.1)"));
            assertEquals(0, elsewhere.getAllServeEvents().size(), "the foreign host was called");
            assertEquals(1, fhir.getAllServeEvents().size());
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void aSearchLongerThanThePageCapIsUsedAndSaidToBeIncomplete() throws Exception {
        ObjectNode request = withoutObservations();
        ObjectNode page = CdsServicesResourceTest.example("pvp-complete.order-select.json").get("prefetch")
                .get("observations").deepCopy();
        // a server whose every page links to a further page
        page.putArray("link").addObject().put("relation", "next")
                .put("url", fhir.baseUrl() + "/fhir/Observation?patient=pvp-complete&_page=more");
        fhir.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/fhir+json").withBody(page.toString())));
        Response r = CdsServicesResourceTest.post("spinemet-order-select", request);
        r.then().statusCode(200);
        // spinemet.cds.fetch.max-pages defaults to 10 (application.properties): page 1 plus nine next pages
        assertEquals(10, fhir.getAllServeEvents().size());
        JsonNode card = CdsServicesResourceTest.card(r);
        assertEquals("warning", card.get("indicator").asText());
        String detail = card.get("detail").asText();
        assertTrue(detail.contains("**Data may be incomplete:**"), detail);
        assertTrue(detail.contains("prefetch key 'observations': the search has more than 10 pages"), detail);
        // and machine-readably
        assertTrue(card.get("extension").get(CardBuilder.EXTENSION).get("incompleteData").get(0).asText()
                .startsWith("prefetch key 'observations': the search has more than 10 pages"));
    }

    @Test
    void aServerErrorOnPageTwoIsA412NamingThePage() throws Exception {
        ObjectNode request = withTwoObservationPages(fhir.baseUrl() + "/fhir/Observation?patient=pvp-complete&_page=2");
        fhir.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("_page", equalTo("2"))
                .willReturn(aResponse().withStatus(502)));
        CdsServicesResourceTest.post("spinemet-order-select", request).then().statusCode(412)
                .body("issue[0].expression[0]", org.hamcrest.Matchers.equalTo("prefetch.observations"))
                .body("issue[0].diagnostics", containsString("answered HTTP 502 (page 2)"));
    }

    /** Page 1 of the two-page observations in the prefetch, page 2 on the FHIR server. */
    static ObjectNode withFirstPagePrefetched() throws Exception {
        ObjectNode request = withTwoObservationPages(fhir.baseUrl() + "/fhir/Observation?patient=pvp-complete&_page=2");
        String page1 = fhir.getStubMappings().stream().filter(m -> m.getRequest().getQueryParameters() != null
                && m.getRequest().getQueryParameters().containsKey("code")).findFirst().orElseThrow()
                .getResponse().getBody();
        ((ObjectNode) request.get("prefetch")).set("observations", CdsServicesResourceTest.JSON.readTree(page1));
        return request;
    }

    @Test
    void aPrefetchedFirstPageIsCompletedFromTheFhirServer() throws Exception {
        // the client prefetched page 1 only; page 2 is on the server
        ObjectNode request = withFirstPagePrefetched();
        Response r = CdsServicesResourceTest.post("spinemet-order-select", request);
        r.then().statusCode(200);
        assertEquals("[\"Observation/alb-3\"]", CdsServicesResourceTest.factor(CdsServicesResourceTest.card(r)
                .get("extension").get(CardBuilder.EXTENSION), "malnutrition").get("sources").toString());
        fhir.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation")).withQueryParam("_page", equalTo("2"))
                .withHeader("Authorization", equalTo("Bearer fhir-token-123")));
        assertEquals(1, fhir.getAllServeEvents().size());
    }

    @Test
    void aPrefetchedFirstPageWithoutFhirAccessIs412() throws Exception {
        ObjectNode request = withFirstPagePrefetched();
        request.remove("fhirAuthorization");
        CdsServicesResourceTest.post("spinemet-order-select", request).then().statusCode(412)
                .body("issue[0].diagnostics", containsString("paginated"));
        assertEquals(0, fhir.getAllServeEvents().size());
    }
}
