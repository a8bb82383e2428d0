package io.spinemet.efficacy.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.spinemet.efficacy.api.Dtos.Derivation;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.measurement.DerivedFactor;
import io.spinemet.efficacy.scores.Score;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer of derivations against data binding of the same records (the annotated records also give the
 * OpenAPI schema): byte for byte, over patients whose measurements vary in every way the answer can (units, scales,
 * codes, dates, notes, warnings, scores computed or not, missing inputs).
 */
class DerivationJsonTest {

    /** The service's mapper settings that bear on these records (JacksonSetup). */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL).registerModule(new BlackbirdModule());

    private final DerivationJson writer = new DerivationJson(MAPPER);

    @Test
    void everyDerivationIsWrittenAsDataBindingWritesIt() throws Exception {
        int compared = 0;
        int notes = 0;
        int warnings = 0;
        int missing = 0;
        int computed = 0;
        for (int i = 0; i < 600; i++) {
            Derivation derivation = derivation(patient(i));
            if (derivation == null) {
                continue;
            }
            byte[] expected = MAPPER.writeValueAsBytes(derivation);
            byte[] prediction = "{\"probability\":0.5,\"model\":{\"id\":\"m\"}}".getBytes(StandardCharsets.UTF_8);
            byte[] actual = writer.append(prediction, derivation);
            String expectedAnswer = "{\"probability\":0.5,\"model\":{\"id\":\"m\"},"
                    + new String(expected, 1, expected.length - 1, StandardCharsets.UTF_8);
            assertEquals(expectedAnswer, new String(actual, StandardCharsets.UTF_8), "patient " + i);
            compared++;
            notes += (int) derivation.derivedFactors().stream().filter(d -> d.note() != null).count();
            for (Score s : List.of(derivation.scores().tokuhashi(), derivation.scores().tomita())) {
                warnings += s.warnings() != null && !s.warnings().isEmpty() ? 1 : 0;
                missing += s.missingInputs() != null && !s.missingInputs().isEmpty() ? 1 : 0;
                computed += s.computed() ? 1 : 0;
            }
        }
        // the patients must reach every branch of the writer, or the comparison proves little
        assertTrue(compared >= 400, "valid patients compared: " + compared);
        assertTrue(notes > 0 && warnings > 0 && missing > 0 && computed > 0,
                "notes " + notes + ", warnings " + warnings + ", missing " + missing + ", computed " + computed);
    }

    @Test
    void anEmptyDerivationAndAPredictionWithTrailingSpaceAreJoinedAsOneObject() throws Exception {
        Derivation derivation = new Derivation(List.of(), derivation(patient(0)).scores());
        byte[] actual = writer.append("{\"a\":1} \n".getBytes(StandardCharsets.UTF_8), derivation);
        byte[] expected = MAPPER.writeValueAsBytes(derivation);
        assertArrayEquals(("{\"a\":1," + new String(expected, 1, expected.length - 1, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8), actual);
    }

    @Test
    void eachAnswerStartsAfreshAfterALargerOne() throws Exception {
        Derivation big = derivation(patient(3));
        Derivation small = new Derivation(List.of(new DerivedFactor("vertebraeInvolved", 2,
                List.of(new DerivedFactor.Input("vertebralMetastasesCount", 2, null, null, null)), "r", "c", "s")),
                big.scores());
        writer.append("{\"a\":1}".getBytes(StandardCharsets.UTF_8), big);
        byte[] actual = writer.append("{\"b\":2}".getBytes(StandardCharsets.UTF_8), small);
        byte[] expected = MAPPER.writeValueAsBytes(small);
        assertEquals("{\"b\":2," + new String(expected, 1, expected.length - 1, StandardCharsets.UTF_8),
                new String(actual, StandardCharsets.UTF_8));
    }

    /** The derivation of a valid patient's measurements, as a prediction answer carries it; null when invalid. */
    private static Derivation derivation(String measurements) throws Exception {
        ObjectNode body = (ObjectNode) MAPPER.readTree("{\"measurements\":" + measurements + "}");
        List<FieldError> errors = new ArrayList<>();
        PatientInputs inputs = PatientInputs.read(body, "", errors);
        return errors.isEmpty() && inputs.scores() != null ? new Derivation(inputs.derived(), inputs.scores()) : null;
    }

    /** Patient {@code i}: each field varies on its own cycle, and some are left out. */
    static String patient(int i) {
        StringJoiner m = new StringJoiner(",", "{", "}");
        String[] albumin = {"{\"value\":3.2,\"unit\":\"g/dL\"}", "{\"value\":35,\"unit\":\"g/L\"}",
                "{\"value\":3.50,\"unit\":\"g/dl\"}", "{\"value\":41.5,\"unit\":\"g/L\"}"};
        String[] leukocytes = {"{\"value\":3600,\"unit\":\"/uL\"}", "{\"value\":4.0,\"unit\":\"10*9/L\"}",
                "{\"value\":12.25,\"unit\":\"10*3/uL\"}"};
        String[] sites = {"LUNG", "BREAST", "PROSTATE", "KIDNEY", "THYROID", "STOMACH", "LIVER", "UNKNOWN_PRIMARY",
                "COLON", "UTERUS", "OTHER", "CARCINOID", "RECTUM"};
        String[] drugs = {"[\"L01EB04\"]", "[\"L01FF02\"]", "[\"L01XA01\",\"L01EX02\"]", "[\"L02BA01\"]", "[]"};
        String[] visceral = {"NONE", "REMOVABLE", "UNREMOVABLE"};
        String[] grades = {"A", "B", "C", "D", "E"};
        if (i % 7 != 6) {
            m.add("\"serumAlbumin\":" + albumin[i % albumin.length]);
        }
        if (i % 5 != 4) {
            m.add("\"leukocyteCount\":" + leukocytes[i % leukocytes.length]);
        }
        switch (i % 6) {
            case 0, 1, 2 -> m.add("\"karnofskyPerformanceStatus\":" + (10 * (1 + i % 10)));
            case 3 -> m.add("\"ecogPerformanceStatus\":" + (i % 6 == 3 ? i % 5 : 0));
            case 4 -> {
                m.add("\"karnofskyPerformanceStatus\":" + (10 * (1 + i % 10)));
                m.add("\"ecogPerformanceStatus\":" + (i % 5));
            }
            default -> m.add("\"barthelIndex\":" + (5 * (i % 21)));
        }
        if (i % 11 != 10) {
            m.add("\"primaryTumorSite\":\"" + sites[i % sites.length] + "\"");
        }
        if (i % 13 == 5) {
            m.add("\"primaryTumorGrowthClass\":\"MODERATE\"");
        }
        if (i % 4 == 0) {
            m.add("\"cytotoxicChemotherapy\":\"NONE\"");
        } else if (i % 4 != 3) {
            m.add("\"cytotoxicChemotherapy\":\"GIVEN\"");
            m.add("\"chemotherapyFirstCycleDate\":\"2024-0" + (1 + i % 9) + "-15\"");
            m.add("\"chemotherapyLastCycleDate\":\"2024-1" + (i % 3) + "-01\"");
            m.add("\"spinalMetastasisDiagnosisDate\":\"2024-1" + (i % 3) + "-2" + (i % 10) + "\"");
        }
        m.add("\"anticancerDrugs\":" + drugs[i % drugs.length]);
        if (i % 9 != 8) {
            m.add("\"vertebralMetastasesCount\":" + (1 + i % 4));
        }
        if (i % 8 != 7) {
            m.add("\"extraspinalBoneMetastasesCount\":" + (i % 3));
        }
        if (i % 10 != 9) {
            m.add("\"visceralMetastases\":\"" + visceral[i % visceral.length] + "\"");
        }
        if (i % 3 == 0) {
            m.add("\"asiaImpairmentScale\":\"" + grades[i % grades.length] + "\"");
        } else if (i % 12 != 11) {
            m.add("\"frankelClassification\":\"" + grades[i % grades.length] + "\"");
        }
        return m.toString();
    }
}
