package io.spinemet.efficacy.stats;

import java.util.Arrays;

/**
 * Cleveland's LOWESS scatterplot smoother without robustness iterations, as R's {@code lowess(x, y, f, iter = 0)}
 * computes it (C {@code clowess}; Cleveland 1979, 1981) — the smoother of {@code rms::calibrate} and
 * {@code rms::val.prob}.
 *
 * <p>Points are sorted by x (ties in input order). Each fitted value at x_i is the weighted least-squares line
 * through the ns = max(2, min(n, ⌊f·n + 1e-7⌋)) nearest points, with tricube weights w_j = (1 − (|x_j − x_i| / h)³)³,
 * h the distance to the farthest of them (w = 1 within 0.001h, 0 beyond 0.999h; ties to the right are included).
 * Points within δ = 0.01·range(x) of the last fitted one are not fitted but linearly interpolated.
 */
public final class Lowess {
    /** R's default span. */
    public static final double SPAN = 2.0 / 3.0;

    private Lowess() {
    }

    /** The smooth: x sorted ascending and the fitted values at them. */
    public record Smooth(double[] x, double[] y) {

        /**
         * R's {@code approx(x, y, xout, ties = mean)}: duplicate x collapsed to the mean of their y, then linear
         * interpolation; NaN outside [min x, max x] (rule = 1).
         */
        public double[] at(double[] xout) {
            int n = x.length;
            double[] ux = new double[n];
            double[] uy = new double[n];
            int m = 0;
            for (int i = 0; i < n; ) {
                int k = i;
                double s = 0.0;
                while (k < n && x[k] == x[i]) {
                    s += y[k++];
                }
                ux[m] = x[i];
                uy[m++] = s / (k - i);
                i = k;
            }
            double[] out = new double[xout.length];
            for (int t = 0; t < xout.length; t++) {
                out[t] = interpolate(ux, uy, m, xout[t]);
            }
            return out;
        }

        private static double interpolate(double[] ux, double[] uy, int m, double v) {
            if (Double.isNaN(v) || v < ux[0] || v > ux[m - 1]) {
                return Double.NaN;
            }
            int k = Arrays.binarySearch(ux, 0, m, v);
            if (k >= 0) {
                return uy[k];
            }
            int hi = -k - 1;
            int lo = hi - 1;
            return uy[lo] + (uy[hi] - uy[lo]) * (v - ux[lo]) / (ux[hi] - ux[lo]);
        }
    }

    /** {@code lowess(x, y, f = 2/3, iter = 0)}. */
    public static Smooth smooth(double[] x, double[] y) {
        return smooth(x, y, SPAN);
    }

    /** {@code lowess(x, y, f, iter = 0)} with R's δ = 0.01·range(x). */
    public static Smooth smooth(double[] x, double[] y, double f) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("lowess needs x and y of the same, non-zero length");
        }
        int n = x.length;
        int[] order = Performance.order(x);
        double[] xs = new double[n];
        double[] ysIn = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x[order[i]];
            ysIn[i] = y[order[i]];
        }
        double delta = 0.01 * (xs[n - 1] - xs[0]);
        return new Smooth(xs, clowess(xs, ysIn, f, delta));
    }

    /** One pass of {@code clowess} (nsteps = 0) on x sorted ascending; 0-based port of R's 1-based C code. */
    static double[] clowess(double[] x, double[] y, double f, double delta) {
        int n = x.length;
        double[] ys = new double[n];
        if (n < 2) {
            ys[0] = y[0];
            return ys;
        }
        double[] w = new double[n];
        int ns = Math.max(2, Math.min(n, (int) (f * n + 1e-7)));
        int nleft = 0;
        int nright = ns - 1;
        int last = -1;
        int i = 0;
        for (;;) {
            if (nright < n - 1) {
                double d1 = x[i] - x[nleft];
                double d2 = x[nright + 1] - x[i];
                if (d1 > d2) {
                    nleft++;
                    nright++;
                    continue;
                }
            }
            double fitted = lowest(x, y, x[i], nleft, nright, w);
            ys[i] = Double.isNaN(fitted) ? y[i] : fitted;
            if (last < i - 1) {
                double denom = x[i] - x[last];
                for (int j = last + 1; j < i; j++) {
                    double alpha = (x[j] - x[last]) / denom;
                    ys[j] = alpha * ys[i] + (1.0 - alpha) * ys[last];
                }
            }
            last = i;
            double cut = x[last] + delta;
            for (i = last + 1; i < n; i++) {
                if (x[i] > cut) {
                    break;
                }
                if (x[i] == x[last]) {
                    ys[i] = ys[last];
                    last = i;
                }
            }
            i = Math.max(last + 1, i - 1);
            if (last >= n - 1) {
                break;
            }
        }
        return ys;
    }

    /**
     * C {@code lowest}: the local weighted linear fit at xs over points nleft..nright (and ties beyond), or NaN when
     * every weight is 0.
     */
    private static double lowest(double[] x, double[] y, double xs, int nleft, int nright, double[] w) {
        int n = x.length;
        double range = x[n - 1] - x[0];
        double h = Math.max(xs - x[nleft], x[nright] - xs);
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0.0;
        int j = nleft;
        while (j < n) {
            w[j] = 0.0;
            double r = Math.abs(x[j] - xs);
            if (r <= h9) {
                w[j] = r <= h1 ? 1.0 : cube(1.0 - cube(r / h));
                a += w[j];
            } else if (x[j] > xs) {
                break;
            }
            j++;
        }
        int nrt = j - 1;
        if (a <= 0.0) {
            return Double.NaN;
        }
        for (j = nleft; j <= nrt; j++) {
            w[j] /= a;
        }
        if (h > 0.0) {
            a = 0.0;
            for (j = nleft; j <= nrt; j++) {
                a += w[j] * x[j];
            }
            double b = xs - a;
            double c = 0.0;
            for (j = nleft; j <= nrt; j++) {
                c += w[j] * (x[j] - a) * (x[j] - a);
            }
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (j = nleft; j <= nrt; j++) {
                    w[j] *= b * (x[j] - a) + 1.0;
                }
            }
        }
        double fitted = 0.0;
        for (j = nleft; j <= nrt; j++) {
            fitted += w[j] * y[j];
        }
        return fitted;
    }

    private static double cube(double v) {
        return v * v * v;
    }
}
