package io.spinemet.efficacy.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Small array helpers for design matrices and the logistic function. */
final class Design {
    private Design() {
    }

    /** x'b. */
    static double dot(double[] x, double[] b) {
        double s = 0.0;
        for (int j = 0; j < b.length; j++) {
            s += x[j] * b[j];
        }
        return s;
    }

    /** Linear predictor η = Xb. */
    static double[] linearPredictor(double[][] x, double[] b) {
        double[] eta = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            eta[i] = dot(x[i], b);
        }
        return eta;
    }

    /** π = 1 / (1 + e^−η). */
    static double expit(double eta) {
        return 1.0 / (1.0 + Math.exp(-eta));
    }

    /** Probabilities π = expit(Xb). */
    static double[] probabilities(double[][] x, double[] b) {
        double[] p = linearPredictor(x, b);
        for (int i = 0; i < p.length; i++) {
            p[i] = expit(p[i]);
        }
        return p;
    }

    /** log(1 + e^η) without overflow. */
    static double log1pExp(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    /** Sample standard deviation of column j. */
    static double sd(double[][] x, int j) {
        double m = 0.0;
        for (double[] r : x) {
            m += r[j];
        }
        m /= x.length;
        double ss = 0.0;
        for (double[] r : x) {
            ss += (r[j] - m) * (r[j] - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** The columns {0..p−1} not in drop, in order; drop must not contain the intercept 0. */
    static int[] complement(int p, int... drop) {
        boolean[] dropped = new boolean[p];
        for (int j : drop) {
            if (j <= 0 || j >= p) {
                throw new IllegalArgumentException("cannot drop column " + j + " of " + p);
            }
            dropped[j] = true;
        }
        return IntStream.range(0, p).filter(j -> !dropped[j]).toArray();
    }

    /** The submatrix of the given columns. */
    static double[][] columns(double[][] x, int[] keep) {
        double[][] r = new double[x.length][keep.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < keep.length; k++) {
                r[i][k] = x[i][keep[k]];
            }
        }
        return r;
    }

    /** Placeholder names c0..c(p−1) for internal fits. */
    static List<String> names(int p) {
        List<String> names = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            names.add("c" + j);
        }
        return names;
    }

    /** True if X'X is numerically singular, e.g. a non-intercept column is constant or columns are collinear. */
    static boolean rankDeficient(double[][] x) {
        int p = x[0].length;
        double[][] xtx = new double[p][p];
        for (double[] r : x) {
            for (int a = 0; a < p; a++) {
                for (int c = 0; c <= a; c++) {
                    xtx[a][c] += r[a] * r[c];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < a; c++) {
                xtx[c][a] = xtx[a][c];
            }
        }
        for (int j = 1; j < p; j++) {
            double first = x[0][j];
            boolean constant = true;
            for (double[] r : x) {
                constant &= r[j] == first;
            }
            if (constant) {
                return true;
            }
        }
        return Cholesky.of(xtx) == null;
    }
}
