package io.spinemet.efficacy.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;

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
 *
 * <p>The constrained l* can have more than one local maximum (a separated or nearly separated design), so
 * l*_prof(b) is the best of the warm start, a cold start from β̂ and the earlier constrained optima; each bound and
 * the p-value are re-checked from further starts and a bound is re-solved outward when a better maximum appears
 * (Venzon &amp; Moolgavkar 1988 assume one branch; Heinze &amp; Ploner's logistf warm-starts and can follow the
 * wrong one).
 */
public final class Firth {
    /** χ²₁,₀.₉₅ = z₀.₉₇₅². */
    static final double CHISQ1_95 = LogisticMl.Z975 * LogisticMl.Z975;
    private static final int MAX_ITER = 200;
    /** Iterations allowed to the further starts of a constrained maximum. */
    private static final int MAX_ITER_OTHER_STARTS = 60;
    private static final double MAX_STEP = 5.0;
    private static final int MAX_HALVINGS = 30;
    private static final double XCONV = 1e-10;
    private static final double GCONV = 1e-8;
    /** Relative change of l* below which a "decrease" is rounding, not a bad step. */
    private static final double LOGLIK_ROUNDING = 1e-12;
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
     * @param lowStatus  whether the lower bound was found, is −∞ (the profile stays below χ²₁,₀.₉₅) or the search failed.
     * @param highStatus the same for the upper bound.
     * @param multipleBranches whether the constrained maxima from different starts disagreed somewhere on the
     *                         profile (more than one local maximum), so that only a multi-start search is right.
     */
    public record Coefficient(String term, double estimate, double stdError, double pProfile, double ciLow,
                              double ciHigh, double oddsRatio, double orCiLow, double orCiHigh,
                              BoundStatus lowStatus, BoundStatus highStatus, boolean multipleBranches) {
    }

