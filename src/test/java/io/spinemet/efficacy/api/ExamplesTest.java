package io.spinemet.efficacy.api;

import static io.restassured.RestAssured.given;
import static io.spinemet.efficacy.api.Problems.assertProblem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every request file in openapi/examples/ (used by the README's curl examples) gets its documented status. */
@QuarkusTest
class ExamplesTest {

    static {
        Problems.useDoubles();
    }

    private static final Path DIR = Path.of("openapi/examples");

    @Test
    void everyExampleFileIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertEquals(List.of("batch.csv", "batch.json", "comparison.json", "invalid.json",
                    "predict-decompression.json", "predict-measurements.json", "predict-pvp.json", "scores.json"),
                    files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList(),
                    "a new example file needs a case in this test");
        }
    }

    @Test
    void examplesGetTheirDocumentedStatus() throws IOException {
        post("predict-pvp.json", "application/json", "/api/v1/predictions").statusCode(200);
        post("predict-decompression.json", "application/json", "/api/v1/predictions").statusCode(200);
        post("predict-measurements.json", "application/json", "/api/v1/predictions").statusCode(200);
        post("scores.json", "application/json", "/api/v1/scores").statusCode(200);
        post("comparison.json", "application/json", "/api/v1/predictions/comparison").statusCode(200);
        post("batch.json", "application/json", "/api/v1/predictions/batch").statusCode(200);
        post("batch.csv", "text/csv", "/api/v1/predictions/batch").statusCode(200);
        // malnutriton (typo), "false" (string), 0 (not a boolean), 2.0 (not an integer), malnutrition missing
        assertProblem(post("invalid.json", "application/json", "/api/v1/predictions"), 400)
                .body("errors", hasSize(5));
    }

    private static io.restassured.response.ValidatableResponse post(String file, String type, String path)
            throws IOException {
        return given().contentType(type).body(Files.readAllBytes(DIR.resolve(file))).when().post(path).then();
    }
}
