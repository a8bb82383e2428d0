package io.spinemet.efficacy.cohort.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.Patient;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * (d) Factor prevalences in the committed CSV fall inside the plausible ranges documented in
 * {@code models/cohort/README.md} (data dictionary §4, with §1.4's feasibility windows). The ranges are written here
 * independently of the generator's table.
 */
class ReferenceCohortPrevalenceTest {

    private static void assertFraction(List<Patient> ps, String what, Predicate<Patient> has, double min,
                                       double max) {
        double f = (double) ps.stream().filter(has).count() / ps.size();
        assertTrue(f >= min - 1e-9 && f <= max + 1e-9,
                what + ": " + Math.round(f * 1000) / 10.0 + " % outside [" + min * 100 + ", " + max * 100 + "] %");
    }

    private static Predicate<Patient> yes(String id) {
        return p -> Boolean.TRUE.equals(p.factors().get(id));
    }

    private static Predicate<Patient> level(String id, String value) {
        return p -> value.equals(p.factors().get(id));
    }

    private static void common(Procedure procedure) throws Exception {
        List<Patient> ps = ReferenceCohortFiles.committed(procedure);
        String g = procedure + " ";
        assertFraction(ps, g + "malnutrition", yes("malnutrition"), 0.30, 0.40);
        assertFraction(ps, g + "visceralMetastasis", yes("visceralMetastasis"), 0.40, 0.75);
        assertFraction(ps, g + "extraspinalBoneMetastasis", yes("extraspinalBoneMetastasis"), 0.30, 0.60);
        assertFraction(ps, g + "leukopenia", yes("leukopenia"), 0.10, 0.25);
        assertFraction(ps, g + "primaryRadicallyResected", yes("primaryRadicallyResected"), 0.20, 0.40);
        assertFraction(ps, g + "primaryTumorGrowth=RAPID", level("primaryTumorGrowth", "RAPID"), 0.40, 0.70);
        assertFraction(ps, g + "primaryTumorGrowth=SLOW", level("primaryTumorGrowth", "SLOW"), 0.15, 0.35);
        assertFraction(ps, g + "primaryTumorGrowth=MODERATE", level("primaryTumorGrowth", "MODERATE"), 0.10, 0.25);
        for (Patient p : ps) {
            int v = (Integer) p.factors().get("vertebraeInvolved");
            assertTrue(v >= 1 && v <= 5, p.patientId() + " vertebraeInvolved " + v);
        }
        assertFraction(ps, g + "single vertebra", p -> (Integer) p.factors().get("vertebraeInvolved") == 1, 0.25,
                0.45);
        assertFraction(ps, g + ">= 3 vertebrae", p -> (Integer) p.factors().get("vertebraeInvolved") >= 3, 0.20,
                0.50);
    }

    @Test
    void pvpPrevalencesArePlausible() throws Exception {
        common(Procedure.PVP);
        List<Patient> ps = ReferenceCohortFiles.committed(Procedure.PVP);
        // §4 prior 15-45 %, intersected with §1.4's no-empty-cell window 11-29/34 (32-85 %).
        assertFraction(ps, "PVP targetedTherapy", yes("targetedTherapy"), 11.0 / 34, 0.45);
        // Risk levels inside §1.4's window 5-23/34 and a minority.
        assertFraction(ps, "PVP poorPerformanceStatus", yes("poorPerformanceStatus"), 0.20, 0.40);
        assertFraction(ps, "PVP metastasisDuringChemotherapy", yes("metastasisDuringChemotherapy"), 0.20, 0.40);
        assertTrue(ps.stream().noneMatch(p -> p.factors().containsKey("frankelGrade")), "no Frankel grade for PVP");
    }

    @Test
    void decompressionPrevalencesArePlausible() throws Exception {
        common(Procedure.DECOMPRESSION);
        List<Patient> ps = ReferenceCohortFiles.committed(Procedure.DECOMPRESSION);
        // §1.4 feasibility window 11-14/18, which §4 says overrides the 15-45 % prior.
        assertFraction(ps, "DECOMPRESSION targetedTherapy", yes("targetedTherapy"), 11.0 / 18, 14.0 / 18);
        // Risk levels inside §1.4's window 4-7/18.
        for (String id : List.of("poorPerformanceStatus", "metastasisDuringChemotherapy")) {
            assertFraction(ps, "DECOMPRESSION " + id, yes(id), 4.0 / 18, 7.0 / 18);
        }
        Predicate<Patient> nonAmbulatory = p -> List.of("A", "B", "C").contains(p.factors().get("frankelGrade"));
        assertFraction(ps, "DECOMPRESSION Frankel A-C (a minority)", nonAmbulatory, 4.0 / 18, 7.0 / 18);
        assertEquals(18, ps.stream().filter(p -> p.factors().get("frankelGrade") != null).count());
    }
}
