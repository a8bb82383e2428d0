package io.spinemet.efficacy.scores;

import static io.spinemet.efficacy.measurement.MeasurementCatalogue.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.measurement.Measurements;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the revised Tokuhashi table (Tokuhashi et al., Spine 2005; NICE CG75 appendix 3; data dictionary
 * §5.1) and the band edges, with totals added up by hand from the published points.
 */
class TokuhashiTest {

    static Score score(Consumer<Measurements.Builder> given) {
        Measurements.Builder b = Measurements.builder(LocalDate.of(2026, 6, 30));
        given.accept(b);
        Measurements.Result r = b.build();
        assertEquals(List.of(), r.problems());
        return Tokuhashi.score(r.measurements());
    }

    /** A patient with every item at its best (2+2+2+2+5+2 = 15) except what {@code change} sets. */
    static Score best(Consumer<Measurements.Builder> change) {
        return score(b -> {
            b.integer(KPS, 100).integer(EXTRASPINAL, 0).integer(VERTEBRAE, 1).code(VISCERAL, "NONE")
                    .code(PRIMARY_SITE, "BREAST").code(FRANKEL, "E");
            change.accept(b);
        });
    }

    static int points(Score s, String item) {
        return s.items().stream().filter(i -> i.item().equals(item)).findFirst().orElseThrow().points();
    }

    @ParameterizedTest
    @CsvSource({"10, 0", "20, 0", "30, 0", "40, 0", "50, 1", "60, 1", "70, 1", "80, 2", "90, 2", "100, 2"})
    void generalConditionRows(int kps, int expected) {
        Score s = best(b -> b.integer(KPS, kps));
        assertEquals(expected, points(s, "General condition (KPS)"));
        assertEquals(13 + expected, s.total());
    }

    @ParameterizedTest
    @CsvSource({"0, 2", "1, 1", "2, 1", "3, 0", "10, 0"})
    void extraspinalBoneMetastasisFociRows(int foci, int expected) {
        assertEquals(expected, points(best(b -> b.integer(EXTRASPINAL, foci)), "Extraspinal bone metastasis foci"));
    }

    @ParameterizedTest
    @CsvSource({"1, 2", "2, 1", "3, 0", "7, 0"})
    void vertebralBodyRows(int vertebrae, int expected) {
        assertEquals(expected, points(best(b -> b.integer(VERTEBRAE, vertebrae)), "Metastases in the vertebral body"));
    }

    @ParameterizedTest
    @CsvSource({"UNREMOVABLE, 0", "REMOVABLE, 1", "NONE, 2"})
    void majorInternalOrganRows(String visceral, int expected) {
        assertEquals(expected, points(best(b -> b.code(VISCERAL, visceral)), "Metastases to major internal organs"));
    }

    /** Lung, osteosarcoma, stomach, bladder, oesophagus, pancreas 0; liver, gallbladder, unidentified 1; others 2;
     * kidney, uterus 3; rectum 4; thyroid, breast, prostate, carcinoid 5. */
    @ParameterizedTest
    @CsvSource({"LUNG, 0", "OSTEOSARCOMA, 0", "STOMACH, 0", "BLADDER, 0", "OESOPHAGUS, 0", "PANCREAS, 0",
                "LIVER, 1", "GALLBLADDER, 1", "UNKNOWN_PRIMARY, 1", "OTHER, 2", "COLON, 2", "KIDNEY, 3",
                "UTERUS, 3", "RECTUM, 4", "THYROID, 5", "BREAST, 5", "PROSTATE, 5", "CARCINOID, 5"})
    void primarySiteRows(String site, int expected) {
        assertEquals(expected, points(best(b -> b.code(PRIMARY_SITE, site)), "Primary site of the cancer"));
    }

    /** Palsy: Frankel A, B complete 0; C, D incomplete 1; E none 2. */
    @ParameterizedTest
    @CsvSource({"A, 0", "B, 0", "C, 1", "D, 1", "E, 2"})
    void palsyRows(String frankel, int expected) {
        assertEquals(expected, points(best(b -> b.code(FRANKEL, frankel)), "Palsy"));
    }

    @Test
    void asiaGradeScoresLikeTheSameFrankelLetter() {
        Score s = score(b -> b.integer(KPS, 100).integer(EXTRASPINAL, 0).integer(VERTEBRAE, 1)
                .code(VISCERAL, "NONE").code(PRIMARY_SITE, "BREAST").code(ASIA, "C"));
        assertEquals(1, points(s, "Palsy"));
    }

