package io.spinemet.efficacy.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Firth's penalized-likelihood logistic regression (Firth 1993; Heinze &amp; Schemper 2002), replicating
 * R {@code logistf} 1.26.1 (Heinze &amp; Ploner) with profile penalized-likelihood tests and intervals.
 *
 * <p>Penalized log-likelihood l*(β) = Σ [y log π + (1 − y) log(1 − π)] + ½ log det(X'WX), W = diag(π(1 − π)).
 * Modified score U*_r = Σ (y_i − π_i + h_i(½ − π_i)) x_ir with h the diagonal of W^½X(X'WX)⁻¹X'W^½.
 * Newton steps δ = (X'WX)⁻¹U*, capped at max |δ_j| ≤ 5 and halved while l* decreases.
 *
 * <p>Profile: with β_j fixed, l* is maximized over the other coefficients while the penalty keeps the
 * full design; the Newton step uses the inverse of the free-free block of X'WX. Then
 * p = P(χ²₁ ≥ 2[l*(β̂) − l*(β̂ | β_j = 0)]) and the 95% interval is {β_j : 2[l*(β̂) − l*_prof(β_j)] ≤ χ²₁,₀.₉₅}.
 */
public final class Firth {
    /** χ²₁,₀.₉₅ = z₀.₉₇₅². */
    static final double CHISQ1_95 = LogisticMl.Z975 * LogisticMl.Z975;
    private static final int MAX_ITER = 200;
    private static final double MAX_STEP = 5.0;
    private static final int MAX_HALVINGS = 30;
    private static final double XCONV = 1e-10;
    private static final double GCONV = 1e-8;
    private static final int MAX_BRACKET_DOUBLINGS = 40;

    private Firth() {
    }

    /**
     * One coefficient.
     *
     * @param term      design-column name.
     * @param estimate  β̂_j (log-odds).
     * @param stdError  sqrt of the diagonal of (X'WX)⁻¹ at β̂ (not logistf's hat-adjusted variant).
     * @param pProfile  profile penalized-likelihood-ratio p-value.
     * @param ciLow     lower profile 95% bound, log-odds (−∞ if not bracketed).
     * @param ciHigh    upper profile 95% bound, log-odds (+∞ if not bracketed).
     * @param oddsRatio e^β̂_j.
     * @param orCiLow   e^ciLow.
     * @param orCiHigh  e^ciHigh.
     */
    public record Coefficient(String term, double estimate, double stdError, double pProfile, double ciLow,
                              double ciHigh, double oddsRatio, double orCiLow, double orCiHigh) {
    }

    /**
     * A Firth fit.
     *
     * @param coefficients           one per design column.
     * @param covariance             (X'WX)⁻¹ at β̂, for confidence intervals of predictions.
     * @param penalizedLogLikelihood l*(β̂).
     * @param iterations             Newton iterations of the unconstrained fit.
     */
    public record Fit(List<Coefficient> coefficients, double[][] covariance, double penalizedLogLikelihood,
                      int iterations) {

        /** The estimates in design order. */
        public double[] estimates() {
            return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
        }
    }

    /**
     * Fits the model with profile p-values and 95% intervals for every coefficient.
     *
     * @param x     n × p design, column 0 the intercept.
     * @param y     0/1 outcomes.
     * @param terms p column names.
     * @return the fit.
     * @throws ArithmeticException if the Newton iteration does not converge (e.g. collinear design).
     */
    public static Fit fit(double[][] x, double[] y, List<String> terms) {
        Checks.design(x, y, terms);
        int p = x[0].length;
        Optimum opt = maximize(x, y, new double[p], new boolean[p]);
        double[][] cov = opt.eval.chol.inverse();
        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            Profile prof = new Profile(x, y, opt, j);
            double b = opt.beta[j];
            double se = Math.sqrt(cov[j][j]);
            double lo = prof.bound(-1.0, se);
            double hi = prof.bound(1.0, se);
            double pValue = LrTest.chiSquareUpperTail(2.0 * (opt.eval.penLogLik - prof.at(0.0)), 1);
            coefs.add(new Coefficient(terms.get(j), b, se, pValue, lo, hi, Math.exp(b), Math.exp(lo), Math.exp(hi)));
        }
        return new Fit(coefs, cov, opt.eval.penLogLik, opt.iterations);
    }

    /**
     * The Firth estimates only, for refitting in resampling.
     *
     * @throws ArithmeticException if the iteration does not converge.
     */
    public static double[] coefficients(double[][] x, double[] y) {
        Checks.design(x, y);
        int p = x[0].length;
        return maximize(x, y, new double[p], new boolean[p]).beta;
    }

    /**
     * Penalized likelihood-ratio test of β_c = 0 for all c in columns jointly, penalty on the full
     * design (logistf's {@code anova}/{@code logistftest} convention): χ² = 2[l*(β̂) − l*(β̂ | β_c = 0)].
     */
    public static LrTest penalizedLikelihoodRatioTest(double[][] x, double[] y, int... columns) {
        Checks.design(x, y);
        int p = x[0].length;
        Optimum opt = maximize(x, y, new double[p], new boolean[p]);
        boolean[] fixed = new boolean[p];
        double[] start = opt.beta.clone();
        for (int c : columns) {
            fixed[c] = true;
            start[c] = 0.0;
        }
        Optimum restricted = maximize(x, y, start, fixed);
        return LrTest.of(2.0 * (opt.eval.penLogLik - restricted.eval.penLogLik), columns.length);
    }

    /** The profile l*_prof(β_j = b), warm-started from the last constrained optimum. */
    private static final class Profile {
        private final double[][] x;
        private final double[] y;
        private final Optimum opt;
        private final int j;
        private final boolean[] fixed;
        private double[] warm;

        Profile(double[][] x, double[] y, Optimum opt, int j) {
            this.x = x;
            this.y = y;
            this.opt = opt;
            this.j = j;
            this.fixed = new boolean[x[0].length];
            fixed[j] = true;
            this.warm = opt.beta.clone();
        }

        double at(double b) {
            double[] start = warm.clone();
            start[j] = b;
            Optimum o = maximize(x, y, start, fixed);
            warm = o.beta;
            return o.eval.penLogLik;
        }

        /** 2[l*(β̂) − l*_prof(b)] − χ²₁,₀.₉₅, negative inside the interval. */
        double excess(double b) {
            return 2.0 * (opt.eval.penLogLik - at(b)) - CHISQ1_95;
        }

        /** The bound on the given side: bracket by doubling steps from β̂, then Brent. */
        double bound(double side, double se) {
            double inner = opt.beta[j];
            double step = Math.max(se, 0.1);
            double outer = inner + side * step;
            warm = opt.beta.clone();
            for (int k = 0; excess(outer) < 0.0; k++) {
                if (k == MAX_BRACKET_DOUBLINGS) {
                    return side * Double.POSITIVE_INFINITY;
                }
                inner = outer;
                step *= 2.0;
                outer = opt.beta[j] + side * step;
            }
            return new BrentSolver(1e-10).solve(200, this::excess, Math.min(inner, outer), Math.max(inner, outer));
        }
    }

    /** A converged (constrained) maximum of l*. */
    private record Optimum(double[] beta, Eval eval, int iterations) {
    }

    /** l*, X'WX with its Cholesky factor, and U* at one β. */
    private record Eval(double penLogLik, double[][] info, Cholesky chol, double[] score) {
    }

    /**
     * Maximizes l* over the coordinates not fixed, starting at start (fixed coordinates keep their start values).
     *
     * @throws ArithmeticException on a singular information matrix or no convergence in 200 iterations.
     */
    private static Optimum maximize(double[][] x, double[] y, double[] start, boolean[] fixed) {
        int p = start.length;
        int[] free = java.util.stream.IntStream.range(0, p).filter(r -> !fixed[r]).toArray();
        double[] beta = start.clone();
        Eval e = evaluate(x, y, beta);
        if (e == null) {
            throw new ArithmeticException("singular Fisher information at the start");
        }
        for (int it = 1; it <= MAX_ITER; it++) {
            Cholesky block = Cholesky.of(e.info, free);
            if (block == null) {
                throw new ArithmeticException("singular Fisher information");
            }
            double[] delta = new double[free.length];
            for (int k = 0; k < free.length; k++) {
                delta[k] = e.score[free[k]];
            }
            double gradient = maxAbs(delta);
            block.solve(delta);
            double size = maxAbs(delta);
            if (size > MAX_STEP) {
                scale(delta, MAX_STEP / size);
            }
            double[] candidate = null;
            Eval next = null;
            for (int h = 0; h <= MAX_HALVINGS; h++, scale(delta, 0.5)) {
                candidate = beta.clone();
                for (int k = 0; k < free.length; k++) {
                    candidate[free[k]] += delta[k];
                }
                next = evaluate(x, y, candidate);
                if (next != null && next.penLogLik >= e.penLogLik - 1e-12 * (1.0 + Math.abs(e.penLogLik))) {
                    break;
                }
            }
            if (next == null) {
                throw new ArithmeticException("singular Fisher information");
            }
            beta = candidate;
            e = next;
            if (maxAbs(delta) < XCONV && gradient < GCONV * x.length) {
                return new Optimum(beta, e, it);
            }
        }
        throw new ArithmeticException("Firth iteration did not converge in " + MAX_ITER + " iterations");
    }

    /** Evaluates l*, X'WX and U* at β; null if X'WX is numerically singular. */
    private static Eval evaluate(double[][] x, double[] y, double[] beta) {
        int n = x.length;
        int p = beta.length;
        double[] pi = new double[n];
        double[][] info = new double[p][p];
        double loglik = 0.0;
        for (int i = 0; i < n; i++) {
            double eta = Design.dot(x[i], beta);
            loglik += y[i] * eta - Design.log1pExp(eta);
            pi[i] = Design.expit(eta);
            double w = pi[i] * (1.0 - pi[i]);
            double[] xi = x[i];
            for (int a = 0; a < p; a++) {
                double wa = w * xi[a];
                for (int c = 0; c <= a; c++) {
                    info[a][c] += wa * xi[c];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < a; c++) {
                info[c][a] = info[a][c];
            }
        }
        Cholesky chol = Cholesky.of(info);
        if (chol == null) {
            return null;
        }
        double[] score = new double[p];
        double[] v = new double[p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, v, 0, p);
            chol.forward(v);
            double h = pi[i] * (1.0 - pi[i]) * Design.dot(v, v);
            double r = y[i] - pi[i] + h * (0.5 - pi[i]);
            for (int a = 0; a < p; a++) {
                score[a] += r * x[i][a];
            }
        }
        return new Eval(loglik + 0.5 * chol.logDet(), info, chol, score);
    }

    private static double maxAbs(double[] v) {
        double m = 0.0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    private static void scale(double[] v, double f) {
        for (int k = 0; k < v.length; k++) {
            v[k] *= f;
        }
    }
}
