package io.spinemet.efficacy.scoring;

import io.spinemet.efficacy.catalogue.Procedure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which model made a prediction.
 *
 * @param id        stable model id
 * @param version   model version
 * @param procedure the operation it is for
 * @param method    the served fit ({@code firth} or {@code ml})
 * @param sha256    SHA-256 of the model file's bytes
 * @param cohort    the training cohort
 * @param card      URL path of the model card
 */
@Schema(description = "The model that made the prediction, and where its card is.")
public record ModelInfo(
        @Schema(examples = "spinemet-efficacy-pvp") String id,
        @Schema(examples = "1.0.0+3f2a9c1b7d4e") String version,
        Procedure procedure,
        @Schema(description = "The served fit: firth (penalized likelihood) or ml (maximum likelihood).",
                examples = "firth") String method,
        @Schema(description = "SHA-256 of the model file's bytes, lower-case hex.", pattern = "^[0-9a-f]{64}$")
        String sha256,
        CohortInfo cohort,
        @Schema(description = "URL path of the model card.", examples = "/api/v1/models/pvp") String card) {

    /**
     * The training cohort in brief.
     *
     * @param n             patients
     * @param events        patients with good efficacy
     * @param source        the cohort file's name
     * @param reconstructed true when the patients are not real
     * @param provenance    where the patients came from
     */
    @Schema(description = "The training cohort in brief.")
    public record CohortInfo(@Schema(minimum = "1") int n, @Schema(minimum = "0") int events, String source,
                             @Schema(description = "True when the patients are not real (reconstructed).")
                             boolean reconstructed,
                             String provenance) {
    }
}
