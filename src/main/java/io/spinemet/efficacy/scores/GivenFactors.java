package io.spinemet.efficacy.scores;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Factors given directly (not derived from measurements), read for the score items they settle when the measurement
 * itself was not sent. A factor settles an item only where its value puts the patient in one published category:
 * {@code vertebraeInvolved} (a count) and {@code frankelGrade} always; {@code extraspinalBoneMetastasis} and
 * {@code visceralMetastasis} only when false (no focus, no visceral metastasis), because true does not say how many
 * foci or whether the metastasis is removable; {@code primaryTumorGrowth} for Tomita's primary-tumour item. Every item
 * so scored names the factor as its input.
 */
final class GivenFactors {

    static final GivenFactors NONE = new GivenFactors(Map.of());

    static final String VERTEBRAE = "vertebraeInvolved";
    static final String EXTRASPINAL = "extraspinalBoneMetastasis";
    static final String VISCERAL = "visceralMetastasis";
    static final String FRANKEL = "frankelGrade";
    static final String GROWTH = "primaryTumorGrowth";

    private final Map<String, Object> values;

    private GivenFactors(Map<String, Object> values) {
        this.values = values;
    }

    /** @param values validated factor values as given (id to Boolean, Integer or String) */
    static GivenFactors of(Map<String, Object> values) {
        return values == null || values.isEmpty() ? NONE : new GivenFactors(values);
    }

    Optional<Integer> vertebrae() {
        return values.get(VERTEBRAE) instanceof Integer n ? Optional.of(n) : Optional.empty();
    }

    Optional<Boolean> extraspinal() {
        return values.get(EXTRASPINAL) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    Optional<Boolean> visceral() {
        return values.get(VISCERAL) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    Optional<String> frankel() {
        return values.get(FRANKEL) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    Optional<String> growth() {
        return values.get(GROWTH) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The input text of an item scored from a factor: {@code factor visceralMetastasis = false}. */
    static String input(String factor, Object value) {
        return "factor " + factor + " = " + value;
    }

    /**
     * The item a yes/no factor settles when it is false ({@code none}, scored from the factor); when it is true, no
     * item, and a warning that says what it does not tell and which measurement does.
     */
    static Optional<Score.Item> whenFalse(Optional<Boolean> value, String factor, String measurement, String why,
                                          Function<String, Score.Item> none, List<String> warnings) {
        return value.flatMap(any -> {
            if (any) {
                warnings.add("The factor " + factor + " = true does not say " + why + ": give " + measurement + ".");
                return Optional.empty();
            }
            return Optional.of(none.apply(input(factor, false)));
        });
    }
}
