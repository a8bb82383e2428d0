package io.spinemet.efficacy.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A preoperative factor the study analysed: everything the reader, training, validation, OpenAPI and docs need to
 * know about it.
 *
 * @param id              camelCase id used in CSV headers, JSON and model terms
 * @param label           short human label
 * @param definition      operational definition with its cut-off
 * @param source          where the cut-off comes from (data dictionary §2)
 * @param type            how values are written
 * @param levels          allowed levels of a categorical factor, in order; empty otherwise
 * @param referenceLevel  the level (or group of levels) the model contrasts against; {@code "false"} for booleans,
 *                        {@code null} for integers
 * @param minimum         smallest allowed value of an integer factor, otherwise {@code null}
 * @param procedures      the procedures whose analyses use the factor
 * @param riskValue       the value the study reported as the risk for poor efficacy, or {@code null} if it named none
 * @param independentIn   procedures in which the study reported the factor as an independent risk (multivariable)
 * @param modifiability   whether and when it can be changed
 * @param favourableValue for a modifiable factor, the value that lowers the risk; otherwise {@code null}
 * @param terms           the design-matrix terms it contributes
 */
public record Factor(
        String id,
        String label,
        String definition,
        String source,
        FactorType type,
        List<String> levels,
        String referenceLevel,
        Integer minimum,
        Set<Procedure> procedures,
        String riskValue,
        Set<Procedure> independentIn,
        Modifiability modifiability,
        Object favourableValue,
        List<Term> terms) {

    public Factor {
        levels = List.copyOf(levels);
        procedures = Set.copyOf(procedures);
        independentIn = Set.copyOf(independentIn);
        terms = List.copyOf(terms);
    }

    public boolean usedIn(Procedure procedure) {
        return procedures.contains(procedure);
    }

    public boolean modifiable() {
        return modifiability.modifiable();
    }

    /** What a valid value looks like, for error messages and docs. */
    public String allowedValues() {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case CATEGORICAL -> "one of " + String.join(", ", levels);
            case INTEGER -> "an integer >= " + minimum;
        };
    }

    /**
     * Checks an already-typed value (Boolean, Integer or level String) without any coercion.
     *
     * @return empty when valid, otherwise what is allowed
     */
    public Optional<String> problemWith(Object value) {
        return allows(value) ? Optional.empty() : Optional.of("must be " + allowedValues());
    }

    /** Whether an already-typed value (Boolean, Integer or level String) is valid, without any coercion. */
    public boolean allows(Object value) {
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean;
            case CATEGORICAL -> value instanceof String s && levels.contains(s);
            case INTEGER -> value instanceof Integer i && i >= minimum;
        };
    }

    /**
     * Parses a CSV cell. Booleans accept {@code 0}/{@code 1} and {@code true}/{@code false}; levels must be written
     * exactly; integers must be whole numbers within range.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public Object parseCsv(String text) {
        String t = text == null ? "" : text.trim();
        Object value = switch (type) {
            case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                case "1", "true" -> Boolean.TRUE;
                case "0", "false" -> Boolean.FALSE;
                default -> null;
            };
            case CATEGORICAL -> t;
            case INTEGER -> parseInteger(t);
        };
        if (value == null || !allows(value)) {
            throw new IllegalArgumentException(
                    "must be " + (type == FactorType.BOOLEAN ? "0, 1, true or false" : allowedValues()));
        }
        return value;
    }

    /** The value written back to CSV: {@code 0}/{@code 1}, the level, or the count. */
    public String formatCsv(Object value) {
        return value instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(value);
    }

    private static Integer parseInteger(String t) {
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
