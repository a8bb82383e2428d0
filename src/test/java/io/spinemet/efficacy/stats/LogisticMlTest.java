package io.spinemet.efficacy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Maximum likelihood against R glm(family = binomial); tolerances from the fixtures' README. */
class LogisticMlTest {
    private static final double REL = 1e-6;
    private static final double P_ABS = 1e-6;

    static void assertRelative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void multivariableFitMatchesGlm() {
        JsonNode exp = FixtureCohort.expected("cohort-a");
        List<String> predictors = FixtureCohort.predictors(exp);
        FixtureCohort cohort = FixtureCohort.load("cohort-a");
        List<String> terms = FixtureCohort.terms(predictors);
        LogisticMl.Fit fit = LogisticMl.fit(cohort.design(predictors), cohort.y, terms);

        assertTrue(fit.reliable(), fit.unreliableReason());
        assertTrue(fit.converged());
        JsonNode ml = exp.get("ml");
        assertEquals(ml.get("iterations").asInt(), fit.iterations());
        assertRelative(ml.get("loglik").asDouble(), fit.logLikelihood(), REL, "loglik");
        assertRelative(ml.get("residual_deviance").asDouble(), fit.deviance(), REL, "deviance");
        JsonNode rows = ml.get("coefficients");
        assertEquals(rows.size(), fit.coefficients().size());
        for (int j = 0; j < rows.size(); j++) {
            JsonNode r = rows.get(j);
            LogisticMl.Coefficient c = fit.coefficients().get(j);
            String t = FixtureCohort.projectTerm(r.get("term").asText());
            assertEquals(t, c.term());
            assertRelative(r.get("estimate").asDouble(), c.estimate(), REL, t + " estimate");
            assertRelative(r.get("std_error").asDouble(), c.stdError(), REL, t + " se");
            assertRelative(r.get("z").asDouble(), c.z(), REL, t + " z");
            assertEquals(r.get("p_wald").asDouble(), c.pWald(), P_ABS, t + " p");
            assertRelative(r.get("odds_ratio").asDouble(), c.oddsRatio(), REL, t + " OR");
            assertRelative(r.get("or_ci_low").asDouble(), c.orCiLow(), REL, t + " OR low");
            assertRelative(r.get("or_ci_high").asDouble(), c.orCiHigh(), REL, t + " OR high");
        }
    }

    @Test
    void overallLikelihoodRatioTestMatchesGlm() {
        JsonNode exp = FixtureCohort.expected("cohort-a");
        List<String> predictors = FixtureCohort.predictors(exp);
        FixtureCohort cohort = FixtureCohort.load("cohort-a");
        double[][] x = cohort.design(predictors);
        int[] all = java.util.stream.IntStream.range(1, x[0].length).toArray();
        LrTest lr = LogisticMl.likelihoodRatioTest(x, cohort.y, all);
        JsonNode e = exp.get("ml").get("lr_test");
        assertEquals(e.get("df").asInt(), lr.df());
        assertRelative(e.get("chisq").asDouble(), lr.chisq(), REL, "chisq");
        assertEquals(e.get("p").asDouble(), lr.p(), P_ABS);
    }

    @Test
    void univariateFitsMatchGlm() {
        JsonNode exp = FixtureCohort.expected("cohort-a");
        FixtureCohort cohort = FixtureCohort.load("cohort-a");
        for (JsonNode u : exp.get("univariate")) {
            List<String> one = List.of(u.get("variable").asText());
            double[][] x = cohort.design(one);
            LogisticMl.Fit fit = LogisticMl.fit(x, cohort.y, FixtureCohort.terms(one));
            assertTrue(fit.reliable(), fit.unreliableReason());
            JsonNode rows = u.get("ml").get("coefficients");
            for (int k = 0; k < rows.size(); k++) {
                JsonNode r = rows.get(k);
                LogisticMl.Coefficient c = fit.coefficients().get(k + 1);
                String t = FixtureCohort.projectTerm(r.get("term").asText());
                assertEquals(t, c.term());
                assertRelative(r.get("estimate").asDouble(), c.estimate(), REL, t);
                assertRelative(r.get("std_error").asDouble(), c.stdError(), REL, t);
                assertEquals(r.get("p_wald").asDouble(), c.pWald(), P_ABS, t);
                assertRelative(r.get("odds_ratio").asDouble(), c.oddsRatio(), REL, t);
                assertRelative(r.get("or_ci_low").asDouble(), c.orCiLow(), REL, t);
                assertRelative(r.get("or_ci_high").asDouble(), c.orCiHigh(), REL, t);
            }
            int[] factor = java.util.stream.IntStream.range(1, x[0].length).toArray();
            LrTest lr = LogisticMl.likelihoodRatioTest(x, cohort.y, factor);
            JsonNode e = u.get("ml").get("lr_test");
            assertEquals(e.get("df").asInt(), lr.df());
            assertEquals(e.get("p").asDouble(), lr.p(), P_ABS, one + " LR p");
        }
    }

