package io.spinemet.efficacy.stats;

import java.util.List;

/** Argument validation shared by the estimators: fail fast with a message that names the problem. */
final class Checks {
    private Checks() {
    }

    /** Requires a rectangular design with a leading column of 1s, finite entries and 0/1 outcomes of the same length. */
    static void design(double[][] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("design matrix and outcome must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("design has " + x.length + " rows but outcome has " + y.length + " values");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("empty design matrix");
        }
        int p = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != p) {
                throw new IllegalArgumentException("design row " + i + " does not have " + p + " columns");
            }
            if (x[i][0] != 1.0) {
                throw new IllegalArgumentException("column 0 must be the intercept (1), row " + i + " has " + x[i][0]);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("design row " + i + " has a non-finite value");
                }
            }
        }
        outcome(y);
    }

    /** {@link #design(double[][], double[])} plus one term name per column. */
    static void design(double[][] x, double[] y, List<String> terms) {
        design(x, y);
        if (terms == null || terms.size() != x[0].length) {
            throw new IllegalArgumentException("need " + x[0].length + " term names, got " + (terms == null ? 0 : terms.size()));
        }
    }

    /** Requires every outcome to be exactly 0 or 1. */
    static void outcome(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new IllegalArgumentException("outcome must be 0 or 1, value " + i + " is " + y[i]);
            }
        }
    }

    /** Requires predictions and outcomes of equal length. */
    static void sameLength(double[] y, double[] p) {
        if (y == null || p == null || y.length != p.length) {
            throw new IllegalArgumentException("outcome and prediction lengths differ");
        }
        outcome(y);
    }
}
