package io.spinemet.efficacy.measurement;

/**
 * A factor a measurement contributes to, with the rule, its cut-off and where the cut-off comes from.
 *
 * @param factor the factor id in {@link io.spinemet.efficacy.catalogue.FactorCatalogue}
 * @param rule   the rule in words
 * @param cutoff the cut-off, or the mapping for a coded value
 * @param source the published source of the cut-off
 */
public record Derives(String factor, String rule, String cutoff, String source) {
}
