package io.spinemet.efficacy.measurement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The plausible range of a numeric measurement, both ends included. A value outside it is rejected, never clamped.
 *
 * @param min  smallest plausible value
 * @param max  largest plausible value
 * @param unit the unit of {@code min} and {@code max} (the canonical unit) for quantities; {@code null} otherwise
 * @param step the grid values must lie on (KPS: 10), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Range(BigDecimal min, BigDecimal max, String unit, BigDecimal step) {

    static Range of(String min, String max, String unit) {
        return new Range(new BigDecimal(min), new BigDecimal(max), unit, null);
    }

    static Range integers(int min, int max) {
        return new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max), null, null);
    }

    static Range integers(int min, int max, int step) {
        return new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max), null, BigDecimal.valueOf(step));
    }

    public boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0
                && (step == null || value.subtract(min).remainder(step).signum() == 0);
    }

    /** Human text, for error messages and docs: {@code 0 to 100 in steps of 10}. */
    public String describe() {
        return min.toPlainString() + " to " + max.toPlainString() + (unit == null ? "" : " " + unit)
                + (step == null ? "" : " in steps of " + step.toPlainString());
    }
}
