package io.spinemet.efficacy.cohort.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.Patient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * (c) Each factor the abstract reports as an independent risk has, in the committed CSV, a univariate sample odds
 * ratio of good efficacy below 1 for its risk level, with no empty cell. The risk levels are the abstract's words.
 */
class ReferenceCohortOddsRatioTest {

    /** "malnutrition", "poor living conditions", "metastasis during chemotherapy", "lack of targeted drugs",
     *  "refusal of radiotherapy", and for decompression "poor neurological function" (Frankel A-C). */
    private static final Map<String, Predicate<Object>> RISK = Map.of(
            "malnutrition", Boolean.TRUE::equals,
            "poorPerformanceStatus", Boolean.TRUE::equals,
            "metastasisDuringChemotherapy", Boolean.TRUE::equals,
            "targetedTherapy", Boolean.FALSE::equals,
            "postoperativeRadiotherapy", Boolean.FALSE::equals,
            "frankelGrade", v -> Set.of("A", "B", "C").contains(v));

    private static final List<String> PVP = List.of("malnutrition", "poorPerformanceStatus",
            "metastasisDuringChemotherapy", "targetedTherapy", "postoperativeRadiotherapy");
    private static final List<String> DECOMPRESSION = List.of("malnutrition", "poorPerformanceStatus",
            "metastasisDuringChemotherapy", "targetedTherapy", "postoperativeRadiotherapy", "frankelGrade");

    /** {a, b, c, d} = {risk & good, risk & poor, other & good, other & poor}. */
    static long[] table(List<Patient> ps, String factorId, Predicate<Object> risk) {
        long[] t = new long[4];
        for (Patient p : ps) {
            boolean r = risk.test(p.factors().get(factorId));
            t[(r ? 0 : 2) + (p.goodEfficacy() == 1 ? 0 : 1)]++;
        }
        return t;
    }

    private static void assertPublishedDirection(Procedure procedure, List<String> factors) throws Exception {
        List<Patient> ps = ReferenceCohortFiles.committed(procedure);
        for (String id : factors) {
            long[] t = table(ps, id, RISK.get(id));
            String what = procedure + " " + id + " [risk good, risk poor, other good, other poor] = "
                    + java.util.Arrays.toString(t);
            for (long cell : t) {
                assertTrue(cell > 0, what + ": empty cell (the ML odds ratio would be infinite)");
            }
            // OR = (a d) / (b c) < 1  <=>  a d < b c
            assertTrue(t[0] * t[3] < t[1] * t[2], what + ": odds ratio of good efficacy not below 1");
        }
    }

    @Test
    void catalogueAgreesWithTheAbstractsIndependentFactors() {
        assertEquals(Set.copyOf(PVP),
                Set.copyOf(FactorCatalogue.studyPredictors(Procedure.PVP).stream().map(Factor::id).toList()));
        assertEquals(Set.copyOf(DECOMPRESSION),
                Set.copyOf(FactorCatalogue.studyPredictors(Procedure.DECOMPRESSION).stream().map(Factor::id)
                        .toList()));
    }

    @Test
    void pvpIndependentFactorsHaveThePublishedDirection() throws Exception {
        assertPublishedDirection(Procedure.PVP, PVP);
    }

    @Test
    void decompressionIndependentFactorsHaveThePublishedDirection() throws Exception {
        assertPublishedDirection(Procedure.DECOMPRESSION, DECOMPRESSION);
    }

    @Test
    void presumedRiskOfVisceralAndExtraspinalMetastasisHolds() throws Exception {
        // Univariate-significant in the abstract without a stated direction; presence presumed to mean poor
        // (data dictionary §2(9)-(10)).
        for (Procedure procedure : Procedure.values()) {
            List<Patient> ps = ReferenceCohortFiles.committed(procedure);
            for (String id : List.of("extraspinalBoneMetastasis", "visceralMetastasis")) {
                long[] t = table(ps, id, Boolean.TRUE::equals);
                assertTrue(t[0] * t[3] < t[1] * t[2], procedure + " " + id);
            }
        }
    }
}
