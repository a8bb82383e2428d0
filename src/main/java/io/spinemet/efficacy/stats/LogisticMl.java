package io.spinemet.efficacy.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.special.Erf;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.glm.GLM;
import smile.glm.model.Bernoulli;
import smile.glm.model.Model;

/**
 * Maximum-likelihood logistic regression by Smile's IRLS {@link GLM}, tuned to reproduce R's
 * {@code glm(family = binomial)}: start μ = (y + ½)/2, stop when |D − D_old| / (|D| + 0.1) &lt; 1e-8
 * (at most 25 IRLS steps), and standard errors from the IRLS weights of the last step.
 *
 * <p>Wald test z = b / se, p = 2(1 − Φ(|z|)); odds ratio e^b with Wald interval exp(b ∓ z₀.₉₇₅ se).
 * A diverging fit (separation, fitted probabilities 0 or 1, huge standard errors, no convergence,
 * a numerical failure) is returned flagged unreliable instead of throwing.
 */
public final class LogisticMl {
    /** z₀.₉₇₅, the 97.5% standard normal quantile. */
    static final double Z975 = 1.959963984540054;
    /** R's glm.control(epsilon). */
    private static final double EPSILON = 1e-8;
    /** R's glm.control(maxit) = 25 IRLS steps; Smile's loop performs maxIter + 1 of them. */
    private static final int SMILE_MAX_ITER = 24;
    /** R's threshold for "fitted probabilities numerically 0 or 1": 10 × machine epsilon. */
    private static final double PROB_EPS = 10 * Math.ulp(1.0);
    /** A standard error of a standardized coefficient (se × sd(x)) above this signals divergence. */
    private static final double HUGE_STANDARDIZED_SE = 100.0;

    private LogisticMl() {
    }

    /**
     * One coefficient.
     *
     * @param term       the design-column name.
     * @param estimate   b, log-odds scale.
     * @param stdError   the Wald standard error.
     * @param z          b / se.
     * @param pWald      2(1 − Φ(|z|)).
     * @param oddsRatio  e^b.
     * @param orCiLow    exp(b − 1.959964 se).
     * @param orCiHigh   exp(b + 1.959964 se).
     */
    public record Coefficient(String term, double estimate, double stdError, double z, double pWald,
                              double oddsRatio, double orCiLow, double orCiHigh) {
    }

    /**
     * A maximum-likelihood fit.
     *
     * @param coefficients    one per design column, in design order (empty if the fit failed outright).
     * @param logLikelihood   l(b) = Σ [y η − log(1 + e^η)].
     * @param deviance        −2 l(b).
     * @param iterations      IRLS steps, counted as R counts them.
     * @param converged       whether R's deviance criterion was met within 25 steps.
     * @param reliable        false when the estimates are not to be trusted.
     * @param unreliableReason why not, or null.
     * @param separation      the exact check of the design for (quasi-)complete separation, run once per fit.
     */
    public record Fit(List<Coefficient> coefficients, double logLikelihood, double deviance, int iterations,
                      boolean converged, boolean reliable, String unreliableReason, Separation.Result separation) {

        /** The estimates in design order. */
        public double[] estimates() {
            return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
        }
    }

    /**
     * Fits the model.
     *
     * @param x     n × p design, column 0 the intercept.
     * @param y     0/1 outcomes.
     * @param terms the p column names.
     * @return the fit, possibly flagged unreliable; never throws for numerical reasons.
     */
    public static Fit fit(double[][] x, double[] y, List<String> terms) {
        Checks.design(x, y, terms);
        Separation.Result separation = Separation.check(x, y);
        if (x.length <= x[0].length) {
            return failed("fewer observations than parameters", separation);
        }
        try {
            RStartBernoulli first = new RStartBernoulli();
            double d = -2.0 * logLikelihood(x, y, irls(x, y, first, 1e-10).coefficients());
            RStartBernoulli model = new RStartBernoulli();
            double tol = EPSILON * (Math.abs(d) + 0.1);
            GLM glm = irls(x, y, model, tol);
            return summarize(x, y, terms, glm, model, tol, separation);
        } catch (RuntimeException e) {
            // A numerical library's message means nothing to a user and must not reach a model file.
            return failed(separation.separated() ? separationReason(separation)
                    : "the iteratively reweighted least-squares fit failed numerically", separation);
        }
    }

