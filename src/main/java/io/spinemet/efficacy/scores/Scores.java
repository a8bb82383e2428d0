package io.spinemet.efficacy.scores;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.Measurements;
import java.util.Map;
import java.util.Optional;
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

    private static final Measurements NO_MEASUREMENTS = Measurements.empty();
    private static final FactorDerivation.Derivation NOTHING_DERIVED = FactorDerivation.derive(NO_MEASUREMENTS);

    /** Both scores from validated measurements and their (conflict-free) derivation. */
    public static Scores of(Measurements m, FactorDerivation.Derivation derivation) {
        return of(m, derivation, null);
    }

    /**
     * Both scores from validated measurements, their derivation, and factors given directly, which settle the items
     * they can when the measurement was not sent (see {@link GivenFactors}); {@code given} may be {@code null}.
     */
    public static Scores of(Measurements m, FactorDerivation.Derivation derivation, Map<String, Object> given) {
        GivenFactors factors = GivenFactors.of(given);
        return new Scores(Tokuhashi.score(m, factors), Tomita.score(m, derivation, factors));
    }

    /**
     * The scores of a patient given by factors alone, or empty when neither can be computed from them. Tokuhashi never
     * can (its general condition needs a KPS and its primary site the organ); Tomita can, from
     * {@code primaryTumorGrowth}, {@code visceralMetastasis = false}, {@code vertebraeInvolved} and
     * {@code extraspinalBoneMetastasis}.
     */
    public static Optional<Scores> ofFactors(Map<String, Object> given) {
        if (given == null || !given.containsKey(GivenFactors.GROWTH)) {
            return Optional.empty(); // cheap test first: single predictions from factors rarely give the class
        }
        Scores scores = of(NO_MEASUREMENTS, NOTHING_DERIVED, given);
        return scores.tokuhashi().computed() || scores.tomita().computed() ? Optional.of(scores) : Optional.empty();
    }
}
