package io.spinemet.efficacy.stats;

import java.util.ArrayList;
import java.util.List;

/** Aliasing (exact collinearity) of a design, found as R's QR decomposition finds it. */
public final class Aliasing {

    private Aliasing() {
    }

    /**
     * The aliased columns, as R's {@code lm}/{@code glm} find them: Gram-Schmidt in column order (LINPACK dqrdc2's
     * limited pivoting), where a column whose residual on the earlier kept columns has norm below 1e-7 times its own
     * norm is aliased and set aside. A constant non-intercept column is aliased with the intercept.
     *
     * @return the aliased column indices, ascending; empty for a full-rank design
     */
    public static int[] aliased(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        List<double[]> basis = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = x[i][j];
            }
            double norm = Math.sqrt(dotProduct(v, v));
            for (double[] q : basis) {
                double c = dotProduct(q, v);
                for (int i = 0; i < n; i++) {
                    v[i] -= c * q[i];
                }
            }
            double residual = Math.sqrt(dotProduct(v, v));
            if (norm == 0.0 || residual < ALIAS_TOL * norm) {
                out.add(j);
                continue;
            }
            for (int i = 0; i < n; i++) {
                v[i] /= residual;
            }
            basis.add(v);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** R's {@code qr} tolerance for aliasing. */
    private static final double ALIAS_TOL = 1e-7;

    private static double dotProduct(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
