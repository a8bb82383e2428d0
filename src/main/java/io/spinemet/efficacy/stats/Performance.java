package io.spinemet.efficacy.stats;

/**
 * Apparent performance of predicted probabilities: discrimination (c-statistic), accuracy (Brier score)
 * and calibration (logistic recalibration intercept and slope; Cox 1958; Harrell 2015, §10.9).
 */
public final class Performance {
    private static final int MAX_ITER = 100;

    private Performance() {
    }

    /**
     * Calibration of a linear predictor: the ML fit of logit P(y = 1) = a + b·lp.
     *
     * @param intercept a (0 for a perfectly calibrated model).
     * @param slope     b (1 for a perfectly calibrated model; &lt; 1 signals overfitting).
     */
    public record Calibration(double intercept, double slope) {
    }

    /**
     * c-statistic = P(p_i &gt; p_k | y_i = 1, y_k = 0), ties counting ½ (the area under the ROC curve).
     *
     * @throws IllegalArgumentException if lengths differ, y is not 0/1, or a class is empty.
     */
    public static double auc(double[] y, double[] p) {
        Checks.sameLength(y, p);
        double concordant = 0.0;
        long pairs = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1.0) {
                continue;
            }
            for (int k = 0; k < y.length; k++) {
                if (y[k] == 0.0) {
                    pairs++;
                    concordant += p[i] > p[k] ? 1.0 : p[i] == p[k] ? 0.5 : 0.0;
                }
            }
        }
        if (pairs == 0) {
            throw new IllegalArgumentException("c-statistic needs both outcome classes");
        }
        return concordant / pairs;
    }

    /** Brier score mean((y − p)²). */
    public static double brier(double[] y, double[] p) {
        Checks.sameLength(y, p);
        double s = 0.0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - p[i]) * (y[i] - p[i]);
        }
        return s / y.length;
    }

    /**
     * Calibration intercept and slope, glm(y ~ lp, binomial), by Newton–Raphson with step halving.
     * Returns NaNs if the fit does not converge (e.g. lp separates y).
     */
    public static Calibration calibration(double[] y, double[] lp) {
        Checks.sameLength(y, lp);
        double a = 0.0;
        double b = 0.0;
        double l = logLikelihood(y, lp, a, b);
        for (int it = 0; it < MAX_ITER; it++) {
            double g0 = 0.0, g1 = 0.0, h00 = 0.0, h01 = 0.0, h11 = 0.0;
            for (int i = 0; i < y.length; i++) {
                double pi = Design.expit(a + b * lp[i]);
                double w = pi * (1.0 - pi);
                g0 += y[i] - pi;
                g1 += (y[i] - pi) * lp[i];
                h00 += w;
                h01 += w * lp[i];
                h11 += w * lp[i] * lp[i];
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 0.0)) {
                break;
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            double next = logLikelihood(y, lp, a + da, b + db);
            for (int h = 0; h < 30 && next < l; h++) {
                da /= 2;
                db /= 2;
                next = logLikelihood(y, lp, a + da, b + db);
            }
            a += da;
            b += db;
            l = next;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                return new Calibration(a, b);
            }
        }
        return new Calibration(Double.NaN, Double.NaN);
    }

    private static double logLikelihood(double[] y, double[] lp, double a, double b) {
        double l = 0.0;
        for (int i = 0; i < y.length; i++) {
            double eta = a + b * lp[i];
            l += y[i] * eta - Design.log1pExp(eta);
        }
        return l;
    }
}
