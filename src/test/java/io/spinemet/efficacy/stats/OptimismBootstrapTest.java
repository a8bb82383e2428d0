package io.spinemet.efficacy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Optimism bootstrap against rms::validate (ML) and the reference's own Firth loop, B = 200, seed 1.
 * Our resampling RNG (SplittableRandom) is not R's Mersenne-Twister, so the replicates differ: the
 * corrected indices can only agree within Monte-Carlo error. The README gives about 0.02 at B = 200;
 * we allow 0.03 for AUC and 0.05 for the calibration slope, whose spread is larger: over seeds 1..8 our
 * corrected Firth slope ranged 0.746-0.805 (B = 4000: 0.764, R at B = 200: 0.758), so seed 1 (0.805) sits
 * near the edge by chance, not by bias. The draws are deterministic, so the test cannot flake.
 */
class OptimismBootstrapTest {
    private static final int B = 200;
    private static final double AUC_MC = 0.03;
    private static final double SLOPE_MC = 0.05;

    private final JsonNode exp = FixtureCohort.expected("cohort-a");
    private final FixtureCohort cohort = FixtureCohort.load("cohort-a");
    private final double[][] x = cohort.design(FixtureCohort.predictors(exp));

    @Test
    void firthMatchesReferenceWithinMonteCarloError() {
        AtomicInteger calls = new AtomicInteger();
        OptimismBootstrap.Result r = OptimismBootstrap.validate(x, cohort.y, Firth::coefficients, B, 1L,
                b -> calls.incrementAndGet());
        JsonNode own = exp.get("bootstrap_validation").get("own_firth");
        assertEquals(B, calls.get());
        assertEquals(B, r.requested());
        assertEquals(B, r.used() + r.skipped() + r.failed());
        assertTrue(r.lower().auc() < r.apparent().auc() && r.apparent().auc() < r.upper().auc() + 0.05);
        assertEquals(exp.get("apparent_performance").get("firth").get("auc").asDouble(), r.apparent().auc(), 1e-9);
        assertEquals(own.get("corrected").get("auc").asDouble(), r.corrected().auc(), AUC_MC);
        assertEquals(own.get("corrected").get("calibration_slope").asDouble(), r.corrected().calibrationSlope(), SLOPE_MC);
        assertEquals(own.get("corrected").get("brier").asDouble(), r.corrected().brier(), AUC_MC);
    }

    @Test
    void mlMatchesRmsValidateWithinMonteCarloError() {
        List<String> terms = FixtureCohort.terms(FixtureCohort.predictors(exp));
        OptimismBootstrap.Result r = OptimismBootstrap.validate(x, cohort.y,
                (xb, yb) -> LogisticMl.fit(xb, yb, terms).estimates(), B, 1L, null);
        JsonNode rms = exp.get("bootstrap_validation").get("rms");
        assertEquals(rms.get("auc_corrected").asDouble(), r.corrected().auc(), AUC_MC);
        assertEquals(rms.get("calibration_slope_corrected").asDouble(), r.corrected().calibrationSlope(), SLOPE_MC);
    }

    @Test
    void isReproducibleForASeed() {
        OptimismBootstrap.Result a = OptimismBootstrap.validate(x, cohort.y, Firth::coefficients, 50, 42L, null);
        OptimismBootstrap.Result b = OptimismBootstrap.validate(x, cohort.y, Firth::coefficients, 50, 42L, null);
        assertEquals(a, b);
        OptimismBootstrap.Result c = OptimismBootstrap.validate(x, cohort.y, Firth::coefficients, 50, 43L, null);
        assertTrue(a.corrected().auc() != c.corrected().auc());
    }

    @Test
    void keepsReplicatesWithAnAliasedTermByRefittingWithoutIt() {
        // A rare binary column (one 1 among 12) is absent from a resample with probability (11/12)^12 = 0.35: R's
        // glm would alias it, so those replicates are refitted without it instead of being dropped.
        double[][] xs = new double[12][];
        double[] ys = new double[12];
        for (int i = 0; i < 12; i++) {
            xs[i] = new double[] {1, i == 0 ? 1 : 0, i % 3};
            ys[i] = i % 2;
        }
        OptimismBootstrap.Result r = OptimismBootstrap.validate(xs, ys, Firth::coefficients, 100, 7L, null);
        int refitted = r.count(OptimismBootstrap.Outcome.REFITTED_WITHOUT_ALIASED);
        assertTrue(refitted > 20 && refitted < 50, "about 35 of 100: " + refitted);
        assertEquals(100, r.account().stream().mapToInt(Integer::intValue).sum());
        assertEquals(r.used(), r.count(OptimismBootstrap.Outcome.USED) + refitted);
    }

    /** One event among 12: a resample has no event with probability (11/12)^12 = 0.352, dropped as single class. */
    @Test
    void countsSingleClassReplicates() {
        double[][] xs = new double[12][];
        double[] ys = new double[12];
        for (int i = 0; i < 12; i++) {
            xs[i] = new double[] {1, i % 2};
            ys[i] = i == 0 ? 1 : 0;
        }
        OptimismBootstrap.Result r = OptimismBootstrap.validate(xs, ys, Firth::coefficients, 400, 3L, null);
        int single = r.count(OptimismBootstrap.Outcome.SINGLE_CLASS);
        assertTrue(single > 110 && single < 175, "about 141 of 400: " + single);
        assertEquals(single, r.requested() - r.used() - r.failed() - r.count(OptimismBootstrap.Outcome.CONSTANT_COLUMN)
                - r.count(OptimismBootstrap.Outcome.ALIASED_DESIGN));
    }

    /** Per-replicate seeds and ordered combination: one thread and the common pool give identical results. */
    @Test
    void sameResultOnOneThreadAsOnTheCommonPool() throws Exception {
        java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
        try {
            OptimismBootstrap.Result one = single.submit(() -> OptimismBootstrap.validate(x, cohort.y,
                    Firth::coefficients, 60, 11L, new double[] {0.3, 0.5, 0.7}, null)).get();
            OptimismBootstrap.Result many = OptimismBootstrap.validate(x, cohort.y, Firth::coefficients, 60, 11L,
                    new double[] {0.3, 0.5, 0.7}, null);
            assertEquals(one, many);
        } finally {
            single.shutdown();
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> OptimismBootstrap.validate(x, cohort.y, Firth::coefficients, 0, 1L, null));
        assertThrows(IllegalArgumentException.class,
                () -> OptimismBootstrap.validate(x, new double[] {0, 1}, Firth::coefficients, 10, 1L, null));
    }
}
