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

    /**
     * Against brute-force enumeration of every table (the definition, written here independently): a 3 × 2 and a
     * 2 × 2 table with hundreds of patients, where the closed-form tail must agree to 1e-12.
     */
    @Test
    void agreesWithFullEnumerationOnLargerTables() {
        int[][][] tables = {{{60, 41}, {35, 52}, {70, 90}}, {{120, 80}, {95, 130}}, {{5, 200}, {9, 150}, {1, 3}}};
        for (int[][] t : tables) {
            assertEquals(bruteForce(t), FisherExact.twoSided(t), 1e-12, java.util.Arrays.deepToString(t));
        }
    }

    /** Registry size: a 3 × 2 table of 20,000 patients finishes (O(n^1.5)); p of a null table is not small. */
    @Test
    void registrySizedTable() {
        double p = FisherExact.twoSided(new int[][] {{3300, 3400}, {3350, 3250}, {3380, 3320}});
        org.junit.jupiter.api.Assertions.assertTrue(p > 0.05 && p <= 1.0, "p = " + p);
    }

    private static double bruteForce(int[][] t) {
        int r = t.length;
        int[] rows = new int[r];
        int c2 = 0;
        int n = 0;
        for (int i = 0; i < r; i++) {
            rows[i] = t[i][0] + t[i][1];
            c2 += t[i][1];
            n += rows[i];
        }
        double logNorm = org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientLog(n, c2);
        double obs = -logNorm;
        for (int i = 0; i < r; i++) {
            obs += org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientLog(rows[i], t[i][1]);
        }
        return Math.min(1.0, enumerate(rows, 0, c2, -logNorm, obs + Math.log(1 + 1e-7)));
    }

    private static double enumerate(int[] rows, int i, int remaining, double logP, double limit) {
        if (i == rows.length - 1) {
            if (remaining > rows[i]) {
                return 0.0;
            }
            double lp = logP + org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientLog(rows[i], remaining);
            return lp <= limit ? Math.exp(lp) : 0.0;
        }
        double s = 0.0;
        for (int a = 0; a <= Math.min(rows[i], remaining); a++) {
            s += enumerate(rows, i + 1, remaining - a,
                    logP + org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientLog(rows[i], a), limit);
        }
        return s;
    }
}
