package io.spinemet.efficacy.scores;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.Measurements;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Both scores of one patient (the answer of {@code POST /api/v1/scores} and a prediction's {@code scores}).
 *
 * @param tokuhashi the revised Tokuhashi score
 * @param tomita    the Tomita score
 */
@JsonPropertyOrder({"tokuhashi", "tomita"})
@Schema(name = "Scores", description = "The revised Tokuhashi and the Tomita scores.")
public record Scores(Score tokuhashi, Score tomita) {

    /** Both scores from validated measurements and their (conflict-free) derivation. */
    public static Scores of(Measurements m, FactorDerivation.Derivation derivation) {
        return new Scores(Tokuhashi.score(m), Tomita.score(m, derivation));
    }
}