    /**
     * Likelihood-ratio test for dropping design columns: χ² = D_reduced − D_full on |drop| df
     * (e.g. all dummy columns of a factor against the intercept-only model).
     *
     * @param x    the full design.
     * @param y    outcomes.
     * @param drop indices of the columns to drop (not 0).
     * @return the test; NaN statistic if either log-likelihood is not finite (a failed fit).
     */
    public static LrTest likelihoodRatioTest(double[][] x, double[] y, int... drop) {
        Checks.design(x, y);
        return likelihoodRatioTest(fit(x, y, Design.names(x[0].length)), x, y, drop);
    }

    /**
     * The same test for a full model already fitted on {@code x}, so the caller does not fit it twice.
     *
     * @param full the fit of the full design {@code x}.
     */
    public static LrTest likelihoodRatioTest(Fit full, double[][] x, double[] y, int... drop) {
        Checks.design(x, y);
        int[] keep = Design.complement(x[0].length, drop);
        double lReduced = keep.length == 1 ? interceptOnlyLogLikelihood(y)
                : fit(Design.columns(x, keep), y, Design.names(keep.length)).logLikelihood();
        // Under separation the estimates diverge but the log-likelihood converges to its supremum, so the
        // statistic still exists; R's glm reports it from the iterate where the deviance stopped changing.
        if (!Double.isFinite(full.logLikelihood()) || !Double.isFinite(lReduced)) {
            return new LrTest(Double.NaN, drop.length, Double.NaN);
        }
        return LrTest.of(2.0 * (full.logLikelihood() - lReduced), drop.length);
    }

    /** l at the closed-form MLE π̂ = ȳ of the intercept-only model. */
    static double interceptOnlyLogLikelihood(double[] y) {
        double n1 = 0;
        for (double v : y) {
            n1 += v;
        }
        double n0 = y.length - n1;
        return (n1 > 0 ? n1 * Math.log(n1 / y.length) : 0.0) + (n0 > 0 ? n0 * Math.log(n0 / y.length) : 0.0);
    }

    /** l(b) = Σ [y η − log(1 + e^η)], η = Xb. */
    static double logLikelihood(double[][] x, double[] y, double[] b) {
        double l = 0.0;
        for (int i = 0; i < x.length; i++) {
            double eta = Design.dot(x[i], b);
            l += y[i] * eta - Design.log1pExp(eta);
        }
        return l;
    }

