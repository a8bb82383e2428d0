package io.spinemet.efficacy.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.scoring.Prediction.ModifiableFactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scorer against values worked out by hand (z = 1.959964, expit(e) = 1 / (1 + exp(-e))); the arithmetic is in the
 * comments. None of these numbers were taken from the program's output.
 */
class ScorerTest {

    private static final double TOL = 1e-9;

    /**
     * PVP model: intercept 0.5, malnutrition -1.0; covariance [[0.04, -0.02], [-0.02, 0.09]]. Cohort: reconstructed,
     * 2 events per variable, separation detected, only the pattern {malnutrition: false} seen.
     */
    private static final LoadedModel ONE_TERM = TestModels.loaded(TestModels.file(Procedure.PVP,
            List.of("malnutrition"), new double[] {0.5, -1.0}, new double[][] {{0.04, -0.02}, {-0.02, 0.09}},
            new TestModels.Cohort(20, 12, 2.0, true, true, List.of(Map.of("malnutrition", false)))));

    /** Same numbers, clean cohort: real, 12 events per variable, no separation, both patterns seen. */
    private static final LoadedModel CLEAN = TestModels.loaded(TestModels.file(Procedure.PVP,
            List.of("malnutrition"), new double[] {0.5, -1.0}, new double[][] {{0.04, -0.02}, {-0.02, 0.09}},
            new TestModels.Cohort(40, 30, 12.0, false, false,
                    List.of(Map.of("malnutrition", false), Map.of("malnutrition", true)))));

    /**
     * Var(x'β) = 1.0 for malnourished (0.25 + 2(0) + 0.75): half-width 1.96 on the logit scale around η = -0.5 gives
     * expit(-2.46) = 0.0787 to expit(1.46) = 0.8115, width 0.73 > 0.5: warned. Well nourished: var 0.25, half-width
     * 0.98 around 0.5: expit(-0.48) = 0.382 to expit(1.48) = 0.815, width 0.43: not warned.
     */
    @Test
    void wideIntervalIsWarnedAsUninformativeAndWhatIfsAreAssociations() {
        LoadedModel wide = TestModels.loaded(TestModels.file(Procedure.PVP, List.of("malnutrition"),
                new double[] {0.5, -1.0}, new double[][] {{0.25, 0.0}, {0.0, 0.75}},
                new TestModels.Cohort(40, 30, 12.0, false, false,
                        List.of(Map.of("malnutrition", false), Map.of("malnutrition", true)))));
        Prediction bad = Scorer.predict(wide, Map.of("malnutrition", true));
        assertTrue(bad.confidenceInterval().upper() - bad.confidenceInterval().lower() > 0.5);
        assertTrue(bad.warnings().stream().anyMatch(w -> w.code().equals("UNINFORMATIVE_INTERVAL")), bad.warnings()
                .toString());
        Prediction ok = Scorer.predict(wide, Map.of("malnutrition", false));
        assertTrue(ok.warnings().stream().noneMatch(w -> w.code().equals("UNINFORMATIVE_INTERVAL")));
        assertTrue(bad.modifiableFactors().get(0).interpretation().contains("not a causal effect"));
    }

    @Test
    void malnourishedPatient() {
        // x = (1, 1): eta = 0.5 - 1.0 = -0.5; p = 1 / (1 + e^0.5) = 1 / 2.6487212707 = 0.3775406688
        // x'Σx = 0.04 + 2(-0.02) + 0.09 = 0.09, se = 0.3, half-width = 1.959964 * 0.3 = 0.5879892
        // lower = expit(-1.0879892) = 0.2519971151, upper = expit(0.0879892) = 0.5219831177
        Prediction p = Scorer.predict(ONE_TERM, Map.of("malnutrition", true));
        assertEquals(0.3775406688, p.probability(), TOL);
        assertEquals(0.2519971151, p.confidenceInterval().lower(), TOL);
        assertEquals(0.5219831177, p.confidenceInterval().upper(), TOL);
        assertEquals(0.95, p.confidenceInterval().level());
        assertEquals(-0.5, p.linearPredictor(), TOL);
        assertEquals(0.5, p.intercept(), TOL);
        // baseline = events / n = 12 / 20
        assertEquals(0.6, p.baselineRate(), TOL);
    }