    /** The outcome of a profile bound's search. */
    public enum BoundStatus {
        /** The profile deviance crosses χ²₁,₀.₉₅ at a finite value. */
        FOUND,
        /** The profile flattens below χ²₁,₀.₉₅: the bound is infinite. */
        INFINITE,
        /** The constrained fits or the root search failed: the bound is unknown. */
        FAILED
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
     * @return the fit; a profile bound or p-value whose constrained fits fail is NaN.
     * @throws ArithmeticException if the unconstrained iteration does not converge (e.g. collinear design).
     */
    public static Fit fit(double[][] x, double[] y, List<String> terms) {
        Checks.design(x, y, terms);
        Rows d = Rows.of(x, y);
        int p = x[0].length;
        Optimum opt = maximize(d, new double[p], new boolean[p]);
        double[][] cov = opt.eval.chol.inverse();
        List<Coefficient> coefs = new ArrayList<>(p);
        double[] se = IntStream.range(0, p).mapToDouble(k -> Math.sqrt(cov[k][k])).toArray();
        for (int j = 0; j < p; j++) {
            Profile prof = new Profile(d, opt, j, se);
            double b = opt.beta[j];
            Bound lo = prof.bound(-1.0);
            Bound hi = prof.bound(1.0);
            double pValue;
            try {
                pValue = prof.pValue();
            } catch (ArithmeticException e) {
                pValue = Double.NaN;
            }
            coefs.add(new Coefficient(terms.get(j), b, se[j], pValue, lo.value(), hi.value(), Math.exp(b),
                    Math.exp(lo.value()), Math.exp(hi.value()), lo.status(), hi.status(), prof.branches));
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
        return maximize(Rows.of(x, y), new double[p], new boolean[p]).beta;
    }

    /**
     * Penalized likelihood-ratio test of β_c = 0 for all c in columns jointly, penalty on the full
     * design (logistf's {@code anova}/{@code logistftest} convention): χ² = 2[l*(β̂) − l*(β̂ | β_c = 0)].
     */
    public static LrTest penalizedLikelihoodRatioTest(double[][] x, double[] y, int... columns) {
        Checks.design(x, y);
        int p = x[0].length;
        Design.complement(p, columns);
        Rows d = Rows.of(x, y);
        Optimum opt = maximize(d, new double[p], new boolean[p]);
        boolean[] fixed = new boolean[p];
        double[] start = opt.beta.clone();
        for (int c : columns) {
            fixed[c] = true;
            start[c] = 0.0;
        }
        Optimum restricted = maximize(d, start, fixed);
        return LrTest.of(2.0 * (opt.eval.penLogLik - restricted.eval.penLogLik), columns.length);
    }

    /** A bound's root search, kept apart from its value so that "no bound" and "no answer" differ. */
    private record Bound(double value, BoundStatus status) {
    }

    /** The global profile l*_prof(β_j = b) = max over the other coefficients, from several starts. */
    private static final class Profile {
        private static final int MAX_OPTIMA = 4;
        /** Starts closer than this (max-norm over the free coordinates) are one start. */
        private static final double SAME_START = 1e-6;
        /** Optima closer than this are one optimum. */
        private static final double SAME_OPTIMUM = 1e-4;
        private static final int MAX_RESOLVES = 6;
        /** A doubled step that raises the profile deviance by less than this is on a flat profile. */
        private static final double FLAT = 1e-6;
        /** Two constrained maxima whose l* differ by more than this are different branches. */
        private static final double BRANCH_GAP = 1e-7;
        private final Rows d;
        private final Optimum opt;
        private final int j;
        private final boolean[] fixed;
        private final double[] se;
        private final List<double[]> optima = new ArrayList<>();
        private double[] warm;
        private boolean branches;

        Profile(Rows d, Optimum opt, int j, double[] se) {
            this.d = d;
            this.opt = opt;
            this.j = j;
            this.se = se;
            this.fixed = new boolean[opt.beta.length];
            fixed[j] = true;
            this.warm = opt.beta.clone();
        }

        /** l*_prof(b): the better constrained maximum from the warm start and a cold start at β̂. */
        double at(double b) {
            return best(b, starts(false));
        }

        /**
         * l*_prof(b) re-checked from more starts: the earlier optima of this profile, zero, and β̂ moved by ±1 SE
         * along each free coordinate.
         */
        double recheck(double b) {
            return best(b, starts(true));
        }

        /** 2[l*(β̂) − l*_prof(b)] − χ²₁,₀.₉₅, negative inside the interval. */
        double excess(double b) {
            return deviance(at(b)) - CHISQ1_95;
        }

        double deviance(double profileLogLik) {
            return 2.0 * (opt.eval.penLogLik - profileLogLik);
        }

        private List<double[]> starts(boolean more) {
            List<double[]> s = new ArrayList<>();
            s.add(warm);
            s.add(opt.beta);
            if (more) {
                s.addAll(optima);
                s.add(new double[opt.beta.length]);
                for (int k = 0; k < opt.beta.length; k++) {
                    if (k != j) {
                        for (double sign : new double[] {-1.0, 1.0}) {
                            double[] moved = opt.beta.clone();
                            moved[k] += sign * se[k];
                            s.add(moved);
                        }
                    }
                }
            }
            return s;
        }

        private double best(double b, List<double[]> starts) {
            Optimum best = null;
            List<double[]> tried = new ArrayList<>();
            for (double[] s : starts) {
                if (tried.stream().anyMatch(t -> distance(t, s) < SAME_START)) {
                    continue;
                }
                tried.add(s);
                double[] start = s.clone();
                start[j] = b;
                Optimum o;
                try {
                    o = maximize(d, start, fixed, tried.size() == 1 ? MAX_ITER : MAX_ITER_OTHER_STARTS);
                } catch (ArithmeticException e) {
                    continue;
                }
                if (best != null && Math.abs(o.eval.penLogLik - best.eval.penLogLik) > BRANCH_GAP) {
                    branches = true;
                }
                if (best == null || o.eval.penLogLik > best.eval.penLogLik) {
                    best = o;
                }
            }
            if (best == null) {
                throw new ArithmeticException("no constrained fit converged");
            }
            warm = best.beta;
            remember(best.beta);
            return best.eval.penLogLik;
        }

        private void remember(double[] beta) {
            for (double[] o : optima) {
                if (distance(o, beta) < SAME_OPTIMUM) {
                    return;
                }
            }
            if (optima.size() == MAX_OPTIMA) {
                optima.remove(0);
            }
            optima.add(beta);
        }

        /** Max |a_k − b_k| over the free coordinates. */
        private double distance(double[] a, double[] b) {
            double d = 0.0;
            for (int k = 0; k < a.length; k++) {
                if (k != j) {
                    d = Math.max(d, Math.abs(a[k] - b[k]));
                }
            }
            return d;
        }

        /** The profile p-value P(χ²₁ ≥ 2[l*(β̂) − l*_prof(0)]), l*_prof(0) re-checked from every start. */
        double pValue() {
            at(0.0);
            return LrTest.chiSquareUpperTail(Math.max(0.0, deviance(recheck(0.0))), 1);
        }

        /**
         * The bound on the given side: bracket by doubling steps from β̂, then Brent; then re-check the root from
         * more starts and, when a better maximum puts it inside the interval, re-solve outward from it.
         */
        Bound bound(double side) {
            try {
                double step = Math.max(se[j], 0.1);
                double inner = opt.beta[j];
                warm = opt.beta.clone();
                for (int r = 0; r <= MAX_RESOLVES; r++) {
                    double outer = inner + side * step;
                    double previous = Double.NEGATIVE_INFINITY;
                    for (int k = 0; ; k++) {
                        double e = excess(outer);
                        if (e >= 0.0) {
                            break;
                        }
                        if (k == MAX_BRACKET_DOUBLINGS || e - previous < FLAT) {
                            return new Bound(side * Double.POSITIVE_INFINITY, BoundStatus.INFINITE);
                        }
                        previous = e;
                        inner = outer;
                        step *= 2.0;
                        outer = inner + side * step;
                    }
                    double root = new BrentSolver(1e-10).solve(200, this::excess,
                            Math.min(inner, outer), Math.max(inner, outer));
                    if (deviance(recheck(root)) - CHISQ1_95 >= -1e-6) {
                        return new Bound(root, BoundStatus.FOUND);
                    }
                    branches = true;
                    inner = root;
                    step = Math.max(se[j], 0.1);
                }
                return new Bound(Double.NaN, BoundStatus.FAILED);
            } catch (ArithmeticException | MathIllegalStateException | MathIllegalArgumentException e) {
                return new Bound(Double.NaN, BoundStatus.FAILED);
            }
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
    private static Optimum maximize(Rows d, double[] start, boolean[] fixed) {
        return maximize(d, start, fixed, MAX_ITER);
    }

    /** As above with an iteration limit: further starts of a profile point get fewer iterations than the first. */
    private static Optimum maximize(Rows d, double[] start, boolean[] fixed, int maxIter) {
        int p = start.length;
        int[] free = IntStream.range(0, p).filter(r -> !fixed[r]).toArray();
        double[] beta = start.clone();
        Eval e = evaluate(d, beta);
        if (e == null) {
            throw new ArithmeticException("singular Fisher information at the start");
        }
        for (int it = 1; it <= maxIter; it++) {
            Cholesky block = Cholesky.of(e.info, free);
            if (block == null) {
                throw new ArithmeticException("singular Fisher information");
            }
            double[] delta = new double[free.length];
            for (int k = 0; k < free.length; k++) {
                delta[k] = e.score[free[k]];
            }
            double gradient = maxAbs(e.score, free);
            block.solve(delta);
            double size = maxAbs(delta);
            if (size > MAX_STEP) {
                scale(delta, MAX_STEP / size);
            }
            double[] candidate = null;
            Eval next = null;
            for (int h = 0; h <= MAX_HALVINGS; h++, scale(delta, 0.5)) {
                candidate = step(beta, free, delta, 1.0);
                next = evaluate(d, candidate);
                if (next != null && next.penLogLik >= e.penLogLik - LOGLIK_ROUNDING * (1.0 + Math.abs(e.penLogLik))) {
                    break;
                }
            }
            if (next == null) {
                throw new ArithmeticException("singular Fisher information");
            }
            if (maxAbs(next.score, free) > 0.5 * gradient) {
                // Fisher scoring is not Newton for l*: where it overshoots and oscillates, a half step converges faster.
                double[] half = step(beta, free, delta, 0.5);
                Eval h = evaluate(d, half);
                if (h != null && maxAbs(h.score, free) < maxAbs(next.score, free)
                        && h.penLogLik >= e.penLogLik - LOGLIK_ROUNDING * (1.0 + Math.abs(e.penLogLik))) {
                    candidate = half;
                    next = h;
                    scale(delta, 0.5);
                }
            }
            beta = candidate;
            e = next;
            if (maxAbs(delta) < XCONV && gradient < GCONV * d.n) {
                return new Optimum(beta, e, it);
            }
        }
        throw new ArithmeticException("Firth iteration did not converge in " + maxIter + " iterations");
    }

    /**
     * The data as distinct (x, y) rows with their counts c: every sum over patients is a c-weighted sum over rows,
     * and a row's hat value is c times a patient's. Registry cohorts of binary factors have few distinct rows.
     */
    private record Rows(double[][] x, double[] y, double[] c, int n) {

        /** A row and its outcome as a hash key. */
        private record Key(double[] x, double y) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && k.y == y && java.util.Arrays.equals(k.x, x);
            }

            @Override
            public int hashCode() {
                return 31 * java.util.Arrays.hashCode(x) + Double.hashCode(y);
            }
        }

        static Rows of(double[][] x, double[] y) {
            java.util.Map<Key, Integer> index = new java.util.HashMap<>();
            List<double[]> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> cs = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                Integer k = index.putIfAbsent(new Key(x[i], y[i]), xs.size());
                if (k == null) {
                    xs.add(x[i]);
                    ys.add(y[i]);
                    cs.add(1.0);
                } else {
                    cs.set(k, cs.get(k) + 1.0);
                }
            }
            return new Rows(xs.toArray(double[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray(),
                    cs.stream().mapToDouble(Double::doubleValue).toArray(), x.length);
        }
    }

    /** Evaluates l*, X'WX and U* at β; null if X'WX is numerically singular. */
    private static Eval evaluate(Rows d, double[] beta) {
        double[][] x = d.x;
        double[] y = d.y;
        double[] c = d.c;
        int m = x.length;
        int p = beta.length;
        double[] pi = new double[m];
        double[][] info = new double[p][p];
        double loglik = 0.0;
        for (int i = 0; i < m; i++) {
            double eta = Design.dot(x[i], beta);
            loglik += c[i] * (y[i] * eta - Design.log1pExp(eta));
            pi[i] = Design.expit(eta);
            double w = c[i] * pi[i] * (1.0 - pi[i]);
            double[] xi = x[i];
            for (int a = 0; a < p; a++) {
                double wa = w * xi[a];
                for (int b = 0; b <= a; b++) {
                    info[a][b] += wa * xi[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                info[b][a] = info[a][b];
            }
        }
        Cholesky chol = Cholesky.of(info);
        if (chol == null) {
            return null;
        }
        double[] score = new double[p];
        double[] v = new double[p];
        for (int i = 0; i < m; i++) {
            System.arraycopy(x[i], 0, v, 0, p);
            chol.forward(v);
            double h = c[i] * pi[i] * (1.0 - pi[i]) * Design.dot(v, v);
            double r = c[i] * (y[i] - pi[i]) + h * (0.5 - pi[i]);
            for (int a = 0; a < p; a++) {
                score[a] += r * x[i][a];
            }
        }
        return new Eval(loglik + 0.5 * chol.logDet(), info, chol, score);
    }

    /** β + f·δ on the free coordinates. */
    private static double[] step(double[] beta, int[] free, double[] delta, double f) {
        double[] b = beta.clone();
        for (int k = 0; k < free.length; k++) {
            b[free[k]] += f * delta[k];
        }
        return b;
    }

    private static double maxAbs(double[] v, int[] idx) {
        double m = 0.0;
        for (int k : idx) {
            m = Math.max(m, Math.abs(v[k]));
        }
        return m;
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
