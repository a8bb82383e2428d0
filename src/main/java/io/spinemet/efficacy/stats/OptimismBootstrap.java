package io.spinemet.efficacy.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Harrell's optimism-corrected bootstrap validation (Efron 1983; Harrell, Lee &amp; Mark 1996;
 * Harrell 2015, Regression Modeling Strategies §5.3; R {@code rms::validate(method = "boot")}).
 *
 * <p>For b = 1..B: draw n rows with replacement, refit the whole procedure on them, and evaluate the
 * refitted model on the bootstrap sample ("train") and on the original sample ("test").
 * optimism = mean(train) − mean(test); corrected = apparent − optimism. On its own fitting sample a
 * model's calibration is by convention intercept 0 and slope 1 (as {@code rms::validate} assumes, also for
 * penalized fits), so the corrected calibration slope is the mean test slope. The calibration curve is
 * corrected the same way at each grid point ({@code rms::calibrate}): lowess of y on p, train minus test.
 *
 * <p>Degenerate replicates are accounted for by reason. A replicate whose design has aliased columns (a term
 * constant in the resample, or collinear) is refitted without them, their coefficients 0, as R's glm does; it is
 * dropped only if that refit fails. Replicates with one outcome class are dropped: no model is defined.
 *
 * <p>Replicate b draws from {@link SplittableRandom} seeded with the b-th value of a master generator seeded with
 * the seed, and results are combined in replicate order, so the result is the same bit for bit on any number of
 * threads; replicates run in parallel.
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

    /** Why a replicate was dropped, or how it was kept. */
    public enum Outcome {
        USED, REFITTED_WITHOUT_ALIASED, SINGLE_CLASS, CONSTANT_COLUMN, ALIASED_DESIGN, FAILED_FIT
    }

    /**
     * The validation.
     *
     * @param apparent  indices of the model fitted on all data, evaluated on it (calibration 0 and 1).
     * @param optimism  mean(train) − mean(test) over the used replicates.
     * @param corrected apparent − optimism.
     * @param requested B.
     * @param used      replicates that entered the means (including those refitted without aliased terms).
     * @param skipped   replicates dropped as degenerate: single class, constant column or aliased design.
     * @param failed    replicates whose fit threw or gave non-finite indices.
     * @param account   count of replicates per {@link Outcome}, in the enum's order.
     * @param intervals 2.5% and 97.5% percentiles (R type 7) over the used replicates: train AUC, train Brier,
     *                  test calibration intercept and test calibration slope, as {lower, upper} rows.
     * @param curveOptimism mean (train − test) lowess calibration curve at each grid point (NaN where no replicate
     *                  covers it); empty without a grid.
     */
    public record Result(Indices apparent, Indices optimism, Indices corrected, int requested, int used,
                         int skipped, int failed, List<Integer> account, Indices lower, Indices upper,
                         List<Double> curveOptimism) {

        /** Replicates with the given outcome. */
        public int count(Outcome o) {
            return account.get(o.ordinal());
        }
    }

    /** {@link #validate(double[][], double[], Procedure, int, long, double[], IntConsumer)} without a curve. */
    public static Result validate(double[][] x, double[] y, Procedure procedure, int replicates, long seed,
                                  IntConsumer progress) {
        return validate(x, y, procedure, replicates, seed, new double[0], progress);
    }

    /**
     * Runs the validation.
     *
     * @param x         design, column 0 the intercept.
     * @param y         0/1 outcomes.
     * @param procedure the whole fitting procedure, refitted in every replicate.
     * @param replicates B ≥ 1.
     * @param seed      seed of the resampling.
     * @param grid      predicted probabilities at which to correct the lowess calibration curve (may be empty).
     * @param progress  called with the number of finished replicates (from worker threads, one call at a time);
     *                  may be null.
     * @return the optimism-corrected indices.
     */
    public static Result validate(double[][] x, double[] y, Procedure procedure, int replicates, long seed,
                                  double[] grid, IntConsumer progress) {
        Checks.design(x, y);
        if (replicates < 1) {
            throw new IllegalArgumentException("need at least one bootstrap replicate");
        }
        double[] full = procedure.fit(x, y);
        double[] p = Design.probabilities(x, full);
        Indices apparent = new Indices(Performance.auc(y, p), Performance.brier(y, p), 0.0, 1.0);

        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[replicates];
        for (int b = 0; b < replicates; b++) {
            seeds[b] = master.nextLong();
        }
        Replicate[] results = new Replicate[replicates];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, replicates).parallel().forEach(b -> {
            results[b] = replicate(x, y, procedure, seeds[b], grid);
            int finished = done.incrementAndGet();
            if (progress != null) {
                synchronized (progress) {
                    progress.accept(finished);
                }
            }
        });
        return combine(apparent, results, grid.length);
    }

    /** One replicate's outcome, train − test differences and the values the intervals need. */
    private record Replicate(Outcome outcome, double[] optimism, double[] values, double[] curve) {
    }

    private static Replicate replicate(double[][] x, double[] y, Procedure procedure, long seed, double[] grid) {
        int n = x.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] xb = new double[n][];
        double[] yb = new double[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(n);
            xb[i] = x[k];
            yb[i] = y[k];
        }
        if (singleClass(yb)) {
            return new Replicate(Outcome.SINGLE_CLASS, null, null, null);
        }
        int[] aliased = Aliasing.aliased(xb);
        Outcome degenerate = aliased.length == 0 ? null
                : Arrays.stream(aliased).anyMatch(j -> constant(xb, j)) ? Outcome.CONSTANT_COLUMN
                : Outcome.ALIASED_DESIGN;
        double[] beta;
        try {
            beta = aliased.length == 0 ? procedure.fit(xb, yb) : fitWithout(xb, yb, aliased, procedure);
        } catch (ArithmeticException | IllegalStateException | IllegalArgumentException e) {
            return new Replicate(degenerate == null ? Outcome.FAILED_FIT : degenerate, null, null, null);
        }
        double[] pTrain = Design.probabilities(xb, beta);
        double[] pTest = Design.probabilities(x, beta);
        Performance.Calibration cal = Performance.calibration(y, Design.linearPredictor(x, beta));
        double aucTrain = Performance.auc(yb, pTrain);
        double brierTrain = Performance.brier(yb, pTrain);
        double[] d = {
            aucTrain - Performance.auc(y, pTest),
            brierTrain - Performance.brier(y, pTest),
            0.0 - cal.intercept(),
            1.0 - cal.slope()
        };
        for (double v : d) {
            if (!Double.isFinite(v)) {
                return new Replicate(degenerate == null ? Outcome.FAILED_FIT : degenerate, null, null, null);
            }
        }
        double[] curve = new double[grid.length];
        if (grid.length > 0) {
            double[] train = Lowess.smooth(pTrain, yb).at(grid);
            double[] test = Lowess.smooth(pTest, y).at(grid);
            for (int g = 0; g < grid.length; g++) {
                curve[g] = train[g] - test[g];
            }
        }
        return new Replicate(degenerate == null ? Outcome.USED : Outcome.REFITTED_WITHOUT_ALIASED, d,
                new double[] {aucTrain, brierTrain, cal.intercept(), cal.slope()}, curve);
    }

    /** The procedure on the non-aliased columns, with 0 for the aliased coefficients (R glm's NA, predicting 0). */
    private static double[] fitWithout(double[][] x, double[] y, int[] aliased, Procedure procedure) {
        int[] keep = Design.complement(x[0].length, aliased);
        double[] reduced = procedure.fit(Design.columns(x, keep), y);
        double[] beta = new double[x[0].length];
        for (int k = 0; k < keep.length; k++) {
            beta[keep[k]] = reduced[k];
        }
        return beta;
    }

    private static Result combine(Indices apparent, Replicate[] results, int gridSize) {
        int[] account = new int[Outcome.values().length];
        double[] sum = new double[4];
        double[] curveSum = new double[gridSize];
        int[] curveCount = new int[gridSize];
        List<double[]> values = new ArrayList<>();
        for (Replicate r : results) {
            account[r.outcome().ordinal()]++;
            if (r.optimism() == null) {
                continue;
            }
            for (int m = 0; m < 4; m++) {
                sum[m] += r.optimism()[m];
            }
            values.add(r.values());
            for (int g = 0; g < gridSize; g++) {
                if (!Double.isNaN(r.curve()[g])) {
                    curveSum[g] += r.curve()[g];
                    curveCount[g]++;
                }
            }
        }
        int used = values.size();
        Indices optimism = new Indices(sum[0] / used, sum[1] / used, sum[2] / used, sum[3] / used);
        Indices corrected = new Indices(apparent.auc() - optimism.auc(), apparent.brier() - optimism.brier(),
                apparent.calibrationIntercept() - optimism.calibrationIntercept(),
                apparent.calibrationSlope() - optimism.calibrationSlope());
        double[] lo = new double[4];
        double[] hi = new double[4];
        for (int m = 0; m < 4; m++) {
            int index = m;
            double[] v = values.stream().mapToDouble(r -> r[index]).sorted().toArray();
            lo[m] = quantile(v, 0.025);
            hi[m] = quantile(v, 0.975);
        }
        List<Double> curve = new ArrayList<>();
        for (int g = 0; g < gridSize; g++) {
            curve.add(curveCount[g] == 0 ? Double.NaN : curveSum[g] / curveCount[g]);
        }
        int skipped = account[Outcome.SINGLE_CLASS.ordinal()] + account[Outcome.CONSTANT_COLUMN.ordinal()]
                + account[Outcome.ALIASED_DESIGN.ordinal()];
        return new Result(apparent, optimism, corrected, results.length, used, skipped,
                account[Outcome.FAILED_FIT.ordinal()], Arrays.stream(account).boxed().toList(),
                new Indices(lo[0], lo[1], lo[2], lo[3]), new Indices(hi[0], hi[1], hi[2], hi[3]), curve);
    }

    /** R's quantile type 7 of sorted values: v[h] + (h − ⌊h⌋)(v[⌊h⌋ + 1] − v[⌊h⌋]), h = (n − 1)q; NaN if empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static boolean constant(double[][] x, int j) {
        for (double[] row : x) {
            if (row[j] != x[0][j]) {
                return false;
            }
        }
        return true;
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