    @Test
    void wellNourishedPatient() {
        // x = (1, 0): eta = 0.5, p = 0.6224593312; x'Σx = 0.04, se = 0.2, half-width = 0.3919928
        // lower = expit(0.1080072) = 0.5269755821, upper = expit(0.8919928) = 0.7093012446
        Scorer.Estimate e = Scorer.estimate(ONE_TERM, Map.of("malnutrition", false));
        assertEquals(0.6224593312, e.probability(), TOL);
        assertEquals(0.5269755821, e.lower(), TOL);
        assertEquals(0.7093012446, e.upper(), TOL);
    }

    @Test
    void contributionsAddUpToTheLogOdds() {
        Prediction p = Scorer.predict(ONE_TERM, Map.of("malnutrition", true));
        assertEquals(1, p.contributions().size());
        Prediction.Contribution c = p.contributions().get(0);
        assertEquals("malnutrition", c.factor());
        assertEquals(true, c.value());
        Prediction.TermContribution t = c.terms().get(0);
        assertEquals("malnutrition", t.term());
        assertEquals(1.0, t.x());
        assertEquals(-1.0, t.coefficient(), TOL);
        // OR = e^-1 = 0.3678794412
        assertEquals(0.3678794412, t.oddsRatio(), TOL);
        assertEquals(-1.0, t.contribution(), TOL);
        // a term at 0 contributes +0.0, not -0.0
        Prediction q = Scorer.predict(ONE_TERM, Map.of("malnutrition", false));
        assertEquals("0.0", Double.toString(q.contributions().get(0).terms().get(0).contribution()));
    }

    @Test
    void modifiableFactorAtRiskValueShowsTheFavourableScenario() {
        // malnutrition is modifiable before surgery, favourable value false: the scenario is the x = (1, 0) row
        Prediction p = Scorer.predict(ONE_TERM, Map.of("malnutrition", true));
        assertEquals(1, p.modifiableFactors().size());
        ModifiableFactor m = p.modifiableFactors().get(0);
        assertEquals("malnutrition", m.factor());
        assertEquals(true, m.currentValue());
        assertEquals(false, m.favourableValue());
        assertEquals(0.6224593312, m.probability(), TOL);
        assertEquals(0.5269755821, m.confidenceInterval().lower(), TOL);
        assertEquals(0.7093012446, m.confidenceInterval().upper(), TOL);
        // already favourable: nothing to show
        assertTrue(Scorer.predict(ONE_TERM, Map.of("malnutrition", false)).modifiableFactors().isEmpty());
    }

