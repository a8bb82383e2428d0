package io.spinemet.efficacy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.ModelLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI examples are real answers of the bundled models (models/), not made-up numbers: each response example
 * equals what the service answers to its request example. The request examples are the files in openapi/examples/.
 * On a mismatch the message prints the real answer to paste into {@link ApiExamples}.
 */
class ApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static PredictionRequests requests;
    private static Map<Procedure, LoadedModel> models;

    @BeforeAll
    static void bundledModels() throws Exception {
        models = ModelLoader.load(ModelLoader.directory(Path.of("models")));
        requests = new PredictionRequests(models::get, p -> { }, new RenderedPredictions(0, ApiExamplesTest::json),
                new DerivationJson(JSON));
    }

    @Test
    void requestExamplesAreTheExampleFiles() throws Exception {
        same("predict-pvp.json", ApiExamples.PREDICT_PVP);
        same("predict-decompression.json", ApiExamples.PREDICT_DECOMPRESSION);
        same("comparison.json", ApiExamples.COMPARISON);
        same("batch.json", ApiExamples.BATCH);
        assertEquals(Files.readString(Path.of("openapi/examples/batch.csv")), ApiExamples.BATCH_CSV);
    }

    @Test
    void theSinglePredictionExampleIsTheBundledPvpModelsAnswer() throws Exception {
        JsonNode real = JSON.readTree(requests.single(RequestValidator.parse(bytes(ApiExamples.PREDICT_PVP))));
        assertEquals(0.53344132818663, real.get("probability").asDouble(), 1e-12);
        matches("PREDICTION_RESPONSE", real, ApiExamples.PREDICTION_RESPONSE);
    }

    @Test
    void theComparisonBatchAndModelExamplesAreRealAnswers() throws Exception {
        var problem = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                () -> requests.single(RequestValidator.parse(Files.readAllBytes(
                        Path.of("openapi/examples/invalid.json")))));
        String csv = requests.batchCsv(bytes(ApiExamples.BATCH_CSV));
        Files.createDirectories(REAL);
        Files.writeString(REAL.resolve("BATCH_CSV_RESPONSE"), csv);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> matches("COMPARISON_RESPONSE", JSON.valueToTree(requests.compare(RequestValidator.parse(
                        bytes(ApiExamples.COMPARISON)))), ApiExamples.COMPARISON_RESPONSE),
                () -> matches("BATCH_RESPONSE", JSON.valueToTree(requests.batch(RequestValidator.parse(
                        bytes(ApiExamples.BATCH)))), ApiExamples.BATCH_RESPONSE),
                () -> assertEquals(csv, ApiExamples.BATCH_CSV_RESPONSE),
                () -> matches("MODELS_RESPONSE", JSON.valueToTree(java.util.Arrays.stream(Procedure.values())
                        .map(p -> models.get(p).info()).toList()), ApiExamples.MODELS_RESPONSE),
                () -> matches("PROBLEM_400", JSON.valueToTree(problem.toProblem("/api/v1/predictions")),
                        ApiExamples.PROBLEM_400));
    }

    private static void same(String file, String example) throws Exception {
        assertEquals(JSON.readTree(Path.of("openapi/examples", file).toFile()), JSON.readTree(example), file);
    }

    /** Where a mismatch leaves the real answer, to paste into {@link ApiExamples}. */
    private static final Path REAL = Path.of("target/api-examples");

    private static void matches(String name, JsonNode real, String example) throws Exception {
        if (!real.equals(JSON.readTree(example))) {
            Files.createDirectories(REAL);
            Files.writeString(REAL.resolve(name),
                    JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(real));
        }
        assertTrue(real.equals(JSON.readTree(example)), name + " is not the real answer; it is in " + REAL);
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
