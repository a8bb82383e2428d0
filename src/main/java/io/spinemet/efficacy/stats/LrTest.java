package io.spinemet.efficacy.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * A likelihood-ratio test: statistic χ² = 2(l_full − l_reduced) on df degrees of freedom, p = P(χ²_df ≥ χ²).
 *
 * @param chisq the likelihood-ratio statistic.
 * @param df    the number of constrained coefficients.
 * @param p     the upper-tail chi-square probability.
 */
public record LrTest(double chisq, int df, double p) {

    /** Builds the test from the statistic; p = Q(df/2, χ²/2), the regularized upper incomplete gamma. */
    static LrTest of(double chisq, int df) {
        return new LrTest(chisq, df, chiSquareUpperTail(chisq, df));
    }

    /** P(χ²_df ≥ s) computed as Q(df/2, s/2), accurate in the far tail unlike 1 − F. */
    static double chiSquareUpperTail(double s, int df) {
        return s <= 0.0 ? 1.0 : Gamma.regularizedGammaQ(df / 2.0, s / 2.0);
    }
}