    @Test
    void inputsTheModelDoesNotUseAreReportedAsIgnored() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("malnutrition", true);
        values.put("leukopenia", false);
        values.put("vertebraeInvolved", 3);
        Prediction p = Scorer.predict(ONE_TERM, values);
        assertEquals(List.of("malnutrition"), p.inputsUsed());
        assertEquals(List.of("leukopenia", "vertebraeInvolved"), p.inputsIgnored());
    }

    @Test
    void warnings() {
        // unseen: only {malnutrition: false} is in the cohort
        assertEquals(List.of("RECONSTRUCTED_COHORT", "UNSEEN_COMBINATION", "SEPARATION", "LOW_EVENTS_PER_VARIABLE"),
                codes(Scorer.predict(ONE_TERM, Map.of("malnutrition", true))));
        assertEquals(List.of("RECONSTRUCTED_COHORT", "SEPARATION", "LOW_EVENTS_PER_VARIABLE"),
                codes(Scorer.predict(ONE_TERM, Map.of("malnutrition", false))));
        assertEquals(List.of(), codes(Scorer.predict(CLEAN, Map.of("malnutrition", true))));
    }

    @Test
    void integerAndCategoricalTerms() {
        // terms: (Intercept) -1.0, primaryTumorGrowth=MODERATE 0.5, =RAPID -0.75, vertebraeInvolved 0.25; Σ = 0.01 I
        LoadedModel m = TestModels.loaded(TestModels.file(Procedure.PVP,
                List.of("primaryTumorGrowth", "vertebraeInvolved"), new double[] {-1.0, 0.5, -0.75, 0.25},
                diagonal(4, 0.01), new TestModels.Cohort(30, 15, 5, false, false, List.of())));
        // RAPID, 3 vertebrae: x = (1, 0, 1, 3); eta = -1 - 0.75 + 0.75 = -1.0, p = 1 / (1 + e) = 0.2689414214
        // x'Σx = 0.01 (1 + 1 + 9) = 0.11, se = 0.3316624790, half-width = 0.6500463
        // lower = expit(-1.6500463) = 0.1611026632, upper = expit(-0.3499537) = 0.4133937006
        Prediction p = Scorer.predict(m, Map.of("primaryTumorGrowth", "RAPID", "vertebraeInvolved", 3));
        assertEquals(0.2689414214, p.probability(), TOL);
        assertEquals(0.1611026632, p.confidenceInterval().lower(), TOL);
        assertEquals(0.4133937006, p.confidenceInterval().upper(), TOL);
        Prediction.Contribution growth = p.contributions().get(0);
        assertEquals(List.of("primaryTumorGrowth=MODERATE", "primaryTumorGrowth=RAPID"),
                growth.terms().stream().map(Prediction.TermContribution::term).toList());
        assertEquals(0.0, growth.terms().get(0).contribution());
        assertEquals(-0.75, growth.terms().get(1).contribution(), TOL);
        assertEquals(0.75, p.contributions().get(1).terms().get(0).contribution(), TOL);
        // SLOW (the reference), 1 vertebra: eta = -1 + 0.25 = -0.75, p = 1 / (1 + e^0.75) = 0.3208213008
        assertEquals(0.3208213008, Scorer.estimate(m, Map.of("primaryTumorGrowth", "SLOW", "vertebraeInvolved", 1))
                .probability(), TOL);
    }

    @Test
    void frankelGradeIsOneGroupedTerm() {
        // (Intercept) 1.0, frankelGrade=A-C -2.0: A, B, C give eta = -1 (p = 0.2689414214); D, E give eta = 1
        LoadedModel m = TestModels.loaded(TestModels.file(Procedure.DECOMPRESSION, List.of("frankelGrade"),
                new double[] {1.0, -2.0}, diagonal(2, 0.1), new TestModels.Cohort(18, 13, 5, false, false,
                        List.of(Map.of("frankelGrade", "A")))));
        for (String g : List.of("A", "B", "C")) {
            assertEquals(0.2689414214, Scorer.estimate(m, Map.of("frankelGrade", g)).probability(), TOL, g);
        }
        for (String g : List.of("D", "E")) {
            assertEquals(0.7310585786, Scorer.estimate(m, Map.of("frankelGrade", g)).probability(), TOL, g);
        }
        // C has the same design row as the seen pattern A: not an unseen combination; var 0.2, CI 0.133 to 0.469 is
        // narrower than 0.5
        assertEquals(List.of("LOW_EVENTS_PER_VARIABLE"), codes(Scorer.predict(m, Map.of("frankelGrade", "C"))));
        assertTrue(codes(Scorer.predict(m, Map.of("frankelGrade", "E"))).contains("UNSEEN_COMBINATION"));
    }

    @Test
    void missingOrInvalidValuesAreRefusedNotDefaulted() {
        assertThrows(IllegalArgumentException.class, () -> Scorer.predict(ONE_TERM, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Scorer.predict(ONE_TERM, Map.of("malnutrition", 1)));
    }

    @Test
    void expitIsStableAtTheExtremes() {
        assertEquals(1.0, Scorer.expit(800), 0);
        assertEquals(0.0, Scorer.expit(-800), 0);
        assertEquals(0.5, Scorer.expit(0), 0);
    }

    @Test
    void modelInfo() {
        ModelInfo info = ONE_TERM.info();
        assertEquals("test-pvp", info.id());
        assertEquals("f".repeat(64), info.sha256());
        assertEquals("/api/v1/models/pvp", info.card());
        assertEquals(20, info.cohort().n());
        assertEquals(12, info.cohort().events());
    }

    private static List<String> codes(Prediction p) {
        return p.warnings().stream().map(Prediction.Warning::code).toList();
    }

    static double[][] diagonal(int n, double v) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = v;
        }
        return m;
    }
}
