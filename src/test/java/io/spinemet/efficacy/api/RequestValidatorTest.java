package io.spinemet.efficacy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.catalogue.Procedure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator without HTTP. */
class RequestValidatorTest {

    private static ObjectNode json(String text) {
        return (ObjectNode) RequestValidator.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void typedValuesInCatalogueOrder() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = RequestValidator.factors(json("{\"factors\": {\"frankelGrade\": \"B\", "
                + "\"vertebraeInvolved\": 3, \"malnutrition\": false}}"), "", errors);
        assertEquals(List.of(), errors);
        assertEquals(List.of("malnutrition", "vertebraeInvolved", "frankelGrade"), List.copyOf(values.keySet()));
        assertEquals(Boolean.FALSE, values.get("malnutrition"));
        assertEquals(Integer.valueOf(3), values.get("vertebraeInvolved"));
        assertEquals("B", values.get("frankelGrade"));
    }

    @Test
    void noCoercion() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = RequestValidator.factors(json("{\"factors\": {\"malnutrition\": \"true\", "
                + "\"leukopenia\": 1, \"vertebraeInvolved\": \"2\", \"visceralMetastasis\": null, "
                + "\"extraspinalBoneMetastasis\": 2.0, \"primaryTumorGrowth\": \"Rapid\"}}"), "/x", errors);
        assertTrue(values.isEmpty(), values.toString());
        // reported in catalogue order
        assertEquals(List.of("/x/factors/malnutrition", "/x/factors/leukopenia", "/x/factors/primaryTumorGrowth",
                "/x/factors/vertebraeInvolved", "/x/factors/extraspinalBoneMetastasis",
                "/x/factors/visceralMetastasis"), errors.stream().map(FieldError::pointer).toList());
        assertEquals("must be a JSON boolean; got null", errors.get(5).detail());
    }

    @Test
    void procedureIsCaseInsensitiveButNothingElse() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(Procedure.DECOMPRESSION, RequestValidator.procedure(json("{\"procedure\": \"DECOMPRESSION\"}"),
                "", errors));
        assertEquals(Procedure.DECOMPRESSION, RequestValidator.procedure(json("{\"procedure\": \"Decompression\"}"),
                "", errors));
        assertNull(RequestValidator.procedure(json("{\"procedure\": \"decompress\"}"), "", errors));
        assertEquals("one of PVP, DECOMPRESSION", errors.get(0).allowed());
    }

    @Test
    void pointersAreEscaped() {
        assertEquals("/factors/a~1b~0c", JsonPointer.child("/factors", "a/b~c"));
        assertEquals("/patients/3", JsonPointer.child("/patients", 3));
    }

    @Test
    void malformedAndDuplicateJson() {
        var e = assertThrows(ProblemException.class, () -> json("{\"a\": 1, \"a\": 2}"));
        assertEquals(400, e.status());
        assertTrue(e.toProblem("/p").detail().contains("duplicate"), e.toProblem("/p").detail());
        assertThrows(ProblemException.class, () -> json("{} []"));
        assertThrows(ProblemException.class, () -> RequestValidator.parse(new byte[0]));
    }

    @Test
    void csvLineCountIsAnUpperBoundBeforeParsing() {
        assertEquals(2, PredictionRequests.dataLines("h\na\n\nb\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, PredictionRequests.dataLines("h\r\na".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, PredictionRequests.dataLines("h\n".getBytes(StandardCharsets.UTF_8)));
    }
}
