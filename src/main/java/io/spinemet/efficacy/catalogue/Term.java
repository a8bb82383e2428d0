package io.spinemet.efficacy.catalogue;

import java.util.Set;

/**
 * One column of a model's design matrix, derived from one factor.
 *
 * <p>A boolean factor gives the term {@code id} (1 when true); an integer factor gives the term {@code id} with the
 * count itself; a categorical factor gives one indicator term {@code id=LEVEL} for each level that is not the
 * reference, or a single grouped indicator such as {@code frankelGrade=A-C}.
 *
 * @param name       the term's name in model files and API responses
 * @param factorId   the factor it is derived from
 * @param indicatorOf the levels for which an indicator term is 1; empty for boolean and integer terms
 */
public record Term(String name, String factorId, Set<String> indicatorOf) {

    public Term {
        indicatorOf = Set.copyOf(indicatorOf);
    }

    /** The term's value in the design matrix for one factor value (Boolean, Integer or level String). */
    public double encode(Object value) {
        if (!indicatorOf.isEmpty()) {
            return indicatorOf.contains((String) value) ? 1.0 : 0.0;
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return ((Integer) value).doubleValue();
    }
}
