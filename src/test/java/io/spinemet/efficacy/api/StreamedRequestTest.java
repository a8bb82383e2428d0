package io.spinemet.efficacy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.ModelLoader;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A single prediction read without a JSON tree ({@link StreamedRequest}) is answered exactly as the tree reader
 * answers it: the same bytes for a valid request, and, for an invalid one, the same problem (the streaming reader
 * declines it and the tree reader names the problems). The expected side is always the tree path, which the rest of
 * the suite checks against the catalogue and the published definitions.
 */
class StreamedRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static PredictionRequests requests;

    @BeforeAll
    static void bundledModels() throws Exception {
        Map<Procedure, LoadedModel> models = ModelLoader.load(ModelLoader.directory(Path.of("models")));
        requests = new PredictionRequests(models::get, p -> { }, new RenderedPredictions(0, value -> {
            try {
                return JSON.writeValueAsBytes(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), new DerivationJson(JSON));
    }

    /** The answer's bytes, or the problem's status, count and messages. */
    private static String outcome(Supplier<byte[]> request) {
        try {
            return new String(request.get(), StandardCharsets.UTF_8);
        } catch (ProblemException e) {
            return e.status() + " " + e.errorCount() + " " + e.toProblem("/p");
        }
    }

    /** The bytes the server would send; the buffer is the caller's to release, as the response does once sent. */
    private static byte[] sent(Buffer answer) {
        ByteBuf buf = answer.getByteBuf();
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Both paths give the same outcome; returns whether the streaming reader took the body. */
    private static boolean sameAnswer(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String tree = outcome(() -> requests.single(RequestValidator.parse(bytes)));
        String either = outcome(() -> sent(requests.single(bytes)));
        assertEquals(tree, either, body);
        return StreamedRequest.parse(bytes) != null && !tree.startsWith("4");
    }

    private static String patient(int i) {
        String procedure = i % 2 == 0 ? "PVP" : "DECOMPRESSION";
        String factors = switch (i % 4) {
            case 0 -> ",\"factors\":{\"postoperativeRadiotherapy\":true}";
            case 1 -> ",\"factors\":{\"postoperativeRadiotherapy\":false,\"frankelGrade\":\"C\"}";
            case 2 -> "";
            default -> ",\"factors\":{\"postoperativeRadiotherapy\":false,\"leukopenia\":true}";
        };
        return "{\"procedure\":\"" + procedure + "\",\"measurements\":" + DerivationJsonTest.patient(i) + factors + "}";
    }

    @Test
    void variedPatientsGetTheTreeReadersAnswerAndValidOnesAreStreamed() {
        int streamed = 0;
        int refused = 0;
        for (int i = 0; i < 600; i++) {
            if (sameAnswer(patient(i))) {
                streamed++;
            } else {
                refused++;
            }
        }
        // both kinds must occur, or the comparison proves little
        assertTrue(streamed >= 100, "valid patients answered from the stream: " + streamed);
        assertTrue(refused >= 50, "patients with a problem: " + refused);
    }

    @Test
    void theExampleFilesGetTheSameAnswers() throws Exception {
        for (String file : List.of("predict-pvp.json", "predict-decompression.json", "invalid.json")) {
            sameAnswer(Files.readString(Path.of("openapi/examples", file)));
        }
        assertTrue(sameAnswer(ApiExamples.PREDICT_MEASUREMENTS), "the measurements example is streamed");
        // an answer with a derivation is in a pooled buffer: the caller holds its one reference, released once sent
        ByteBuf pooled = requests.single(ApiExamples.PREDICT_MEASUREMENTS.getBytes(StandardCharsets.UTF_8))
                .getByteBuf();
        assertEquals(1, pooled.refCnt());
        assertTrue(pooled.release());
        assertTrue(sameAnswer(ApiExamples.PREDICT_PVP), "a factors-only request is streamed");
    }

    @Test
    void numbersAreReadAsTheTreeReadsThem() {
        List<String> albumins = List.of("35", "35.0", "3.50", "3.5e1", "350E-1", "34.999999999999999", "0.1",
                "2.500", "4", "-0.0", "1e400", "2147483648", "12345678901234567890", "3.5E+0");
        int streamed = 0;
        for (String value : albumins) {
            for (String unit : List.of("g/L", "g/dL")) {
                String body = "{\"procedure\":\"PVP\",\"factors\":{\"postoperativeRadiotherapy\":true},"
                        + "\"measurements\":{\"serumAlbumin\":{\"value\":" + value + ",\"unit\":\"" + unit + "\"},"
                        + "\"karnofskyPerformanceStatus\":60,\"anticancerDrugs\":[],\"cytotoxicChemotherapy\":\"NONE\"}}";
                streamed += sameAnswer(body) ? 1 : 0;
            }
        }
        assertTrue(streamed >= 8, "plausible albumins streamed (35, 35.0, 3.5e1, 350E-1 g/L; 3.50, 2.500, 4, 3.5E+0 g/dL...): " + streamed);
    }

    @Test
    void whatTheTreeReaderRefusesIsNeverStreamed() {
        String valid = "{\"procedure\":\"PVP\",\"factors\":{\"postoperativeRadiotherapy\":true},\"measurements\":"
                + "{\"serumAlbumin\":{\"value\":3.2,\"unit\":\"g/dL\"},\"karnofskyPerformanceStatus\":60,"
                + "\"anticancerDrugs\":[\"L01EB04\"],\"cytotoxicChemotherapy\":\"NONE\"}}";
        assertTrue(sameAnswer(valid), "the unaltered request is valid and streamed");
        List<String> invalid = new ArrayList<>(List.of(
                "", " ", "null", "[]", "\"PVP\"", valid + "x", valid + "{}", valid.replace("}}", "}"),
                valid.replace("\"procedure\":\"PVP\",", ""),
                valid.replace("\"PVP\"", "1"),
                valid.replace("{\"procedure\"", "{\"patient\":1,\"procedure\""),
                valid.replace("{\"procedure\"", "{\"procedure\":\"PVP\",\"procedure\""),
                valid.replace("\"postoperativeRadiotherapy\":true", "\"postoperativeRadiotherapy\":\"true\""),
                valid.replace("\"postoperativeRadiotherapy\":true", "\"postoperativeRadiotherapy\":1"),
                valid.replace("\"postoperativeRadiotherapy\":true", "\"postoperativeRadiotherapy\":null"),
                valid.replace("\"postoperativeRadiotherapy\":true", "\"postoperativeRadiotherapy\":true,\"x\":1"),
                valid.replace("\"postoperativeRadiotherapy\":true",
                        "\"postoperativeRadiotherapy\":true,\"postoperativeRadiotherapy\":false"),
                valid.replace("\"postoperativeRadiotherapy\":true", "\"postoperativeRadiotherapy\":true,"
                        + "\"vertebraeInvolved\":2.0"),
                valid.replace("\"postoperativeRadiotherapy\":true", "\"postoperativeRadiotherapy\":true,"
                        + "\"vertebraeInvolved\":99"),
                valid.replace("\"postoperativeRadiotherapy\":true", "\"postoperativeRadiotherapy\":true,"
                        + "\"frankelGrade\":\"F\""),
                valid.replace("\"postoperativeRadiotherapy\":true", "\"malnutrition\":false,"
                        + "\"postoperativeRadiotherapy\":true"),
                valid.replace(",\"factors\":{\"postoperativeRadiotherapy\":true}", ""),
                valid.replace("\"factors\":{\"postoperativeRadiotherapy\":true}", "\"factors\":[]"),
                valid.replace("\"value\":3.2", "\"value\":\"3.2\""),
                valid.replace("\"value\":3.2", "\"value\":null"),
                valid.replace("\"value\":3.2,", ""),
                valid.replace("\"value\":3.2", "\"value\":50"),
                valid.replace("\"value\":3.2", "\"value\":1e400"),
                valid.replace("\"value\":3.2", "\"value\":-1e400"),
                valid.replace("\"value\":3.2", "\"value\":3.2,\"value\":3.3"),
                valid.replace("\"unit\":\"g/dL\"", "\"unit\":\"g/dL\",\"system\":\"http://unitsofmeasure.org\""),
                valid.replace("\"unit\":\"g/dL\"", "\"unit\":\"mmol/L\""),
                valid.replace("\"unit\":\"g/dL\"", "\"unit\":7"),
                valid.replace("\"karnofskyPerformanceStatus\":60", "\"karnofskyPerformanceStatus\":45"),
                valid.replace("\"karnofskyPerformanceStatus\":60", "\"karnofskyPerformanceStatus\":60.0"),
                valid.replace("\"karnofskyPerformanceStatus\":60", "\"karnofskyPerformanceStatus\":\"60\""),
                valid.replace("\"karnofskyPerformanceStatus\":60", "\"karnofskyPerformanceStatus\":6000000000"),
                valid.replace("\"karnofskyPerformanceStatus\":60", "\"ecogPerformanceStatus\":60"),
                valid.replace("\"karnofskyPerformanceStatus\":60", "\"kps\":60"),
                valid.replace("[\"L01EB04\"]", "\"L01EB04\""),
                valid.replace("[\"L01EB04\"]", "[\"L01EB04\",5]"),
                valid.replace("[\"L01EB04\"]", "[[\"L01EB04\"]]"),
                valid.replace("[\"L01EB04\"]", "[\"L01XE03\"]"),
                valid.replace("\"NONE\"", "\"none\""),
                valid.replace("\"NONE\"", "true"),
                valid.replace("\"cytotoxicChemotherapy\":\"NONE\"", "\"cytotoxicChemotherapy\":\"GIVEN\""),
                valid.replace("\"cytotoxicChemotherapy\":\"NONE\"", "\"cytotoxicChemotherapy\":\"GIVEN\","
                        + "\"chemotherapyFirstCycleDate\":\"2024-02-30\",\"chemotherapyLastCycleDate\":"
                        + "\"2024-03-01\",\"spinalMetastasisDiagnosisDate\":\"2024-04-01\""),
                valid.replace("\"cytotoxicChemotherapy\":\"NONE\"", "\"cytotoxicChemotherapy\":\"GIVEN\","
                        + "\"chemotherapyFirstCycleDate\":\"2024-02-01\",\"chemotherapyLastCycleDate\":"
                        + "\"2999-03-01\",\"spinalMetastasisDiagnosisDate\":\"2024-04-01\""),
                valid.replace("\"cytotoxicChemotherapy\":\"NONE\"", "\"cytotoxicChemotherapy\":\"GIVEN\","
                        + "\"chemotherapyFirstCycleDate\":\"2024-2-01\",\"chemotherapyLastCycleDate\":"
                        + "\"2024-03-01\",\"spinalMetastasisDiagnosisDate\":20240401"),
                valid.replace("\"measurements\":{", "\"measurements\":{\"serumAlbumin\":{\"value\":40,"
                        + "\"unit\":\"g/L\"},")));
        for (String body : invalid) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String tree = outcome(() -> requests.single(RequestValidator.parse(bytes)));
            assertTrue(tree.startsWith("4"), "a problem for the tree reader: " + body);
            assertEquals(tree, outcome(() -> sent(requests.single(bytes))), body);
        }
        // the values of an unknown kind, a wrong type or a broken layout are not even read
        assertNull(StreamedRequest.parse(invalid.get(5).getBytes(StandardCharsets.UTF_8)));
        assertNotNull(StreamedRequest.parse(valid.getBytes(StandardCharsets.UTF_8)));
    }
}
