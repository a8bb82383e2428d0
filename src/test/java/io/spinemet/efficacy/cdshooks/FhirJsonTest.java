package io.spinemet.efficacy.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
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
}
