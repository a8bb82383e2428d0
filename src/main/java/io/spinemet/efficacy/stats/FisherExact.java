package io.spinemet.efficacy.stats;

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
        double[] lf = logFactorials(n);
        double logNorm = logChoose(lf, n, c2);
        double logObserved = -logNorm;
        for (int i = 0; i < r; i++) {
            logObserved += logChoose(lf, rows[i], counts[i][1]);
        }
        int[] suffix = new int[r + 1];
        for (int i = r - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + rows[i];
        }
        double p = sum(lf, rows, suffix, 0, c2, -logNorm, logObserved + Math.log(REL_ERR));
        return Math.min(1.0, p);
    }

    /** 2 × 2 convenience: rows {a, b} and {c, d}. */
    public static double twoSided(int a, int b, int c, int d) {
        return twoSided(new int[][] {{a, b}, {c, d}});
    }

    /**
     * Σ over completions of rows i.. (with the given remaining column-2 total) of P(table) where P ≤ exp(limit).
     * With two rows left the completions form one hypergeometric law in a, log-concave in a, so the tables with
     * P &gt; limit are one run around its mode: the sum is the closed-form total (Vandermonde: Σ_a C(r, a) C(s, m − a)
     * = C(r + s, m)) minus that run. That keeps the 2 × 2 test O(√n) and the 3 × 2 test O(n^1.5) instead of O(n²).
     */
    private static double sum(double[] lf, int[] rows, int[] suffix, int i, int remaining, double logP, double limit) {
        if (i == rows.length - 2) {
            return twoRowTail(lf, rows[i], rows[i + 1], remaining, logP, limit);
        }
        double s = 0.0;
        int lo = Math.max(0, remaining - suffix[i + 1]);
        int hi = Math.min(rows[i], remaining);
        for (int a = lo; a <= hi; a++) {
            s += sum(lf, rows, suffix, i + 1, remaining - a, logP + logChoose(lf, rows[i], a), limit);
        }
        return s;
    }

    /** Σ_a exp(logP) C(r, a) C(s, m − a) over the a whose term is ≤ exp(limit). */
    private static double twoRowTail(double[] lf, int r, int s, int m, double logP, double limit) {
        int lo = Math.max(0, m - s);
        int hi = Math.min(r, m);
        int mode = Math.min(hi, Math.max(lo, (int) Math.floor((m + 1.0) * (r + 1.0) / (r + s + 2.0))));
        double central = 0.0;
        for (int a = mode; a >= lo; a--) {
            double lp = logP + logChoose(lf, r, a) + logChoose(lf, s, m - a);
            if (lp <= limit) {
                break;
            }
            central += Math.exp(lp);
        }
        for (int a = mode + 1; a <= hi; a++) {
            double lp = logP + logChoose(lf, r, a) + logChoose(lf, s, m - a);
            if (lp <= limit) {
                break;
            }
            central += Math.exp(lp);
        }
        return Math.max(0.0, Math.exp(logP + logChoose(lf, r + s, m)) - central);
    }

    /** log C(n, k) = log n! − log k! − log (n − k)! from the table. */
    private static double logChoose(double[] lf, int n, int k) {
        return lf[n] - lf[k] - lf[n - k];
    }

    /** log k! for k = 0..n, by compensated (Kahan) summation of log i, so that each C(n, k) costs O(1). */
    static double[] logFactorials(int n) {
        double[] lf = new double[n + 1];
        double sum = 0.0;
        double carry = 0.0;
        for (int i = 2; i <= n; i++) {
            double term = Math.log(i) - carry;
            double next = sum + term;
            carry = (next - sum) - term;
            sum = next;
            lf[i] = sum;
        }
        return lf;
    }
}
