package io.spinemet.efficacy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Firth's penalized likelihood against R logistf 1.26.1; tolerances from the fixtures' README. */
class FirthTest {
    private static final double EST_ABS = 1e-5;
    private static final double PROFILE_ABS = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"cohort-a", "cohort-separated"})
    void multivariableFitMatchesLogistf(String name) {
        JsonNode exp = FixtureCohort.expected(name);
        List<String> predictors = FixtureCohort.predictors(exp);
        FixtureCohort cohort = FixtureCohort.load(name);
        Firth.Fit fit = Firth.fit(cohort.design(predictors), cohort.y, FixtureCohort.terms(predictors));
        JsonNode rows = exp.get("firth").get("coefficients");
        assertEquals(rows.size(), fit.coefficients().size());
        for (int j = 0; j < rows.size(); j++) {
            JsonNode r = rows.get(j);
            Firth.Coefficient c = fit.coefficients().get(j);
            String t = FixtureCohort.projectTerm(r.get("term").asText());
            assertEquals(t, c.term());
            assertEquals(r.get("estimate").asDouble(), c.estimate(), EST_ABS, t + " estimate");
            assertEquals(r.get("std_error_fisher_info").asDouble(), c.stdError(), EST_ABS, t + " se");
            assertEquals(c.stdError() * c.stdError(), fit.covariance()[j][j], 1e-15, t + " covariance");
            assertEquals(r.get("p_profile").asDouble(), c.pProfile(), PROFILE_ABS, t + " p");
            assertEquals(r.get("ci_profile_low").asDouble(), c.ciLow(), PROFILE_ABS, t + " ci low");
            assertEquals(r.get("ci_profile_high").asDouble(), c.ciHigh(), PROFILE_ABS, t + " ci high");
            assertEquals(r.get("or_ci_profile_low").asDouble(), c.orCiLow(), PROFILE_ABS * c.orCiLow(), t + " OR low");
            assertEquals(r.get("or_ci_profile_high").asDouble(), c.orCiHigh(), PROFILE_ABS * c.orCiHigh(), t + " OR high");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cohort-a", "cohort-separated"})
    void univariateProfileTestsMatchLogistf(String name) {
        JsonNode exp = FixtureCohort.expected(name);
        FixtureCohort cohort = FixtureCohort.load(name);
        for (JsonNode u : exp.get("univariate")) {
            List<String> one = List.of(u.get("variable").asText());
            double[][] x = cohort.design(one);
            Firth.Fit fit = Firth.fit(x, cohort.y, FixtureCohort.terms(one));
            JsonNode rows = u.get("firth").get("coefficients");
            for (int k = 0; k < rows.size(); k++) {
                JsonNode r = rows.get(k);
                Firth.Coefficient c = fit.coefficients().get(k + 1);
                assertEquals(FixtureCohort.projectTerm(r.get("term").asText()), c.term());
                assertEquals(r.get("estimate").asDouble(), c.estimate(), EST_ABS, c.term());
                assertEquals(r.get("p_profile").asDouble(), c.pProfile(), PROFILE_ABS, c.term() + " p");
                assertEquals(r.get("or_ci_profile_low").asDouble(), c.orCiLow(), PROFILE_ABS * c.orCiLow(), c.term());
                assertEquals(r.get("or_ci_profile_high").asDouble(), c.orCiHigh(), PROFILE_ABS * c.orCiHigh(), c.term());
            }
            int[] factor = java.util.stream.IntStream.range(1, x[0].length).toArray();
            LrTest lr = Firth.penalizedLikelihoodRatioTest(x, cohort.y, factor);
            JsonNode e = u.get("firth").get("lr_test_penalized");
            assertEquals(e.get("df").asInt(), lr.df());
            assertEquals(e.get("chisq").asDouble(), lr.chisq(), PROFILE_ABS, one + " penalized LR");
            assertEquals(e.get("p").asDouble(), lr.p(), PROFILE_ABS, one + " penalized LR p");
        }
    }

    @Test
    void coefficientsEqualFullFit() {
        JsonNode exp = FixtureCohort.expected("cohort-a");
        FixtureCohort cohort = FixtureCohort.load("cohort-a");
        List<String> predictors = FixtureCohort.predictors(exp);
        double[] b = Firth.coefficients(cohort.design(predictors), cohort.y);
        JsonNode rows = exp.get("firth").get("coefficients");
        for (int j = 0; j < b.length; j++) {
            assertEquals(rows.get(j).get("estimate").asDouble(), b[j], EST_ABS);
        }
    }
}
