package io.spinemet.efficacy.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinemet.efficacy.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SHA-256 sidecar detects damage, not edits. Each test edits a fixture model file, recomputes its sidecar (so the
 * checksum passes) and expects loading to fail, naming the file and the problem.
 */
class ModelTrustTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixture-models");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixtures() throws IOException {
        for (String name : List.of("pvp.json", "pvp.json.sha256", "pvp.md", "decompression.json",
                "decompression.json.sha256", "decompression.md")) {
            Files.copy(FIXTURES.resolve(name), dir.resolve(name));
        }
    }

    @Test
    void theUneditedFixturesLoad() throws Exception {
        assertEquals(2, ModelLoader.load(ModelLoader.directory(dir)).size());
    }

    @Test
    void anAsymmetricCovarianceIsRefused() throws Exception {
        edit("pvp.json", m -> cov(m).set(1, 2, 0.3));
        refused("pvp.json", "covariance is not symmetric: [malnutrition][poorPerformanceStatus] = 0.3");
    }

    @Test
    void aCovarianceThatIsNotPositiveDefiniteIsRefused() throws Exception {
        // Variances 0.5 with a covariance of 0.6 between two terms: a correlation above 1, a negative eigenvalue.
        edit("pvp.json", m -> {
            cov(m).set(1, 2, 0.6);
            cov(m).set(2, 1, 0.6);
        });
        refused("pvp.json", "covariance is not positive definite");
    }

    @Test
    void aNegativeVarianceIsRefusedNotClamped() throws Exception {
        edit("pvp.json", m -> cov(m).set(1, 1, -0.5));
        refused("pvp.json", "the variance of malnutrition is -0.5; a variance must be > 0");
    }

    @Test
    void anAbsurdCoefficientIsRefused() throws Exception {
        edit("pvp.json", m -> {
            ObjectNode c = (ObjectNode) m.get("coefficients").get(1);
            c.put("estimate", 80.0);
            c.put("oddsRatio", Math.exp(80.0));
        });
        refused("pvp.json", "coefficient malnutrition = 80.0 is implausible: |beta| > 50.0");
    }

    @Test
    void aNonFiniteCoefficientIsRefused() throws Exception {
        String json = Files.readString(dir.resolve("pvp.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"estimate\": -1.0", "\"estimate\": -1e999");
        write("pvp.json", json);
        refused("pvp.json", "coefficient malnutrition has no finite estimate");
    }

    @Test
    void aStandardErrorThatDisagreesWithTheCovarianceIsRefused() throws Exception {
        // The covariance shrunk a hundredfold (intervals collapse) while the coefficient table still says 0.707.
        edit("pvp.json", m -> cov(m).set(1, 1, 0.005));
        refused("pvp.json", "coefficient malnutrition: stdError 0.7071067811865476 is not sqrt of the covariance's "
                + "diagonal");
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        String json = Files.readString(dir.resolve("pvp.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"modelId\": \"fixture-pvp\",", "\"modelId\": \"fixture-pvp\", \"modelId\": \"x\",");
        write("pvp.json", json);
        refused("pvp.json", "Duplicate field 'modelId'");
    }

    @Test
    void trailingContentIsRefused() throws Exception {
        write("pvp.json", Files.readString(dir.resolve("pvp.json"), StandardCharsets.UTF_8) + "{\"modelId\": \"x\"}\n");
        refused("pvp.json", "Trailing token");
    }

    @Test
    void eventsPerVariableMustFollowFromTheCohortAndTheModel() throws Exception {
        edit("pvp.json", m -> ((ObjectNode) m.get("cohort")).put("eventsPerVariable", 12.0));
        // PVP fixture: 23 events of 34, 5 terms: min(23, 11) / 5 = 2.2
        refused("pvp.json", "cohort.eventsPerVariable 12.0 disagrees with the file: min(events 23, non-events 11) / "
                + "5 terms = 2.2");
    }

    @Test
    void aReconstructedCohortCannotBeDeclaredReal() throws Exception {
        edit("pvp.json", m -> ((ObjectNode) m.get("cohort")).put("reconstructed", false));
        refused("pvp.json", "cohort.reconstructed is false but the cohort's provenance or source says its "
                + "patients are not real");
    }

    @Test
    void aRealCohortMustNotClaimToBeReconstructedWithoutSayingSo() throws Exception {
        edit("decompression.json", m -> ((ObjectNode) m.get("cohort")).put("reconstructed", true));
        refused("decompression.json", "cohort.reconstructed is true but cohort.provenance does not say");
    }

    @Test
    void everyFileAndEveryProblemIsNamedAtOnce() throws Exception {
        edit("pvp.json", m -> {
            cov(m).set(1, 2, 0.3);
            ((ObjectNode) m.get("cohort")).put("eventsPerVariable", 3.0);
        });
        edit("decompression.json", m -> ((ObjectNode) m.get("coefficients").get(0)).put("oddsRatio", 1.0));
        String message = refused("pvp.json", "covariance is not symmetric");
        assertTrue(message.contains("cohort.eventsPerVariable 3.0"), message);
        assertTrue(message.contains(dir.resolve("decompression.json").toAbsolutePath()
                + ": coefficient (Intercept): oddsRatio 1.0 is not exp(estimate)"), message);
    }

    private static ArrayNodeMatrix cov(ObjectNode model) {
        return new ArrayNodeMatrix((ArrayNode) model.get("covariance").get("matrix"));
    }

    /** The covariance matrix of a model tree, editable by cell. */
    private record ArrayNodeMatrix(ArrayNode rows) {
        void set(int r, int c, double v) {
            ((ArrayNode) rows.get(r)).set(c, v);
        }
    }

    private String refused(String file, String expected) {
        var e = assertThrows(ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        String where = dir.resolve(file).toAbsolutePath().toString();
        assertTrue(e.getMessage().contains(where + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e.getMessage();
    }

    private void edit(String name, Consumer<ObjectNode> change) throws IOException {
        ObjectNode model = (ObjectNode) JSON.readTree(dir.resolve(name).toFile());
        change.accept(model);
        write(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(model));
    }

    /** Writes the file and a matching sidecar, as someone editing the file on purpose would. */
    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".sha256"),
                Sha256.hex(content.getBytes(StandardCharsets.UTF_8)) + "  " + name + "\n");
    }
}
