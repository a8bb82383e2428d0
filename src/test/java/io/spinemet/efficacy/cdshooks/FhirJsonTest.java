package io.spinemet.efficacy.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** Resources parsed from the request's Jackson tree are the resources HAPI reads from the same text. */
class FhirJsonTest {

    private static final FhirContext R4 = FhirContext.forR4();
    private static final String OBSERVATION = """
            {"resourceType": "Observation", "id": "alb-1", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "1751-7"}]},
             "effectiveDateTime": "2026-11-24T08:10:00Z",
             "valueQuantity": {"value": 3.20, "unit": "g/dL", "system": "http://unitsofmeasure.org", "code": "g/dL"},
             "unknownElement": true}
            """;

    @Test
    void aDecimalKeepsItsDigitsAndEveryElementIsRead() throws Exception {
        JsonNode tree = FhirJson.requestReader(new ObjectMapper()).readTree(OBSERVATION);
        IJsonLikeParser parser = FhirJson.parser(R4);
        Observation fromTree = (Observation) FhirJson.parseOrNull(parser, tree);
        Observation fromText = (Observation) R4.newJsonParser().parseResource(OBSERVATION.replace(
                ",\n \"unknownElement\": true", ""));
        assertEquals(new BigDecimal("3.20"), fromTree.getValueQuantity().getValue());
        assertEquals(fromText.getValueQuantity().getValue(), fromTree.getValueQuantity().getValue());
        assertEquals("alb-1", fromTree.getIdElement().getIdPart());
        assertEquals("1751-7", fromTree.getCode().getCodingFirstRep().getCode());
        assertEquals(fromText.getEffectiveDateTimeType().getValue(), fromTree.getEffectiveDateTimeType().getValue());
    }

    @Test
    void aDecimalWithAHugeExponentIsRefusedWhileReading() {
        var reader = FhirJson.requestReader(new ObjectMapper());
        // 11 bytes of JSON that HAPI would print as a billion digits
        assertThrows(Exception.class, () -> reader.readTree("{\"value\": 1e999999999}"));
        assertThrows(Exception.class, () -> reader.readTree("{\"value\": 1e-999999999}"));
        assertDoesNotThrow(() -> reader.readTree("{\"value\": 1.5e300}"));
    }

    @Test
    void whatIsNotAResourceObjectIsNull() throws Exception {
        IJsonLikeParser parser = FhirJson.parser(R4);
        ObjectMapper json = new ObjectMapper();
        assertNull(FhirJson.parseOrNull(parser, json.readTree("[1, 2]")));
        assertNull(FhirJson.parseOrNull(parser, json.readTree("\"Observation\"")));
        assertNull(FhirJson.parseOrNull(parser, json.readTree("{\"resourceType\": \"NoSuchType\"}")));
    }

    /** Entries with what HAPI does to a Bundle: URN and URL fullUrls, a version, a contained resource, no resource. */
    private static final String BUNDLE = """
            {"resourceType": "Bundle", "type": "searchset", "total": 2,
             "link": [{"relation": "self", "url": "http://ehr.example/fhir/Observation?patient=p1"}],
             "entry": [
              {"fullUrl": "urn:uuid:0f6c3a52-1111-4a8e-9c1e-5b7c3e2d9a01", "search": {"mode": "match"},
               "resource": {"resourceType": "Observation", "status": "final", "code": {"text": "albumin"},
                            "subject": {"reference": "Patient/p1"}, "valueQuantity": {"value": 3.20, "unit": "g/dL"}}},
              {"fullUrl": "http://ehr.example/fhir/MedicationRequest/mr1",
               "resource": {"resourceType": "MedicationRequest", "id": "mr1", "meta": {"versionId": "3"},
                            "status": "active", "intent": "order",
                            "contained": [{"resourceType": "Medication", "id": "m1", "code": {"text": "x"}}],
                            "medicationReference": {"reference": "#m1"}, "subject": {"reference": "Patient/p1"}}},
              {"fullUrl": "http://ehr.example/fhir/Patient/p1", "search": {"mode": "include"}},
              {"resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1960-02-29"}}
             ]}
            """;

    @Test
    void aBundleReadEntryByEntryIsTheBundleHapiReadsWhole() throws Exception {
        var reader = FhirJson.requestReader(new ObjectMapper());
        List<ObjectNode> bundles = new ArrayList<>();
        bundles.add((ObjectNode) reader.readTree(BUNDLE));
        try (Stream<Path> examples = Files.list(Path.of("openapi/examples/cds"))) {
            for (Path example : examples.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode call = reader.readTree(Files.readString(example));
                call.path("prefetch").forEach(v -> {
                    if (v.path("resourceType").asText().equals("Bundle")) {
                        bundles.add((ObjectNode) v);
                    }
                });
                if (call.path("context").path("draftOrders").isObject()) {
                    bundles.add((ObjectNode) call.path("context").path("draftOrders"));
                }
            }
        }
        assertEquals(true, bundles.size() > 5, "the examples hold prefetched Bundles");
        IJsonLikeParser parser = FhirJson.parser(R4);
        for (ObjectNode json : bundles) {
            Bundle entryWise = FhirJson.entryWise(parser, json);
            assertNotNull(entryWise, json.toString());
            // what the service did before: HAPI reads the whole Bundle from the same tree
            Bundle whole = parser.parseResource(Bundle.class, FhirJson.structure(json));
            assertEquals(R4.newJsonParser().encodeResourceToString(whole),
                    R4.newJsonParser().encodeResourceToString(entryWise));
            assertEquals(whole.getEntry().size(), entryWise.getEntry().size());
            for (int i = 0; i < whole.getEntry().size(); i++) {
                var expected = whole.getEntry().get(i).getResource();
                var actual = entryWise.getEntry().get(i).getResource();
                assertEquals(expected == null, actual == null);
                if (expected != null) {
                    assertEquals(expected.getIdElement().getValue(), actual.getIdElement().getValue());
                    assertEquals(expected.getClass(), actual.getClass());
                }
            }
        }
        Bundle first = FhirJson.entryWise(parser, bundles.get(0));
        assertEquals("urn:uuid:0f6c3a52-1111-4a8e-9c1e-5b7c3e2d9a01",
                first.getEntry().get(0).getResource().getIdElement().getValue());
        assertEquals("http://ehr.example/fhir/MedicationRequest/mr1/_history/3",
                first.getEntry().get(1).getResource().getIdElement().getValue());
        assertEquals(new BigDecimal("3.20"), ((Observation) first.getEntry().get(0).getResource()).getValueQuantity()
                .getValue());
    }

    @Test
    void whatHapiMustJudgeIsReadWhole() throws Exception {
        ObjectMapper json = new ObjectMapper();
        IJsonLikeParser parser = FhirJson.parser(R4);
        for (String text : List.of(
                "{\"resourceType\": \"Observation\", \"status\": \"final\"}",
                "{\"resourceType\": \"Bundle\", \"type\": \"searchset\"}",
                "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": []}",
                "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [1]}",
                "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [{\"resource\": \"x\"}]}",
                "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": "
                        + "[{\"resource\": {\"resourceType\": \"NoSuchType\"}}]}")) {
            assertNull(FhirJson.entryWise(parser, (ObjectNode) json.readTree(text)), text);
        }
    }
}
