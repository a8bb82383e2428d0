package io.spinemet.efficacy.stats;

import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Two-sided Fisher exact test for an r × 2 table (Agresti 2013, §3.5), as R {@code stats::fisher.test}:
 * conditional on both margins the column-2 counts a_i follow the multivariate hypergeometric law
 * P(a) = Π C(r_i, a_i) / C(n, c₂); the p-value sums P over all tables with P ≤ P(observed)(1 + 1e-7).
 */
public final class FisherExact {
    /** R's relative tolerance for ties in probability. */
    private static final double REL_ERR = 1.0 + 1e-7;

    private FisherExact() {
    }

    /**
     * The two-sided p-value.
     *
     * @param counts r rows (r ≥ 2) of {count with outcome 0, count with outcome 1}.
     * @return p in [0, 1].
     */
    public static double twoSided(int[][] counts) {
        if (counts == null || counts.length < 2) {
            throw new IllegalArgumentException("need at least two rows");
        }
        int r = counts.length;
        int[] rows = new int[r];
        int c2 = 0;
        int n = 0;
        for (int i = 0; i < r; i++) {
            if (counts[i].length != 2 || counts[i][0] < 0 || counts[i][1] < 0) {
                throw new IllegalArgumentException("row " + i + " must hold two non-negative counts");
            }
            rows[i] = counts[i][0] + counts[i][1];
            c2 += counts[i][1];
            n += rows[i];
        }
        double logNorm = logChoose(n, c2);
        double logObserved = -logNorm;
        for (int i = 0; i < r; i++) {
            logObserved += logChoose(rows[i], counts[i][1]);
        }
        int[] suffix = new int[r + 1];
        for (int i = r - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + rows[i];
        }
        double p = sum(rows, suffix, 0, c2, -logNorm, logObserved + Math.log(REL_ERR));
        return Math.min(1.0, p);
    }

    /** 2 × 2 convenience: rows {a, b} and {c, d}. */
    public static double twoSided(int a, int b, int c, int d) {
        return twoSided(new int[][] {{a, b}, {c, d}});
    }

    /** Σ over completions of rows i.. with remaining column-2 total of P(table) where P ≤ exp(limit). */
    private static double sum(int[] rows, int[] suffix, int i, int remaining, double logP, double limit) {
        if (i == rows.length - 1) {
            double lp = logP + logChoose(rows[i], remaining);
            return lp <= limit ? Math.exp(lp) : 0.0;
        }
        double s = 0.0;
        int lo = Math.max(0, remaining - suffix[i + 1]);
        int hi = Math.min(rows[i], remaining);
        for (int a = lo; a <= hi; a++) {
            s += sum(rows, suffix, i + 1, remaining - a, logP + logChoose(rows[i], a), limit);
        }
        return s;
    }

    private static double logChoose(int n, int k) {
        return CombinatoricsUtils.binomialCoefficientLog(n, k);
    }
}
