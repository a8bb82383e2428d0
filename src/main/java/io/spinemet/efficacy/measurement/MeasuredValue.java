package io.spinemet.efficacy.measurement;

import java.math.BigDecimal;

/**
 * One validated measurement: the value as sent and its canonical form.
 *
 * @param measurement its catalogue entry
 * @param sent        as sent: {@link BigDecimal} (QUANTITY), {@link Integer}, {@link String} (CODE),
 *                    {@code List<String>} (CODE_LIST) or {@link java.time.LocalDate}
 * @param unit        the unit as sent (QUANTITY), otherwise {@code null}
 * @param canonical   the value in the canonical unit (QUANTITY), otherwise the same as {@code sent}
 */
public record MeasuredValue(Measurement measurement, Object sent, String unit, Object canonical) {

    public String id() {
        return measurement.id();
    }

    /** The canonical numeric value of a QUANTITY or INTEGER. */
    public BigDecimal number() {
        return canonical instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) canonical;
    }

    /** The provenance entry of this value. */
    public DerivedFactor.Input asInput() {
        return measurement.valueType() == ValueType.QUANTITY
                ? new DerivedFactor.Input(id(), sent, unit, canonical, measurement.canonicalUnit())
                : new DerivedFactor.Input(id(), sent instanceof java.time.LocalDate d ? d.toString() : sent,
                        null, null, null);
    }
}
