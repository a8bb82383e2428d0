package io.spinemet.efficacy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Fisher's exact test against R stats::fisher.test; tables are rebuilt from the CSV and checked against R's counts. */
class FisherExactTest {
    private static final double TOL = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"cohort-a", "cohort-separated"})
    void matchesFisherTest(String name) {
        JsonNode exp = FixtureCohort.expected(name);
        FixtureCohort cohort = FixtureCohort.load(name);
        int tested = 0;
        for (JsonNode u : exp.get("univariate")) {
            JsonNode cont = u.get("contingency");
            if (cont == null) {
                continue;
            }
            List<String> levels = new ArrayList<>();
            cont.get("counts").forEach(c -> levels.add(c.get("level").asText()));
            int[][] table = cohort.contingency(u.get("variable").asText(), levels);
            for (int i = 0; i < levels.size(); i++) {
                assertEquals(cont.get("counts").get(i).get("outcome_0").asInt(), table[i][0]);
                assertEquals(cont.get("counts").get(i).get("outcome_1").asInt(), table[i][1]);
            }
            assertEquals(cont.get("fisher_p").asDouble(), FisherExact.twoSided(table), TOL, u.get("variable").asText());
            tested++;
        }
        assertEquals(exp.get("univariate").size() - (name.equals("cohort-a") ? 1 : 0), tested);
    }

    @Test
    void textbookTeaTasting() {
        // Agresti (2013) Table 3.8, tea tasting: two-sided p = 0.4857 (= 34/70).
        assertEquals(34.0 / 70.0, FisherExact.twoSided(3, 1, 1, 3), 1e-12);
    }
}
