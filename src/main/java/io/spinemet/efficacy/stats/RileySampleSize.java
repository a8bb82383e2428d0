package io.spinemet.efficacy.stats;

/**
 * Minimum sample size for developing a logistic prediction model (Riley et al., Stat Med 2019;38:1276-96;
 * Riley et al., BMJ 2020;368:m441; R {@code pmsampsize}, type "b"). With P parameters, outcome proportion φ and an
 * anticipated Cox-Snell R² (R²cs):
 * <ol>
 * <li>expected shrinkage S ≥ 0.9: n₁ = P / ((S − 1) ln(1 − R²cs / S));</li>
 * <li>optimism in Nagelkerke's R² ≤ δ = 0.05: S₂ = R²cs / (R²cs + δ·max(R²cs)), n₂ = P / ((S₂ − 1) ln(1 − R²cs / S₂)),
 *     max(R²cs) = 1 − (φ^φ (1 − φ)^(1 − φ))²;</li>
 * <li>the overall risk within ±0.05: n₃ = (1.96 / 0.05)² φ(1 − φ).</li>
 * </ol>
 * Each n is rounded up; the requirement is the largest.
 */
public final class RileySampleSize {
    /** Target expected shrinkage. */
    public static final double SHRINKAGE = 0.9;
    /** Allowed optimism in Nagelkerke's R². */
    public static final double DELTA = 0.05;
    /** Margin of error of the overall risk. */
    public static final double MARGIN = 0.05;
    /** Anticipated R²cs as a share of its maximum when nothing better is known (Riley et al. 2020). */
    public static final double CONSERVATIVE_SHARE = 0.15;

    private RileySampleSize() {
    }

    /**
     * The three criteria.
     *
     * @param shrinkage  n₁
     * @param optimism   n₂
     * @param intercept  n₃
     * @param maxR2cs    max(R²cs)
     */
    public record Result(int shrinkage, int optimism, int intercept, double maxR2cs) {
        /** The largest of the three. */
        public int required() {
            return Math.max(shrinkage, Math.max(optimism, intercept));
        }
    }

    /** max(R²cs) = 1 − exp(2 ln L_null / n) = 1 − (φ^φ (1 − φ)^(1 − φ))². */
    public static double maxR2cs(double prevalence) {
        double lnNull = prevalence * Math.log(prevalence) + (1.0 - prevalence) * Math.log(1.0 - prevalence);
        return 1.0 - Math.exp(2.0 * lnNull);
    }

    /** n = P / ((S − 1) ln(1 − R²cs / S)). */
    static double shrinkageN(int parameters, double r2cs, double s) {
        return parameters / ((s - 1.0) * Math.log(1.0 - r2cs / s));
    }

    /**
     * @param parameters P, model terms besides the intercept
     * @param prevalence φ in (0, 1)
     * @param r2cs       anticipated Cox-Snell R²
     */
    public static Result of(int parameters, double prevalence, double r2cs) {
        double max = maxR2cs(prevalence);
        double s2 = r2cs / (r2cs + DELTA * max);
        double z = 1.959963984540054 / MARGIN;
        return new Result(ceil(shrinkageN(parameters, r2cs, SHRINKAGE)), ceil(shrinkageN(parameters, r2cs, s2)),
                ceil(z * z * prevalence * (1.0 - prevalence)), max);
    }

    /** Riley's conservative default: R²cs = 15% of its maximum. */
    public static Result conservative(int parameters, double prevalence) {
        return of(parameters, prevalence, CONSERVATIVE_SHARE * maxR2cs(prevalence));
    }

    private static int ceil(double n) {
        return (int) Math.ceil(n - 1e-9);
    }
}
