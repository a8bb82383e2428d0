package io.spinemet.efficacy.scores;

import static io.spinemet.efficacy.measurement.MeasurementCatalogue.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.Measurements;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the Tomita table (Tomita et al., Spine 2001; data dictionary §5.2) and every band edge, with totals
 * added up by hand.
 */
class TomitaTest {

    static Score score(Consumer<Measurements.Builder> given) {
        Measurements.Builder b = Measurements.builder(LocalDate.of(2026, 6, 30));
        given.accept(b);
        Measurements.Result r = b.build();
        assertEquals(List.of(), r.problems());
        return Tomita.score(r.measurements(), FactorDerivation.derive(r.measurements()));
    }

    static int points(Score s, String item) {
        return s.items().stream().filter(i -> i.item().equals(item)).findFirst().orElseThrow().points();
    }

    /** Slow growth 1, moderate 2, rapid 4. */
    @ParameterizedTest
    @CsvSource({"BREAST, 1", "THYROID, 1", "PROSTATE, 1", "KIDNEY, 2", "UTERUS, 2", "LUNG, 4", "STOMACH, 4",
                "LIVER, 4", "COLON, 4", "UNKNOWN_PRIMARY, 4"})
    void primaryTumourRows(String site, int expected) {
        Score s = score(b -> b.code(PRIMARY_SITE, site).code(VISCERAL, "NONE").integer(VERTEBRAE, 1)
                .integer(EXTRASPINAL, 0));
        assertEquals(expected, points(s, "Primary tumour"));
        assertEquals(expected + 1, s.total());
    }

    @ParameterizedTest
    @CsvSource({"SLOW, 1", "MODERATE, 2", "RAPID, 4"})
    void classGivenForASiteTomitaDoesNotName(String growth, int expected) {
        Score s = score(b -> b.code(PRIMARY_SITE, "PANCREAS").code(GROWTH_CLASS, growth).code(VISCERAL, "NONE")
                .integer(VERTEBRAE, 1).integer(EXTRASPINAL, 0));
        assertEquals(expected, points(s, "Primary tumour"));
    }

    /** Visceral: none 0, treatable 2, untreatable 4. */
    @ParameterizedTest
    @CsvSource({"NONE, 0", "REMOVABLE, 2", "UNREMOVABLE, 4"})
    void visceralRows(String visceral, int expected) {
        Score s = score(b -> b.code(PRIMARY_SITE, "BREAST").code(VISCERAL, visceral).integer(VERTEBRAE, 1)
                .integer(EXTRASPINAL, 0));
        assertEquals(expected, points(s, "Visceral metastases"));
    }

    /** Bone, spine included: one vertebra and nothing else is solitary (1); any second lesion is multiple (2). */
    @ParameterizedTest
    @CsvSource({"1, 0, 1", "2, 0, 2", "1, 1, 2", "5, 3, 2"})
    void boneRows(int vertebrae, int extraspinal, int expected) {
        Score s = score(b -> b.code(PRIMARY_SITE, "BREAST").code(VISCERAL, "NONE").integer(VERTEBRAE, vertebrae)
                .integer(EXTRASPINAL, extraspinal));
        assertEquals(expected, points(s, "Bone metastases (spine included)"));
    }

    @Test
    void multipleNeedsOnlyOneCountThatShowsASecondLesion() {
        Score s = score(b -> b.code(PRIMARY_SITE, "BREAST").code(VISCERAL, "NONE").integer(VERTEBRAE, 2));
        assertTrue(s.computed());
        assertEquals(2, points(s, "Bone metastases (spine included)"));
        Score solitaryUnknown = score(b -> b.code(PRIMARY_SITE, "BREAST").code(VISCERAL, "NONE")
                .integer(VERTEBRAE, 1));
        assertFalse(solitaryUnknown.computed());
        assertEquals(List.of(EXTRASPINAL), solitaryUnknown.missingInputs());
    }

    /** Worked examples at every band edge: 2, 3 | 4, 5 | 6, 7 | 8, 10. */
    @ParameterizedTest
    @CsvSource({
        "BREAST, NONE, 1, 0, 2, 2-3, Long-term local control, Wide or marginal excision",          // 1+0+1
        "BREAST, NONE, 2, 0, 3, 2-3, Long-term local control, Wide or marginal excision",          // 1+0+2
        "KIDNEY, NONE, 3, 1, 4, 4-5, Middle-term local control, Marginal or intralesional excision", // 2+0+2
        "LUNG, NONE, 1, 0, 5, 4-5, Middle-term local control, Marginal or intralesional excision",   // 4+0+1
        "LUNG, NONE, 1, 2, 6, 6-7, Short-term palliation, Palliative surgery",                     // 4+0+2
        "BREAST, UNREMOVABLE, 4, 0, 7, 6-7, Short-term palliation, Palliative surgery",            // 1+4+2
        "LUNG, REMOVABLE, 2, 0, 8, 8-10, Terminal care, 'Supportive, non-operative care'",         // 4+2+2
        "LUNG, UNREMOVABLE, 3, 3, 10, 8-10, Terminal care, 'Supportive, non-operative care'"})     // 4+4+2
    void bandEdges(String site, String visceral, int vertebrae, int extraspinal, int total, String range,
                   String goal, String strategy) {
        Score s = score(b -> b.code(PRIMARY_SITE, site).code(VISCERAL, visceral).integer(VERTEBRAE, vertebrae)
                .integer(EXTRASPINAL, extraspinal));
        assertTrue(s.computed());
        assertEquals(total, s.total());
        assertEquals(10, s.maximum());
        assertEquals(range, s.band().range());
        assertEquals(goal, s.band().prognosis());
        assertEquals(strategy, s.band().strategy());
        assertTrue(s.citation().contains("Spine 2001;26(3):298-306"));
    }

    @Test
    void missingInputsAreNamedAndNoBandIsGuessed() {
        Score s = score(b -> b.code(PRIMARY_SITE, "RECTUM").integer(VERTEBRAE, 1).integer(EXTRASPINAL, 0));
        assertFalse(s.computed());
        assertEquals(List.of(GROWTH_CLASS, VISCERAL), s.missingInputs());
        assertNull(s.band());
        assertEquals(List.of(PRIMARY_SITE, VISCERAL, VERTEBRAE, EXTRASPINAL), score(b -> { }).missingInputs());
    }
}
