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
    void skipsDegenerateReplicates() {
        // A rare binary column (one 1 among 12) is often absent from a resample: those replicates are skipped.
        double[][] xs = new double[12][];
        double[] ys = new double[12];
        for (int i = 0; i < 12; i++) {
            xs[i] = new double[] {1, i == 0 ? 1 : 0, i % 3};
            ys[i] = i % 2;
        }
        OptimismBootstrap.Result r = OptimismBootstrap.validate(xs, ys, Firth::coefficients, 100, 7L, null);
        assertTrue(r.skipped() > 0);
        assertEquals(100, r.used() + r.skipped() + r.failed());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> OptimismBootstrap.validate(x, cohort.y, Firth::coefficients, 0, 1L, null));
        assertThrows(IllegalArgumentException.class,
                () -> OptimismBootstrap.validate(x, new double[] {0, 1}, Firth::coefficients, 10, 1L, null));
    }
}
