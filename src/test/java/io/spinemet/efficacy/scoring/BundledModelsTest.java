package io.spinemet.efficacy.scoring;

import io.spinemet.efficacy.Sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spinemet.efficacy.catalogue.Procedure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The models bundled in models/ load from the class path, and the scorer agrees with a prediction computed here
 * directly from each file's JSON (coefficients and covariance read as a plain tree, not through the codec).
 */
@EnabledIf("present")
class BundledModelsTest {

    static boolean present() {
        return Files.exists(Path.of("models/pvp.json")) && Files.exists(Path.of("models/decompression.json"));
    }

    @Test
    void bundledModelsLoadAndScoreAsTheirFilesSay() throws Exception {
        Map<Procedure, LoadedModel> models = ModelLoader.load(ModelLoader.classpath(getClass().getClassLoader()));
        for (Procedure p : Procedure.values()) {
            byte[] bytes = Files.readAllBytes(Path.of("models", p.slug() + ".json"));
            assertEquals(Sha256.hex(bytes), models.get(p).sha256());
            JsonNode tree = JsonMapper.builder().build().readTree(bytes);
            // Patient: every boolean factor true, Frankel C (term 1), growth RAPID, 2 vertebrae.
            Map<String, Object> values = new HashMap<>();
            JsonNode terms = tree.get("covariance").get("terms");
            int k = terms.size();
            double[] x = new double[k];
            for (int j = 0; j < k; j++) {
                String term = terms.get(j).asText();
                x[j] = term.equals("(Intercept)") ? 1 : term.equals("vertebraeInvolved") ? 2
                        : term.startsWith("primaryTumorGrowth=") ? (term.endsWith("=RAPID") ? 1 : 0) : 1;
            }
            for (JsonNode pred : tree.get("predictors")) {
                String id = pred.get("factorId").asText();
                values.put(id, switch (id) {
                    case "frankelGrade" -> "C";
                    case "primaryTumorGrowth" -> "RAPID";
                    case "vertebraeInvolved" -> 2;
                    default -> true;
                });
            }
            double eta = 0;
            double var = 0;
            for (int r = 0; r < k; r++) {
                eta += tree.get("coefficients").get(r).get("estimate").asDouble() * x[r];
                for (int c = 0; c < k; c++) {
                    var += x[r] * tree.get("covariance").get("matrix").get(r).get(c).asDouble() * x[c];
                }
            }
            double se = Math.sqrt(var);
            Scorer.Estimate e = Scorer.estimate(models.get(p), values);
            assertEquals(1 / (1 + Math.exp(-eta)), e.probability(), 1e-12, p.name());
            assertEquals(1 / (1 + Math.exp(-(eta - 1.959963984540054 * se))), e.lower(), 1e-12, p.name());
            assertEquals(1 / (1 + Math.exp(-(eta + 1.959963984540054 * se))), e.upper(), 1e-12, p.name());
        }
    }
}
