package io.spinemet.efficacy.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.fhir.Findings.ConditionFinding;
import io.spinemet.efficacy.fhir.Findings.ConditionKind;
import io.spinemet.efficacy.fhir.Findings.MedicationUse;
import io.spinemet.efficacy.fhir.Findings.RadiotherapyFinding;
import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import io.spinemet.efficacy.measurement.Measurements;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FHIR findings to catalogue measurements, and through the measurement layer's rules to factors. */
class MeasurementMappingTest {

    static final LocalDate HOOK = LocalDate.parse("2026-11-28");

    static Findings findings(List<ConditionFinding> conditions, List<MedicationUse> meds,
                             List<RadiotherapyFinding> rt) {
        return new Findings("Patient/p1", Map.of(), conditions, meds, rt, List.of());
    }

    static MeasurementMapping.Mapped map(Findings f) {
        return MeasurementMapping.map(f, HOOK, Duration.ofDays(30));
    }

    static ConditionFinding spinal(String onset) {
        return new ConditionFinding(ConditionKind.SPINAL_METASTASIS, CodeSystems.ICD_10_CM, "C79.51",
                "Condition/s1", LocalDate.parse(onset));
    }

    static MedicationUse dose(String atc, String date, String ref) {
        return new MedicationUse(List.of(atc), List.of(), true, LocalDate.parse(date), ref);
    }

    @Test
    void cytotoxicDosesGiveTheChemotherapyDatesAndTheRuleDecides() {
        // diagnosis exactly 28 days after the last cytotoxic dose: during chemotherapy (data dictionary §2(6))
        Findings f = findings(List.of(spinal("2026-10-14")), List.of(dose("L01XA01", "2026-08-01", "MA/1"),
                dose("L01BA04", "2026-09-16", "MA/2"), dose("L01EB04", "2026-11-01", "MA/3")), List.of());
        MeasurementMapping.Mapped m = map(f);
        Measurements ms = m.measurements().measurements();
        assertEquals(LocalDate.parse("2026-08-01"), ms.date(MeasurementCatalogue.CHEMO_FIRST).orElseThrow());
        assertEquals(LocalDate.parse("2026-09-16"), ms.date(MeasurementCatalogue.CHEMO_LAST).orElseThrow());
        assertEquals(List.of("MA/2"), m.references().get(MeasurementCatalogue.CHEMO_LAST));
        assertEquals(true, FactorDerivation.derive(ms).factors().get("metastasisDuringChemotherapy"));
        // one day later it is not
        Findings later = findings(List.of(spinal("2026-10-15")), f.medications(), List.of());
        assertEquals(false, FactorDerivation.derive(map(later).measurements().measurements()).factors()
                .get("metastasisDuringChemotherapy"));
    }

    @Test
    void noChemotherapyRecordLeavesTheFactorMissing() {
        Measurements ms = map(findings(List.of(spinal("2026-10-14")), List.of(), List.of())).measurements()
                .measurements();
        assertFalse(FactorDerivation.derive(ms).factors().containsKey("metastasisDuringChemotherapy"));
    }

    @Test
    void currentAnticancerDrugsDeriveTargetedTherapy() {
        MedicationUse osimertinib = new MedicationUse(List.of("L01EB04"), List.of(), false,
                LocalDate.parse("2026-11-01"), "MedicationRequest/o");
        MedicationUse omeprazole = new MedicationUse(List.of("A02BC01"), List.of(), false,
                LocalDate.parse("2026-11-01"), "MedicationRequest/p");
        MeasurementMapping.Mapped m = map(findings(List.of(), List.of(osimertinib, omeprazole), List.of()));
        assertEquals(List.of("L01EB04"), m.measurements().measurements().codes(MeasurementCatalogue.DRUGS)
                .orElseThrow());
        assertEquals(List.of("MedicationRequest/o"), m.references().get(MeasurementCatalogue.DRUGS));
        assertEquals(true, FactorDerivation.derive(m.measurements().measurements()).factors()
                .get("targetedTherapy"));
    }

    @Test
    void anRxNormOnlyOrderLeavesTargetedTherapyUnknown() {
        MedicationUse rx = new MedicationUse(List.of(), List.of("1721560"), false, LocalDate.parse("2026-11-01"),
                "MedicationRequest/rx");
        MedicationUse cis = new MedicationUse(List.of("L01XA01"), List.of(), false, LocalDate.parse("2026-11-01"),
                "MedicationRequest/c");
        MeasurementMapping.Mapped m = map(findings(List.of(), List.of(rx, cis), List.of()));
        assertFalse(m.measurements().measurements().has(MeasurementCatalogue.DRUGS));
        assertTrue(m.notes().get(0).contains("MedicationRequest/rx"));
    }

    @Test
    void twoPrimarySitesAreNotGuessedBetween() {
        ConditionFinding lung = new ConditionFinding(ConditionKind.PRIMARY_CANCER, CodeSystems.ICD_10_CM, "C34.1",
                "Condition/l", null);
        ConditionFinding breast = new ConditionFinding(ConditionKind.PRIMARY_CANCER, CodeSystems.ICD_10_CM, "C50.9",
                "Condition/b", null);
        assertEquals("LUNG", map(findings(List.of(lung), List.of(), List.of())).measurements().measurements()
                .code(MeasurementCatalogue.PRIMARY_SITE).orElseThrow());
        MeasurementMapping.Mapped both = map(findings(List.of(lung, breast), List.of(), List.of()));
        assertFalse(both.measurements().measurements().has(MeasurementCatalogue.PRIMARY_SITE));
        assertTrue(both.notes().get(0).startsWith("Primary cancers of 2 different sites"));
    }

    @Test
    void plannedRadiotherapyIsTheFactorWithItsOrder() {
        MeasurementMapping.Mapped m = map(findings(List.of(), List.of(), List.of(
                new RadiotherapyFinding(false, LocalDate.parse("2025-08-01"), "Procedure/old"),
                new RadiotherapyFinding(true, LocalDate.parse("2026-11-26"), "ServiceRequest/plan"))));
        assertEquals(Boolean.TRUE, m.factors().get("postoperativeRadiotherapy"));
        assertEquals(List.of("ServiceRequest/plan"), m.factorReferences().get("postoperativeRadiotherapy"));
        // radiotherapy done before the operation is not post-operative
        assertFalse(map(findings(List.of(), List.of(), List.of(new RadiotherapyFinding(false,
                LocalDate.parse("2025-08-01"), "Procedure/old")))).factors().containsKey("postoperativeRadiotherapy"));
    }
}
