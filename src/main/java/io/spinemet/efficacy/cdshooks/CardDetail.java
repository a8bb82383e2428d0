package io.spinemet.efficacy.cdshooks;

import java.util.List;

/**
 * What the card's Markdown {@code detail} says, worded and formatted by {@link CardBuilder}; the Qute template
 * {@code templates/cds/detail.md} only lays it out and escapes every value ({@link MarkdownText}), since many carry
 * text from the EHR.
 *
 * @param predictions one row per operation and scenario, the selected operation first
 * @param assumed     whether some rows assume planned treatments (the rows are then labelled associational)
 * @param factors     the factors known, each with the resources it came from
 * @param missing     factors without which no probability is given, with what would supply them
 * @param problems    values that could not be used, with why
 * @param incomplete  data that was read only in part (a FHIR search cut off at the page cap)
 * @param notes       what could not be read or how it was read
 * @param scores      the Tokuhashi and Tomita scores in words, or {@code null} when not computed
 * @param limitations the models' warnings
 * @param skipped     records not used, with why
 * @param models      the models used
 */
public record CardDetail(List<Prediction> predictions, boolean assumed, List<FactorRow> factors,
                         List<Missing> missing, List<String> problems, List<String> incomplete, List<String> notes,
                         String scores, List<String> limitations, List<Skipped> skipped, List<Model> models) {

    /**
     * @param operation   the operation's label, "(selected)" appended for the ordered one
     * @param predicted   whether a probability is given
     * @param probability e.g. {@code 73%}
     * @param interval    e.g. {@code 20%-97%}
     * @param assuming    the assumed planned treatments, "as recorded", or (not predicted) the missing factors
     */
    public record Prediction(String operation, boolean predicted, String probability, String interval,
                             String assuming) {
    }

    /** A factor's label, value, sources ({@code Observation/1, ...}) and rule. */
    public record FactorRow(String label, String value, String sources, String rule) {
    }

    /** A missing factor's label and what would supply it. */
    public record Missing(String label, String needs) {
    }

    /** A record not used ({@code Observation/1}) and why. */
    public record Skipped(String reference, String reason) {
    }

    /** A model: id, version and file SHA-256 (trusted, printed as code) and its cohort's provenance. */
    public record Model(String id, String version, String sha256, String provenance) {
    }
}
