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
     * c-statistic = P(p_i &gt; p_k | y_i = 1, y_k = 0), ties counting ½ (the area under the ROC curve), from ranks:
     * the Mann-Whitney form AUC = (R₁ − n₁(n₁ + 1)/2) / (n₁ n₀), R₁ the sum of the events' mid-ranks among all
     * predictions (Hanley &amp; McNeil 1982). O(n log n).
     *
     * @throws IllegalArgumentException if lengths differ, y is not 0/1, or a class is empty.
     */
    public static double auc(double[] y, double[] p) {
        Checks.sameLength(y, p);
        double[] ranks = midRanks(p);
        double n1 = 0.0;
        double r1 = 0.0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1.0) {
                n1++;
                r1 += ranks[i];
            }
        }
        double n0 = y.length - n1;
        if (n1 == 0 || n0 == 0) {
            throw new IllegalArgumentException("c-statistic needs both outcome classes");
        }
        return (r1 - n1 * (n1 + 1.0) / 2.0) / (n1 * n0);
    }

    /**
     * DeLong's 95% interval of the AUC (DeLong, DeLong &amp; Clarke-Pearson 1988), as R {@code pROC::ci.auc(method =
     * "delong")}: AUC ± z₀.₉₇₅ √(S₁₀/n₁ + S₀₁/n₀), S the sample variances of the structural components
     * V₁₀(i) = (rank of event i among all − its rank among events)/n₀ and V₀₁(k) = 1 − (rank of non-event k among
     * all − its rank among non-events)/n₁ (Sun &amp; Xu 2014); clipped to [0, 1].
     *
     * @return {lower, upper}
     */
    public static double[] aucDeLong(double[] y, double[] p) {
        Checks.sameLength(y, p);
        int n = y.length;
        int n1 = 0;
        for (double v : y) {
            n1 += v == 1.0 ? 1 : 0;
        }
        int n0 = n - n1;
        double[] pe = new double[n1];
        double[] pn = new double[n0];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (y[i] == 1.0) {
                pe[a++] = p[i];
            } else {
                pn[b++] = p[i];
            }
        }
        double[] all = midRanks(p);
        double[] re = midRanks(pe);
        double[] rn = midRanks(pn);
        double[] v10 = new double[n1];
        double[] v01 = new double[n0];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (y[i] == 1.0) {
                v10[a] = (all[i] - re[a]) / n0;
                a++;
            } else {
                v01[b] = 1.0 - (all[i] - rn[b]) / n1;
                b++;
            }
        }
        double auc = auc(y, p);
        double se = Math.sqrt(sampleVariance(v10) / n1 + sampleVariance(v01) / n0);
        return new double[] {Math.max(0.0, auc - LogisticMl.Z975 * se), Math.min(1.0, auc + LogisticMl.Z975 * se)};
    }

    /**
     * The empirical ROC curve: (FPR, TPR) at every distinct prediction as threshold (p ≥ t is positive), from (0, 0)
     * to (1, 1).
     *
     * @return pairs {fpr, tpr} in order of decreasing threshold
     */
    public static double[][] roc(double[] y, double[] p) {
        Checks.sameLength(y, p);
        int n = y.length;
        int[] ascending = order(p);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = ascending[n - 1 - k];
        }
        double n1 = 0.0;
        for (double v : y) {
            n1 += v;
        }
        double n0 = n - n1;
        java.util.List<double[]> points = new java.util.ArrayList<>();
        points.add(new double[] {0.0, 0.0});
        double tp = 0.0;
        double fp = 0.0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (y[i] == 1.0) {
                tp++;
            } else {
                fp++;
            }
            if (k == n - 1 || p[order[k + 1]] != p[i]) {
                points.add(new double[] {fp / n0, tp / n1});
            }
        }
        return points.toArray(double[][]::new);
    }

    /**
     * The indices 0..n−1 in ascending order of v, ties in index order (R's {@code order()}): a bottom-up merge sort
     * on primitives, stable, O(n log n), without boxing.
     */
    static int[] order(double[] v) {
        int n = v.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = v[a[j]] < v[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** Mid-ranks (1-based; ties share the mean of their ranks). */
    static double[] midRanks(double[] v) {
        int n = v.length;
        int[] order = order(v);
        double[] ranks = new double[n];
        for (int i = 0; i < n; ) {
            int k = i;
            while (k < n && v[order[k]] == v[order[i]]) {
                k++;
            }
            double mid = (i + 1 + k) / 2.0;
            for (int t = i; t < k; t++) {
                ranks[order[t]] = mid;
            }
            i = k;
        }
        return ranks;
    }

    private static double sampleVariance(double[] v) {
        double mean = 0.0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double s = 0.0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return s / (v.length - 1);
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
