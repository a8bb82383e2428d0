package io.spinemet.efficacy.stats;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Harrell's optimism-corrected bootstrap validation (Efron 1983; Harrell, Lee &amp; Mark 1996;
 * Harrell 2015, Regression Modeling Strategies §5.3; R {@code rms::validate(method = "boot")}).
 *
 * <p>For b = 1..B: draw n rows with replacement, refit the whole procedure on them, and evaluate the
 * refitted model on the bootstrap sample ("train") and on the original sample ("test").
 * optimism = mean(train) − mean(test); corrected = apparent − optimism. On its own fitting sample a
 * model's calibration is by convention intercept 0 and slope 1, so the corrected calibration slope is
 * the mean test slope. Draws come from {@link SplittableRandom} with the given seed: reproducible bit for bit.
 */
public final class OptimismBootstrap {
    /** Default number of replicates. */
    public static final int DEFAULT_REPLICATES = 1000;

    private OptimismBootstrap() {
    }

    /** A fitting procedure: design and outcomes to a coefficient vector; may throw when it fails. */
    @FunctionalInterface
    public interface Procedure {
        double[] fit(double[][] x, double[] y);
    }

    /**
     * Performance indices.
     *
     * @param auc                    c-statistic.
     * @param brier                  Brier score.
     * @param calibrationIntercept   recalibration intercept.
     * @param calibrationSlope       recalibration slope.
     */
    public record Indices(double auc, double brier, double calibrationIntercept, double calibrationSlope) {
    }

    /**
     * The validation.
     *
     * @param apparent  indices of the model fitted on all data, evaluated on it (calibration 0 and 1).
     * @param optimism  mean(train) − mean(test) over the used replicates.
     * @param corrected apparent − optimism.
     * @param requested B.
     * @param used      replicates that entered the means.
     * @param skipped   replicates with a single outcome class or a rank-deficient design.
     * @param failed    replicates whose fit threw or gave non-finite indices.
     */
    public record Result(Indices apparent, Indices optimism, Indices corrected, int requested, int used,
                         int skipped, int failed) {
    }

    /**
     * Runs the validation.
     *
     * @param x         design, column 0 the intercept.
     * @param y         0/1 outcomes.
     * @param procedure the whole fitting procedure, refitted in every replicate.
     * @param replicates B ≥ 1.
     * @param seed      seed of the resampling RNG.
     * @param progress  called with b after each replicate (e.g. for a progress bar); may be null.
     * @return the optimism-corrected indices.
     */
    public static Result validate(double[][] x, double[] y, Procedure procedure, int replicates, long seed,
                                  IntConsumer progress) {
        Checks.design(x, y);
        if (replicates < 1) {
            throw new IllegalArgumentException("need at least one bootstrap replicate");
        }
        double[] full = procedure.fit(x, y);
        double[] p = Design.probabilities(x, full);
        Indices apparent = new Indices(Performance.auc(y, p), Performance.brier(y, p), 0.0, 1.0);

        int n = x.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] sum = new double[4];
        int used = 0, skipped = 0, failed = 0;
        for (int b = 1; b <= replicates; b++) {
            double[][] xb = new double[n][];
            double[] yb = new double[n];
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                xb[i] = x[k];
                yb[i] = y[k];
            }
            if (singleClass(yb) || Design.rankDeficient(xb)) {
                skipped++;
            } else {
                double[] d = optimism(x, y, xb, yb, procedure);
                if (d == null) {
                    failed++;
                } else {
                    used++;
                    for (int m = 0; m < 4; m++) {
                        sum[m] += d[m];
                    }
                }
            }
            if (progress != null) {
                progress.accept(b);
            }
        }
        Indices optimism = new Indices(sum[0] / used, sum[1] / used, sum[2] / used, sum[3] / used);
        Indices corrected = new Indices(apparent.auc() - optimism.auc(), apparent.brier() - optimism.brier(),
                apparent.calibrationIntercept() - optimism.calibrationIntercept(),
                apparent.calibrationSlope() - optimism.calibrationSlope());
        return new Result(apparent, optimism, corrected, replicates, used, skipped, failed);
    }

    /** train − test for (AUC, Brier, intercept, slope), or null if the refit failed. */
    private static double[] optimism(double[][] x, double[] y, double[][] xb, double[] yb, Procedure procedure) {
        double[] beta;
        try {
            beta = procedure.fit(xb, yb);
        } catch (ArithmeticException | IllegalStateException e) {
            return null;
        }
        double[] pTrain = Design.probabilities(xb, beta);
        double[] lpTest = Design.linearPredictor(x, beta);
        double[] pTest = Design.probabilities(x, beta);
        Performance.Calibration cal = Performance.calibration(y, lpTest);
        double[] d = {
            Performance.auc(yb, pTrain) - Performance.auc(y, pTest),
            Performance.brier(yb, pTrain) - Performance.brier(y, pTest),
            0.0 - cal.intercept(),
            1.0 - cal.slope()
        };
        for (double v : d) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return d;
    }

    private static boolean singleClass(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }
}