    @Test
    void separatedCohortIsFlaggedNotThrown() {
        JsonNode exp = FixtureCohort.expected("cohort-separated");
        List<String> predictors = FixtureCohort.predictors(exp);
        FixtureCohort cohort = FixtureCohort.load("cohort-separated");
        assertTrue(exp.get("ml").get("separation_warning").asBoolean());
        LogisticMl.Fit fit = LogisticMl.fit(cohort.design(predictors), cohort.y, FixtureCohort.terms(predictors));
        assertFalse(fit.reliable());
        assertNotNull(fit.unreliableReason());
        assertTrue(fit.unreliableReason().contains("separation"), fit.unreliableReason());
    }

    @Test
    void collinearDesignIsFlaggedNotThrown() {
        double[][] x = {{1, 0, 0}, {1, 1, 1}, {1, 0, 0}, {1, 1, 1}, {1, 0, 0}, {1, 1, 1}};
        double[] y = {0, 1, 1, 0, 0, 1};
        LogisticMl.Fit fit = LogisticMl.fit(x, y, List.of("(Intercept)", "a", "b"));
        assertFalse(fit.reliable());
    }

    @Test
    void rejectsBadInput() {
        double[][] x = {{1, 0}, {1, 1}, {1, 0}};
        List<String> terms = List.of("(Intercept)", "a");
        assertThrows(IllegalArgumentException.class, () -> LogisticMl.fit(x, new double[] {0, 1}, terms));
        assertThrows(IllegalArgumentException.class, () -> LogisticMl.fit(x, new double[] {0, 1, 2}, terms));
        assertThrows(IllegalArgumentException.class, () -> LogisticMl.fit(x, new double[] {0, 1, 0}, List.of("a")));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticMl.fit(new double[][] {{2, 0}, {1, 1}, {1, 0}}, new double[] {0, 1, 0}, terms));
        assertThrows(IllegalArgumentException.class, () -> Firth.fit(x, new double[] {0, 0.5, 1}, terms));
        assertThrows(IllegalArgumentException.class, () -> Separation.check(x, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Performance.auc(new double[] {0, 1}, new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> FisherExact.twoSided(new int[][] {{1, 2}}));
    }

    /**
     * Complete separation: R's glm clamps μ inside (ε, 1 − ε) and warns; the fit here is flagged with the separation
     * first (type and count of patients predicted perfectly), never with a numerical library's error text.
     */
    @Test
    void completeSeparationIsReportedFirstWithoutLibraryText() {
        double[][] x = {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}};
        double[] y = {0, 0, 0, 0, 1, 1, 1, 1, 1};
        LogisticMl.Fit fit = LogisticMl.fit(x, y, List.of("(Intercept)", "a"));
        assertFalse(fit.reliable());
        assertTrue(fit.unreliableReason().startsWith("complete separation (9 patients predicted perfectly)"),
                fit.unreliableReason());
        assertFalse(fit.unreliableReason().contains("LAPACK") || fit.unreliableReason().contains("Exception"));
        assertTrue(java.util.Arrays.stream(fit.estimates()).allMatch(Double::isFinite), "μ clamped: finite iterates");
    }

    /** Gram-Schmidt aliasing as R's qr (tolerance 1e-7): a copy and a sum of earlier columns are aliased. */
    @Test
    void aliasedColumnsAreTheLaterOnes() {
        double[][] x = {{1, 0, 1, 0, 1}, {1, 1, 0, 1, 1}, {1, 0, 0, 0, 0}, {1, 1, 1, 1, 2}, {1, 0, 1, 0, 1}};
        assertEquals(List.of(3, 4), java.util.Arrays.stream(Aliasing.aliased(x)).boxed().toList());
        double[][] constant = {{1, 2, 0}, {1, 2, 1}, {1, 2, 0}};
        assertEquals(List.of(1), java.util.Arrays.stream(Aliasing.aliased(constant)).boxed().toList());
    }
}
