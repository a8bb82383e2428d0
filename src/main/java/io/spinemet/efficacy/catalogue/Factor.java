package io.spinemet.efficacy.catalogue;

import java.util.List;
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
 * @param maximum         largest plausible value of an integer factor, otherwise {@code null}
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
        Integer maximum,
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

    /** A factor without an upper bound (the form before {@code maximum} existed). */
    public Factor(String id, String label, String definition, String source, FactorType type, List<String> levels,
                  String referenceLevel, Integer minimum, Set<Procedure> procedures, String riskValue,
                  Set<Procedure> independentIn, Modifiability modifiability, Object favourableValue, List<Term> terms) {
        this(id, label, definition, source, type, levels, referenceLevel, minimum, null, procedures, riskValue,
                independentIn, modifiability, favourableValue, terms);
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
            case INTEGER -> maximum == null ? "an integer >= " + minimum : "an integer from " + minimum + " to "
                    + maximum;
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
            case INTEGER -> value instanceof Integer i && i >= minimum && (maximum == null || i <= maximum);
        };
    }

    /**
     * Parses a CSV cell by the same rules as a JSON value: booleans are exactly {@code true}/{@code false} (or the
     * cohort file's {@code 1}/{@code 0}), never {@code TRUE}, {@code yes} or {@code 1.0}; levels must be written
     * exactly; integers are ASCII digits as JSON writes them (no sign, no leading zero, no {@code 2.0}, no non-ASCII
     * digits) within range.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public Object parseCsv(String text) {
        String t = text == null ? "" : text.trim();
        Object value = switch (type) {
            case BOOLEAN -> switch (t) {
                case "1", "true" -> Boolean.TRUE;
                case "0", "false" -> Boolean.FALSE;
                default -> null;
            };
            case CATEGORICAL -> t;
            case INTEGER -> parseInteger(t);
        };
        if (value == null || !allows(value)) {
            throw new IllegalArgumentException(
                    "must be " + (type == FactorType.BOOLEAN ? "true, false, 1 or 0" : allowedValues()));
        }
        return value;
    }

    /** The value written back to CSV: {@code 0}/{@code 1}, the level, or the count. */
    public String formatCsv(Object value) {
        return value instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(value);
    }

    /** A JSON-style integer: {@code 0} or a non-zero ASCII digit followed by at most 8 more. */
    private static final java.util.regex.Pattern JSON_INTEGER = java.util.regex.Pattern.compile("0|[1-9][0-9]{0,8}");

    private static Integer parseInteger(String t) {
        if (!JSON_INTEGER.matcher(t).matches()) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
