package io.spinemet.efficacy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.Cohort;
import io.spinemet.efficacy.cohort.CohortCsvReader;
import io.spinemet.efficacy.modelfile.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline (CSV reader, catalogue encoding, training, model file) against R: glm, logistf 1.26.1,
 * fisher.test, pROC and rms, computed independently on the fixtures in {@code src/test/resources/reference}.
 * Tolerances are those of the fixtures' README.
 */
class TrainingAgainstRTest {

    private static final List<String> COHORT_A_PREDICTORS = List.of("malnutrition", "poorPerformanceStatus",
            "targetedTherapy", "metastasisDuringChemotherapy", "postoperativeRadiotherapy", "primaryTumorGrowth",
            "vertebraeInvolved");
    private static final List<String> SEPARATED_PREDICTORS = COHORT_A_PREDICTORS.subList(0, 5);

    @Test
    void cohortAMatchesR() throws Exception {
        ModelFile m = train("cohort-a", COHORT_A_PREDICTORS);
        JsonNode r = expected("cohort-a");

        Map<String, ModelFile.Coefficient> firth = byTerm(m.coefficients());
        for (JsonNode c : r.at("/firth/coefficients")) {
            ModelFile.Coefficient k = firth.get(term(c));
            assertNotNull(k, term(c));
            assertEquals(c.get("estimate").asDouble(), k.estimate(), 1e-5, "Firth estimate " + term(c));
            assertEquals(c.get("std_error_fisher_info").asDouble(), k.stdError(), 1e-5, "Firth SE " + term(c));
            assertEquals(c.get("ci_profile_low").asDouble(), Math.log(k.oddsRatioCiLower()), 1e-4, "low " + term(c));
            assertEquals(c.get("ci_profile_high").asDouble(), Math.log(k.oddsRatioCiUpper()), 1e-4, "high " + term(c));
            assertEquals(c.get("p_profile").asDouble(), k.pValue(), 1e-4, "Firth p " + term(c));
        }

        assertEquals("ml", m.alternativeFit().method());
        assertTrue(m.alternativeFit().reliable());
        Map<String, ModelFile.Coefficient> ml = byTerm(m.alternativeFit().coefficients());
        for (JsonNode c : r.at("/ml/coefficients")) {
            ModelFile.Coefficient k = ml.get(term(c));
            assertRelative(c.get("estimate").asDouble(), k.estimate(), 1e-6, "ML estimate " + term(c));
            assertRelative(c.get("std_error").asDouble(), k.stdError(), 1e-6, "ML SE " + term(c));
            assertEquals(c.get("p_wald").asDouble(), k.pValue(), 1e-6, "ML p " + term(c));
            assertRelative(c.get("or_ci_low").asDouble(), k.oddsRatioCiLower(), 1e-6, "ML CI " + term(c));
        }

        assertFalse(m.separation().detected());
        assertEquals(r.at("/apparent_performance/firth/auc").asDouble(), m.performance().aucApparent(), 1e-9);
        assertEquals(r.at("/apparent_performance/firth/brier").asDouble(), m.performance().brierApparent(), 1e-9);
        // Different random draws from R's: compare within Monte-Carlo error (about 0.02 at B = 200).
        assertEquals(r.at("/bootstrap_validation/own_firth/corrected/auc").asDouble(),
                m.performance().aucOptimismCorrected(), 0.03);
        assertEquals(r.at("/bootstrap_validation/own_firth/corrected/calibration_slope").asDouble(),
                m.performance().calibrationSlopeOptimismCorrected(), 0.06);
        assertEquals(200, m.performance().bootstrapReplicates());
        assertEquals(80, m.cohort().n());
        assertEquals(40, m.cohort().events());
    }