    /** Worked examples at each band edge. */
    @Test
    void bandEdges() {
        // KPS 30 (0) + 5 foci (0) + 4 vertebrae (0) + unremovable (0) + lung (0) + Frankel A (0) = 0
        Score zero = score(b -> b.integer(KPS, 30).integer(EXTRASPINAL, 5).integer(VERTEBRAE, 4)
                .code(VISCERAL, "UNREMOVABLE").code(PRIMARY_SITE, "LUNG").code(FRANKEL, "A"));
        assertBand(zero, 0, "0-8", "< 6 months");
        // KPS 60 (1) + 2 foci (1) + 2 vertebrae (1) + removable (1) + kidney (3) + Frankel D (1) = 8
        Score eight = score(b -> b.integer(KPS, 60).integer(EXTRASPINAL, 2).integer(VERTEBRAE, 2)
                .code(VISCERAL, "REMOVABLE").code(PRIMARY_SITE, "KIDNEY").code(FRANKEL, "D"));
        assertBand(eight, 8, "0-8", "< 6 months");
        // the same with Frankel E (2) = 9
        Score nine = score(b -> b.integer(KPS, 60).integer(EXTRASPINAL, 2).integer(VERTEBRAE, 2)
                .code(VISCERAL, "REMOVABLE").code(PRIMARY_SITE, "KIDNEY").code(FRANKEL, "E"));
        assertBand(nine, 9, "9-11", ">= 6 months");
        // KPS 80 (2) + 0 foci (2) + 2 vertebrae (1) + removable (1) + rectum (4) + Frankel C (1) = 11
        Score eleven = score(b -> b.integer(KPS, 80).integer(EXTRASPINAL, 0).integer(VERTEBRAE, 2)
                .code(VISCERAL, "REMOVABLE").code(PRIMARY_SITE, "RECTUM").code(FRANKEL, "C"));
        assertBand(eleven, 11, "9-11", ">= 6 months");
        // KPS 80 (2) + 0 foci (2) + 2 vertebrae (1) + none (2) + thyroid (5) + Frankel A (0) = 12
        Score twelve = score(b -> b.integer(KPS, 80).integer(EXTRASPINAL, 0).integer(VERTEBRAE, 2)
                .code(VISCERAL, "NONE").code(PRIMARY_SITE, "THYROID").code(FRANKEL, "A"));
        assertBand(twelve, 12, "12-15", ">= 1 year");
        assertBand(best(b -> { }), 15, "12-15", ">= 1 year");
        assertEquals("Excisional surgery", twelve.band().strategy());
        assertEquals("Conservative care or palliative surgery", eight.band().strategy());
        assertTrue(nine.band().strategy().startsWith("Palliative surgery"));
    }

    private static void assertBand(Score s, int total, String range, String prognosis) {
        assertTrue(s.computed());
        assertEquals(total, s.total());
        assertEquals(15, s.maximum());
        assertEquals(6, s.items().size());
        assertEquals(range, s.band().range());
        assertEquals(prognosis, s.band().prognosis());
        assertTrue(s.citation().contains("Spine 2005;30(19):2186-2191"));
    }

    // ---- missing inputs: not computed, no band ----

    @Test
    void extraspinalYesNoIsNotEnoughTheCountIsNeeded() {
        Score s = score(b -> b.integer(KPS, 80).integer(VERTEBRAE, 1).code(VISCERAL, "NONE")
                .code(PRIMARY_SITE, "BREAST").code(FRANKEL, "E"));
        assertFalse(s.computed());
        assertEquals(List.of(EXTRASPINAL), s.missingInputs());
        assertNull(s.total());
        assertNull(s.band());
    }

    @Test
    void everyMissingInputIsNamed() {
        Score s = score(b -> { });
        assertEquals(List.of(KPS, EXTRASPINAL, VERTEBRAE, VISCERAL, PRIMARY_SITE, FRANKEL), s.missingInputs());
    }

    // ---- ECOG where a KPS is needed: only through the published correspondence, with a warning ----

    /** ECOG 0 = KPS 90-100 (good, 2); 2 = KPS 50-60 (moderate, 1); 3 = 30-40 and 4 = 10-20 (poor, 0). */
    @ParameterizedTest
    @CsvSource({"0, 2", "2, 1", "3, 0", "4, 0"})
    void ecogConvertedWhereItFallsInOneBand(int ecog, int expected) {
        Score s = score(b -> b.integer(ECOG, ecog).integer(EXTRASPINAL, 0).integer(VERTEBRAE, 1)
                .code(VISCERAL, "NONE").code(PRIMARY_SITE, "BREAST").code(FRANKEL, "E"));
        assertTrue(s.computed());
        assertEquals(expected, points(s, "General condition (KPS)"));
        assertEquals(13 + expected, s.total());
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).contains("Oken"), s.warnings().get(0));
    }

    /** ECOG 1 = KPS 70-80 spans moderate (70) and good (80); ECOG 5 = dead: refused. */
    @ParameterizedTest
    @CsvSource({"1", "5"})
    void ecogRefusedWhereNoSingleBand(int ecog) {
        Score s = score(b -> b.integer(ECOG, ecog).integer(EXTRASPINAL, 0).integer(VERTEBRAE, 1)
                .code(VISCERAL, "NONE").code(PRIMARY_SITE, "BREAST").code(FRANKEL, "E"));
        assertFalse(s.computed());
        assertEquals(List.of(KPS), s.missingInputs());
        assertEquals(1, s.warnings().size());
    }

    @Test
    void aMeasuredKpsWinsOverEcogWithoutWarning() {
        Score s = best(b -> b.integer(ECOG, 3));
        assertEquals(2, points(s, "General condition (KPS)"));
        assertTrue(s.warnings() == null || s.warnings().isEmpty());
    }
}
