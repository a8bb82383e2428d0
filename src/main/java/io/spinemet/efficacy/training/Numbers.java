package io.spinemet.efficacy.training;

import java.math.BigDecimal;
import java.math.MathContext;

/** Rounding for model files: 12 significant digits, far below any statistical tolerance, above floating noise. */
final class Numbers {

    private static final MathContext DIGITS = new MathContext(12);

    private Numbers() {
    }

    /** The value to 12 significant digits; {@code null} when it is not finite (JSON has no NaN or infinity). */
    static Double round(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        return new BigDecimal(value).round(DIGITS).doubleValue();
    }
}
