package io.spinemet.efficacy.measurement;

import java.math.BigDecimal;

/** Decimal helpers. */
final class Numbers {

    private Numbers() {
    }

    /** Without trailing zeros and without an exponent: 40, not 4E+1; 3.5, not 3.50. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
