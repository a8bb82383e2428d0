package io.spinemet.efficacy.scores;

import static io.spinemet.efficacy.measurement.MeasurementCatalogue.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.Measurements;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Factors given directly settle the score items whose published category they fix (Tokuhashi 2005, Tomita 2001;
 * data dictionary §5), and only those. Totals are added up by hand from the tables.
 */
class ScoresFromFactorsTest {

    static Scores scores(Consumer<Measurements.Builder> measured, Map<String, Object> factors) {
        Measurements.Builder b = Measurements.builder(LocalDate.of(2026, 6, 30));
        measured.accept(b);
        Measurements m = b.build().measurements();
        return Scores.of(m, FactorDerivation.derive(m), factors);
    }

    static Score.Item item(Score s, String name) {
        return s.items().stream().filter(i -> i.item().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, Object> factors(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void tomitaFromFactorsAlone() {
        // RAPID 4 + no visceral metastasis 0 + one vertebra, no extraspinal focus: solitary 1 = 5 (band 4-5)
        Scores s = Scores.ofFactors(factors("primaryTumorGrowth", "RAPID", "visceralMetastasis", false,
                "vertebraeInvolved", 1, "extraspinalBoneMetastasis", false)).orElseThrow();
        assertTrue(s.tomita().computed());
        assertEquals(5, s.tomita().total());
        assertEquals("4-5", s.tomita().band().range());
        assertEquals("factor primaryTumorGrowth = RAPID", item(s.tomita(), "Primary tumour").input());
        assertEquals(0, item(s.tomita(), "Visceral metastases").points());
        assertEquals("factor visceralMetastasis = false", item(s.tomita(), "Visceral metastases").input());
        assertEquals(1, item(s.tomita(), "Bone metastases (spine included)").points());
        // Tokuhashi needs the KPS and the primary site, which no factor gives
        assertFalse(s.tokuhashi().computed());
        assertEquals(List.of(KPS, PRIMARY_SITE, FRANKEL), s.tokuhashi().missingInputs());
    }

    @Test
    void anExtraspinalFocusMakesTomitasBoneMetastasesMultiple() {
        // SLOW 1 + none 0 + multiple 2 = 3 (band 2-3)
        Scores s = Scores.ofFactors(factors("primaryTumorGrowth", "SLOW", "visceralMetastasis", false,
                "vertebraeInvolved", 1, "extraspinalBoneMetastasis", true)).orElseThrow();
        assertEquals(2, item(s.tomita(), "Bone metastases (spine included)").points());
        assertEquals(3, s.tomita().total());
        assertEquals("2-3", s.tomita().band().range());
    }

    @Test
    void aVisceralMetastasisAsYesOrNoDoesNotSayTreatable() {
        Optional<Scores> s = Scores.ofFactors(factors("primaryTumorGrowth", "MODERATE", "visceralMetastasis", true,
                "vertebraeInvolved", 2, "extraspinalBoneMetastasis", false));
        assertTrue(s.isEmpty(), "Tomita cannot be computed, so a factor-only answer carries no scores");
        Score tomita = scores(b -> { }, factors("primaryTumorGrowth", "MODERATE", "visceralMetastasis", true,
                "vertebraeInvolved", 2, "extraspinalBoneMetastasis", false)).tomita();
        assertEquals(List.of(VISCERAL), tomita.missingInputs());
        assertTrue(tomita.warnings().get(0).contains("visceralMetastasis = true"), tomita.warnings().toString());
    }

    @Test
    void factorsAloneWithoutTheGrowthClassGiveNoScores() {
        assertTrue(Scores.ofFactors(factors("malnutrition", true, "poorPerformanceStatus", false)).isEmpty());
        assertTrue(Scores.ofFactors(factors("visceralMetastasis", false, "vertebraeInvolved", 1,
                "extraspinalBoneMetastasis", false)).isEmpty());
        assertTrue(Scores.ofFactors(null).isEmpty());
    }

    @Test
    void tokuhashiFromMeasurementsAndFactors() {
        // KPS 60: 1; extraspinalBoneMetastasis = false: 0 foci, 2; vertebraeInvolved 2: 1;
        // visceralMetastasis = false: 2; BREAST: 5; frankelGrade D: 1. Total 12 (band 12-15).
        Scores s = scores(b -> b.integer(KPS, 60).code(PRIMARY_SITE, "BREAST"),
                factors("extraspinalBoneMetastasis", false, "vertebraeInvolved", 2, "visceralMetastasis", false,
                        "frankelGrade", "D"));
        Score t = s.tokuhashi();
        assertTrue(t.computed(), t.toString());
        assertEquals(12, t.total());
        assertEquals("12-15", t.band().range());
        assertEquals(2, item(t, "Extraspinal bone metastasis foci").points());
        assertEquals("factor extraspinalBoneMetastasis = false", item(t, "Extraspinal bone metastasis foci").input());
        assertEquals(1, item(t, "Metastases in the vertebral body").points());
        assertEquals("factor vertebraeInvolved = 2", item(t, "Metastases in the vertebral body").input());
        assertEquals(2, item(t, "Metastases to major internal organs").points());
        assertEquals(1, item(t, "Palsy").points());
        assertEquals("factor frankelGrade = D", item(t, "Palsy").input());
        // Tomita from the same inputs: BREAST slow 1 + none 0 + 2 vertebrae multiple 2 = 3
        assertEquals(3, s.tomita().total());
    }

    @Test
    void yesOrNoFactorsThatSpanCategoriesLeaveTokuhashisItemsToTheirMeasurements() {
        Score t = scores(b -> b.integer(KPS, 80).code(PRIMARY_SITE, "PROSTATE").integer(VERTEBRAE, 1)
                .code(FRANKEL, "E"), factors("extraspinalBoneMetastasis", true, "visceralMetastasis", true,
                "poorPerformanceStatus", false)).tokuhashi();
        assertFalse(t.computed());
        assertEquals(List.of(EXTRASPINAL, VISCERAL), t.missingInputs());
        assertEquals(2, t.warnings().size(), t.warnings().toString());
    }

    @Test
    void aMeasurementIsPreferredToTheFactorAndNamedAsTheInput() {
        // both given and agreeing (a conflict is refused before scoring): the item names the measurement
        // KPS 80: 2; 0 foci: 2; 3 vertebrae: 0; none: 2; BREAST: 5; Frankel E: 2. Total 13.
        Score t = scores(b -> b.integer(KPS, 80).integer(EXTRASPINAL, 0).integer(VERTEBRAE, 3).code(VISCERAL, "NONE")
                .code(PRIMARY_SITE, "BREAST").code(FRANKEL, "E"), factors("vertebraeInvolved", 3)).tokuhashi();
        assertEquals("3 vertebrae", item(t, "Metastases in the vertebral body").input());
        assertEquals(0, item(t, "Metastases in the vertebral body").points());
        assertEquals(13, t.total());
    }
}
