package io.spinemet.efficacy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Firth profile with more than one constrained local maximum near a bound: the bound and p-value must come from
 * the global profile. Expected values from {@code cohort-profile-branches.expected.json}, an independent 30-start
 * BFGS computation (see its {@code meta}); tolerance 1e-4 on the log-odds scale.
 */
class FirthProfileBranchesTest {
    private static final double TOL = 1e-4;

    @Test
    void upperBoundOfPoorPerformanceStatusIsOnTheGlobalProfile() {
        JsonNode exp = FixtureCohort.expected("cohort-profile-branches");
        List<String> predictors = FixtureCohort.predictors(exp);
        FixtureCohort cohort = FixtureCohort.load("cohort-profile-branches");
        Firth.Fit fit = Firth.fit(cohort.design(predictors), cohort.y, FixtureCohort.terms(predictors));
        JsonNode r = exp.get("firth").get("coefficients").get(0);
        Firth.Coefficient c = fit.coefficients().stream()
                .filter(k -> k.term().equals(r.get("term").asText())).findFirst().orElseThrow();
        assertEquals(r.get("log_or_ci_profile_high").asDouble(), c.ciHigh(), TOL, "upper bound");
        assertEquals(r.get("or_ci_profile_high").asDouble(), c.orCiHigh(), TOL * c.orCiHigh(), "upper OR");
        assertEquals(r.get("log_or_ci_profile_low").asDouble(), c.ciLow(), TOL, "lower bound");
        assertEquals(r.get("p_profile").asDouble(), c.pProfile(), TOL, "p");
        assertTrue(c.multipleBranches(), "the profile had more than one branch");
        assertEquals(Firth.BoundStatus.FOUND, c.lowStatus());
        assertEquals(Firth.BoundStatus.FOUND, c.highStatus());
    }

    /**
     * A quasi-separated design of our own (every patient on targeted therapy had good efficacy); expected bounds and
     * p-values from {@code profile_multistart.py}, an independent numpy/scipy 20-start profile written for this test.
     */
    @Test
    void ownQuasiSeparatedDesignMatchesAnIndependentMultiStartProfile() {
        JsonNode exp = FixtureCohort.expected("cohort-profile-own");
        List<String> predictors = FixtureCohort.predictors(exp);
        FixtureCohort cohort = FixtureCohort.load("cohort-profile-own");
        Firth.Fit fit = Firth.fit(cohort.design(predictors), cohort.y, FixtureCohort.terms(predictors));
        for (JsonNode r : exp.get("firth").get("coefficients")) {
            Firth.Coefficient c = fit.coefficients().stream()
                    .filter(k -> k.term().equals(r.get("term").asText())).findFirst().orElseThrow();
            assertEquals(r.get("estimate").asDouble(), c.estimate(), 1e-5, c.term() + " estimate");
            assertEquals(r.get("log_or_ci_profile_low").asDouble(), c.ciLow(), TOL, c.term() + " lower bound");
            assertEquals(r.get("log_or_ci_profile_high").asDouble(), c.ciHigh(), TOL, c.term() + " upper bound");
            assertEquals(r.get("p_profile").asDouble(), c.pProfile(), TOL, c.term() + " p");
        }
    }
}