    @Test
    void univariateTableMatchesR() throws Exception {
        ModelFile m = train("cohort-a", COHORT_A_PREDICTORS);
        Map<String, ModelFile.UnivariateResult> rows = m.univariate().stream()
                .collect(Collectors.toMap(ModelFile.UnivariateResult::factorId, Function.identity()));
        for (JsonNode u : expected("cohort-a").get("univariate")) {
            ModelFile.UnivariateResult row = rows.get(u.get("variable").asText());
            assertNotNull(row, u.get("variable").asText());
            Map<String, ModelFile.Coefficient> ml = byTerm(row.maximumLikelihood());
            for (JsonNode c : u.at("/ml/coefficients")) {
                ModelFile.Coefficient k = ml.get(term(c));
                assertRelative(c.get("odds_ratio").asDouble(), k.oddsRatio(), 1e-6, "OR " + term(c));
                assertRelative(c.get("or_ci_high").asDouble(), k.oddsRatioCiUpper(), 1e-6, "OR CI " + term(c));
                assertEquals(c.get("p_wald").asDouble(), k.pValue(), 1e-6, "Wald p " + term(c));
            }
            assertEquals(u.at("/ml/lr_test/p").asDouble(), row.likelihoodRatioP(), 1e-6, "LR p " + row.factorId());
            Map<String, ModelFile.Coefficient> firth = byTerm(row.firth());
            for (JsonNode c : u.at("/firth/coefficients")) {
                assertEquals(c.get("p_profile").asDouble(), firth.get(term(c)).pValue(), 1e-4, "Firth p " + term(c));
            }
            JsonNode fisher = u.at("/contingency/fisher_p");
            if (fisher.isNumber()) {
                assertEquals(fisher.asDouble(), row.fisherExactP(), 1e-9, "Fisher p " + row.factorId());
            }
        }
    }

    @Test
    void separatedCohortIsReportedAndFirthStillMatchesR() throws Exception {
        ModelFile m = train("cohort-separated", SEPARATED_PREDICTORS);
        JsonNode r = expected("cohort-separated");
        assertTrue(m.separation().detected());
        assertEquals(r.at("/ml/separation_lp/type").asText(), m.separation().type());
        assertFalse(m.alternativeFit().reliable(), "a diverged ML fit is marked unreliable");
        assertFalse(m.alternativeFit().warnings().isEmpty());
        assertTrue(m.limitations().stream().anyMatch(l -> l.contains("separated")));
        Map<String, ModelFile.UnivariateResult> rows = m.univariate().stream()
                .collect(Collectors.toMap(ModelFile.UnivariateResult::factorId, Function.identity()));
        for (JsonNode u : r.get("univariate")) {
            ModelFile.UnivariateResult row = rows.get(u.get("variable").asText());
            assertEquals(!"none".equals(u.at("/ml/separation_lp").asText()), row.separated(), row.factorId());
            // The likelihood-ratio statistic exists under separation (the log-likelihood has a finite supremum).
            assertEquals(u.at("/ml/lr_test/p").asDouble(), row.likelihoodRatioP(), 1e-6, "LR p " + row.factorId());
            assertEquals(u.at("/contingency/fisher_p").asDouble(), row.fisherExactP(), 1e-9, row.factorId());
        }
        Map<String, ModelFile.Coefficient> firth = byTerm(m.coefficients());
        for (JsonNode c : r.at("/firth/coefficients")) {
            ModelFile.Coefficient k = firth.get(term(c));
            assertEquals(c.get("estimate").asDouble(), k.estimate(), 1e-5, "Firth estimate " + term(c));
            assertEquals(c.get("ci_profile_low").asDouble(), Math.log(k.oddsRatioCiLower()), 1e-4, "low " + term(c));
            assertEquals(c.get("ci_profile_high").asDouble(), Math.log(k.oddsRatioCiUpper()), 1e-4, "high " + term(c));
            assertEquals(c.get("p_profile").asDouble(), k.pValue(), 1e-4, "Firth p " + term(c));
        }
    }

