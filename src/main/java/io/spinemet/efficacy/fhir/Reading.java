package io.spinemet.efficacy.fhir;

/**
 * A value read from FHIR, in the measurement request shape of the JSON API (CONTRACTS.md C), with its provenance.
 *
 * @param id         the measurement (or, for a planned treatment, the factor) id
 * @param value      {@link Quantity}, {@link Integer}, {@link String} code, {@code List<String>} of codes, or a
 *                   {@link java.time.LocalDate}
 * @param provenance the resources it came from
 */
public record Reading(String id, Object value, Provenance provenance) {

    /** A measured quantity as the EHR sent it: the UCUM unit code is converted by the measurement layer, not here. */
    public record Quantity(java.math.BigDecimal value, String unit) {
    }
}
