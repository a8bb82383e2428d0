package io.spinemet.efficacy.stats;

/**
 * Cholesky factor A = LL' of a small symmetric positive definite matrix, or of its principal
 * submatrix on given indices; plain arrays for the Firth hot loop.
 */
public final class Cholesky {
    private final double[][] l;

    private Cholesky(double[][] l) {
        this.l = l;
    }

    /** Factors A[idx][idx]; returns null when a pivot is not positive relative to its diagonal (numerically singular). */
    static Cholesky of(double[][] a, int[] idx) {
        int m = idx.length;
        double[][] l = new double[m][m];
        for (int j = 0; j < m; j++) {
            double d = a[idx[j]][idx[j]];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 1e-13 * a[idx[j]][idx[j]])) {
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            for (int i = j + 1; i < m; i++) {
                double s = a[idx[i]][idx[j]];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
            }
        }
        return new Cholesky(l);
    }

    /** Factors the whole matrix; {@code null} when it is not (numerically) positive definite. */
    public static Cholesky of(double[][] a) {
        return of(a, range(a.length));
    }

    static int[] range(int p) {
        int[] idx = new int[p];
        for (int j = 0; j < p; j++) {
            idx[j] = j;
        }
        return idx;
    }

    /** log det A = 2 Σ log L_jj. */
    double logDet() {
        double s = 0.0;
        for (int j = 0; j < l.length; j++) {
            s += Math.log(l[j][j]);
        }
        return 2.0 * s;
    }

    /** Solves L v = b in place; then |v|² = b'A⁻¹b. */
    void forward(double[] b) {
        for (int i = 0; i < l.length; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * b[k];
            }
            b[i] = s / l[i][i];
        }
    }

    /** Solves A v = b in place. */
    void solve(double[] b) {
        forward(b);
        for (int i = l.length - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < l.length; k++) {
                s -= l[k][i] * b[k];
            }
            b[i] = s / l[i][i];
        }
    }

    /** A⁻¹, column by column. */
    double[][] inverse() {
        int m = l.length;
        double[][] inv = new double[m][m];
        for (int j = 0; j < m; j++) {
            double[] e = new double[m];
            e[j] = 1.0;
            solve(e);
            for (int i = 0; i < m; i++) {
                inv[i][j] = e[i];
            }
        }
        return inv;
    }
}
