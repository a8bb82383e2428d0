package io.spinemet.efficacy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** LP separation check against the R reference (lpSolve, same LP). */
class SeparationTest {

    private static Separation.Result check(String name, List<String> predictors) {
        FixtureCohort cohort = FixtureCohort.load(name);
        return Separation.check(cohort.design(predictors), cohort.y);
    }

    @Test
    void findsQuasiCompleteSeparation() {
        JsonNode exp = FixtureCohort.expected("cohort-separated");
        JsonNode lp = exp.get("ml").get("separation_lp");
        Separation.Result r = check("cohort-separated", FixtureCohort.predictors(exp));
        assertTrue(lp.get("separation").asBoolean());
        assertTrue(r.separated());
        assertEquals(lp.get("type").asText(), r.type());
        // The LP optimum value is unique even where the optimal vertex (hence the point count) is not.
        assertEquals(lp.get("lp_objective").asDouble(), r.objective(), 1e-7);
        assertTrue(r.pointsSeparated() > 0 && r.pointsSeparated() < 30);
    }

    @Test
    void findsNoSeparationInCohortA() {
        JsonNode exp = FixtureCohort.expected("cohort-a");
        Separation.Result r = check("cohort-a", FixtureCohort.predictors(exp));
        assertFalse(exp.get("ml").get("separation_lp").get("separation").asBoolean());
        assertFalse(r.separated());
        assertEquals("none", r.type());
        assertEquals(0, r.pointsSeparated());
    }

    @Test
    void univariateSeparationMatchesReference() {
        JsonNode exp = FixtureCohort.expected("cohort-separated");
        for (JsonNode u : exp.get("univariate")) {
            Separation.Result r = check("cohort-separated", List.of(u.get("variable").asText()));
            assertEquals(u.get("ml").get("separation_lp").asText(), r.type(), u.get("variable").asText());
        }
    }

    @Test
    void detectsCompleteSeparation() {
        double[][] x = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};
        Separation.Result r = Separation.check(x, new double[] {0, 0, 1, 1});
        assertEquals("complete", r.type());
        // Complete: b = (−1.5, 1) separates all four strictly, so ML's fitted probabilities tend to 0 or 1 for every
        // patient (the LP's own vertex b = (−1, 1) leaves x = 1 on the boundary and would undercount to 3).
        assertEquals(4, r.pointsSeparated());
    }
}