    @Test
    void mlCannotBeServedFromASeparatedCohort() throws Exception {
        Cohort cohort = cohort("cohort-separated");
        TrainingOptions options = new TrainingOptions(Procedure.PVP, factors(SEPARATED_PREDICTORS), Method.ML, 10,
                1, "test");
        TrainingException e = org.junit.jupiter.api.Assertions.assertThrows(TrainingException.class,
                () -> ModelTrainer.train(cohort, options, b -> { }));
        assertTrue(e.getMessage().contains("--method firth"), e.getMessage());
        // separation is reported first, with its type and the number of patients predicted perfectly
        assertTrue(e.getMessage().contains("quasi-completely separated"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*\\d+ patients are predicted perfectly.*"), e.getMessage());
        assertFalse(e.getMessage().contains("LAPACK") || e.getMessage().contains("Exception"), e.getMessage());
    }

    /** A term that is a copy of another names the aliased term instead of failing inside a numerical library. */
    @Test
    void collinearDesignNamesTheAliasedTerms() throws Exception {
        Cohort cohort = cohort("cohort-a");
        List<io.spinemet.efficacy.cohort.Patient> copied = cohort.patients().stream().map(p -> {
            java.util.Map<String, Object> f = new java.util.LinkedHashMap<>(p.factors());
            f.put("visceralMetastasis", f.get("malnutrition"));
            return new io.spinemet.efficacy.cohort.Patient(p.patientId(), p.procedure(), f, p.reliefMonths(),
                    p.survivalMonths(), p.goodEfficacy());
        }).toList();
        Cohort collinear = new Cohort(cohort.source(), cohort.sha256(), copied);
        for (Method method : Method.values()) {
            TrainingOptions options = new TrainingOptions(Procedure.PVP,
                    factors(List.of("malnutrition", "poorPerformanceStatus", "visceralMetastasis")), method, 10, 1,
                    "test");
            TrainingException e = org.junit.jupiter.api.Assertions.assertThrows(TrainingException.class,
                    () -> ModelTrainer.train(collinear, options, b -> { }));
            assertTrue(e.getMessage().contains("visceralMetastasis") && e.getMessage().contains("aliased"),
                    e.getMessage());
        }
    }

    private static ModelFile train(String name, List<String> predictors) throws Exception {
        TrainingOptions options = new TrainingOptions(Procedure.PVP, factors(predictors), Method.FIRTH, 200, 1,
                "test");
        return ModelTrainer.train(cohort(name), options, b -> { });
    }

    private static List<Factor> factors(List<String> ids) {
        return ids.stream().map(FactorCatalogue::get).toList();
    }

    private static Cohort cohort(String name) throws Exception {
        try (InputStream in = TrainingAgainstRTest.class.getResourceAsStream("/reference/" + name + ".csv")) {
            return CohortCsvReader.read(name + ".csv", in.readAllBytes(), CohortCsvReader.Mode.TRAINING);
        }
    }

    private static JsonNode expected(String name) throws IOException {
        try (InputStream in = TrainingAgainstRTest.class.getResourceAsStream("/reference/" + name + ".expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** R names a level term {@code primaryTumorGrowthRAPID}; the project names it {@code primaryTumorGrowth=RAPID}. */
    private static String term(JsonNode c) {
        String term = c.get("term").asText();
        for (Factor f : FactorCatalogue.FACTORS) {
            if (term.startsWith(f.id()) && term.length() > f.id().length()) {
                return f.id() + "=" + term.substring(f.id().length());
            }
        }
        return term;
    }

    private static Map<String, ModelFile.Coefficient> byTerm(List<ModelFile.Coefficient> rows) {
        return rows.stream().collect(Collectors.toMap(ModelFile.Coefficient::term, Function.identity()));
    }

    private static void assertRelative(double expected, Double actual, double tolerance, String what) {
        assertNotNull(actual, what);
        assertEquals(expected, actual, tolerance * Math.max(1e-12, Math.abs(expected)), what);
    }
}