    /** Runs Smile's IRLS on internal column names x1..x(p−1), y; returns the GLM. */
    private static GLM irls(double[][] x, double[] y, RStartBernoulli model, double tol) {
        int p = x[0].length;
        double[][] data = new double[x.length][p];
        String[] names = new String[p];
        for (int j = 1; j < p; j++) {
            names[j - 1] = "x" + j;
        }
        names[p - 1] = "y";
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 1, data[i], 0, p - 1);
            data[i][p - 1] = y[i];
        }
        DataFrame df = DataFrame.of(data, names);
        Formula formula = Formula.lhs("y");
        GLM glm = GLM.fit(formula, df, model, tol, SMILE_MAX_ITER);
        model.columns = formula.matrix(df, true).colNames();
        return glm;
    }

    private static Fit summarize(double[][] x, double[] y, List<String> terms, GLM glm, RStartBernoulli model,
                                 double tol, Separation.Result separation) {
        int p = x[0].length;
        double[][] z = glm.ztest();
        double[] b = new double[p];
        double[] se = new double[p];
        for (int r = 0; r < p; r++) {
            int j = column(model.columns[r]);
            b[j] = z[r][0];
            se[j] = z[r][1];
        }
        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double zj = b[j] / se[j];
            coefs.add(new Coefficient(terms.get(j), b[j], se[j], zj, waldP(zj), Math.exp(b[j]),
                    Math.exp(b[j] - Z975 * se[j]), Math.exp(b[j] + Z975 * se[j])));
        }
        double l = logLikelihood(x, y, b);
        boolean converged = model.converged(tol);
        String reason = unreliability(x, b, se, converged, separation);
        return new Fit(coefs, l, -2.0 * l, model.iterations(converged, SMILE_MAX_ITER), converged, reason == null, reason,
                separation);
    }

    /** Maps Smile's column name ("Intercept" or "x<j>") to the design column. */
    private static int column(String name) {
        return name.equals("Intercept") ? 0 : Integer.parseInt(name.substring(1));
    }

    /** The first reason the fit cannot be trusted, or null. */
    private static String unreliability(double[][] x, double[] b, double[] se, boolean converged,
                                        Separation.Result sep) {
        if (sep.separated()) {
            return separationReason(sep);
        }
        for (int j = 0; j < b.length; j++) {
            if (!Double.isFinite(b[j]) || !Double.isFinite(se[j])) {
                return "non-finite estimate or standard error for column " + j;
            }
        }
        if (!converged) {
            return "IRLS did not converge in 25 iterations";
        }
        for (double[] row : x) {
            double pi = Design.expit(Design.dot(row, b));
            if (pi < PROB_EPS || pi > 1.0 - PROB_EPS) {
                return "fitted probabilities numerically 0 or 1";
            }
        }
        for (int j = 1; j < b.length; j++) {
            if (se[j] * Design.sd(x, j) > HUGE_STANDARDIZED_SE) {
                return "huge standard error for column " + j;
            }
        }
        return null;
    }

    /** "quasi-complete separation (4 patients predicted perfectly): ..." */
    private static String separationReason(Separation.Result sep) {
        return sep.type() + " separation (" + sep.pointsSeparated() + " patients predicted perfectly): maximum "
                + "likelihood estimates do not exist";
    }

    /** Two-sided Wald p = 2(1 − Φ(|z|)) = erfc(|z|/√2). */
    static double waldP(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    private static Fit failed(String reason, Separation.Result separation) {
        return new Fit(List.of(), Double.NaN, Double.NaN, 0, false, false, reason, separation);
    }

    /**
     * Smile's Bernoulli logit model with R's starting values μ = (y + ½)/2 (Smile's own are 0.1/0.9),
     * recording the deviance of each IRLS step so that convergence and the step count can be reported.
     */
    private static final class RStartBernoulli implements Model {
        private static final double LINK_THRESHOLD = 30.0;
        private static final double DBL_EPSILON = Math.ulp(1.0);
        private final Model logit = Bernoulli.logit();
        private final List<Double> deviances = new ArrayList<>();
        private String[] columns;

        /** Smile stopped early iff its criterion D_old − D &lt; tol held at the last recorded step. */
        boolean converged(double tol) {
            int k = deviances.size();
            return k >= 2 && deviances.get(k - 2) - deviances.get(k - 1) < tol;
        }

        /** R's count of weighted least-squares solves: one per deviance evaluation, or maxIter + 1 if Smile ran out. */
        int iterations(boolean converged, int maxIter) {
            return converged ? deviances.size() : maxIter + 1;
        }

        @Override
        public double mustart(double y) {
            return (y + 0.5) / 2.0;
        }

        @Override
        public double deviance(double[] y, double[] mu, double[] residuals) {
            double d = logit.deviance(y, mu, residuals);
            deviances.add(d);
            return d;
        }

        @Override
        public double link(double mu) {
            return logit.link(mu);
        }

        /**
         * R's {@code binomial()$linkinv} (C {@code logit_linkinv}): μ = t / (1 + t) with t = e^η, and t clamped to
         * ε for η &lt; −30 and to 1/ε for η &gt; 30 (ε = DBL_EPSILON), so μ never reaches 0 or 1 and the IRLS
         * weights stay finite on separated data.
         */
        @Override
        public double invlink(double eta) {
            double t = eta < -LINK_THRESHOLD ? DBL_EPSILON : eta > LINK_THRESHOLD ? 1.0 / DBL_EPSILON : Math.exp(eta);
            return t / (1.0 + t);
        }

        /** dη/dμ = 1 / (μ(1 − μ)), with R's {@code mu.eta} floor ε on the derivative dμ/dη. */
        @Override
        public double dlink(double mu) {
            return 1.0 / Math.max(mu * (1.0 - mu), DBL_EPSILON);
        }

        @Override
        public double variance(double mu) {
            return logit.variance(mu);
        }

        @Override
        public double nullDeviance(double[] y, double mu) {
            return logit.nullDeviance(y, mu);
        }

        @Override
        public double logLikelihood(double[] y, double[] mu) {
            return logit.logLikelihood(y, mu);
        }
    }
}
