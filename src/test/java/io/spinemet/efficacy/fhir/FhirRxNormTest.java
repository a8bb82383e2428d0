package io.spinemet.efficacy.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Medications coded in RxNorm only, from FHIR resources through the reader and the mapping to the study's factors.
 * The RXCUIs and their ATC classes are the published ones (see {@code RxNormAgents} for where each was confirmed;
 * the ATC codes are WHO's): lapatinib 480167 = L01EH01 (HER2 TKI, targeted), the mCODE IG's example order
 * "gefitinib 250 MG Oral Tablet" 349472 = L01EB01 (EGFR TKI, targeted), pembrolizumab 1547545 = L01FF02 (PD-1
 * antibody: immunotherapy, not targeted), cisplatin 2555 = L01XA01 (cytotoxic), metformin 6809 (not in the table).
 */
class FhirRxNormTest {

    static final Instant HOOK = Instant.parse("2026-11-28T12:00:00Z");
    final FhirReader reader = new FhirReader(StandardSources.standard(), Duration.ofDays(30));

    static CodeableConcept rxnorm(String rxcui, String display) {
        return new CodeableConcept(new Coding(CodeSystems.RXNORM, rxcui, display));
    }

    static MedicationRequest order(String id, String rxcui, String display) {
        MedicationRequest m = new MedicationRequest();
        m.setId(id);
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(rxnorm(rxcui, display));
        m.setSubject(new Reference("Patient/p1"));
        m.setAuthoredOnElement(new DateTimeType("2026-11-05"));
        return m;
    }

    MeasurementMapping.Mapped map(Resource... resources) {
        Findings f = reader.read("p1", List.of(resources), HOOK);
        return MeasurementMapping.map(f, LocalDate.parse("2026-11-28"), Duration.ofDays(30));
    }

    static Object targeted(MeasurementMapping.Mapped m) {
        return FactorDerivation.derive(m.measurements().measurements()).factors().get("targetedTherapy");
    }

    @Test
    void anRxNormOnlyHer2KinaseInhibitorIsTargetedTherapy() {
        MeasurementMapping.Mapped m = map(order("lap", "480167", "lapatinib"));
        assertEquals(List.of("L01EH01"), m.measurements().measurements().codes(MeasurementCatalogue.DRUGS)
                .orElseThrow());
        assertEquals(List.of("MedicationRequest/lap"), m.references().get(MeasurementCatalogue.DRUGS));
        assertEquals(true, targeted(m));
        // the card says which code was read as which
        assertTrue(m.notes().contains("MedicationRequest/lap: RxNorm 480167 (lapatinib) read as ATC L01EH01."),
                m.notes().toString());
    }

    @Test
    void theMcodeExampleGefitinibOrderIsTargetedTherapy() {
        // mCODE IG example cancer-related-medication-request-gefitinib: $rxnorm#349472 "gefitinib 250 MG Oral Tablet"
        assertEquals(true, targeted(map(order("gef", "349472", "gefitinib 250 MG Oral Tablet"))));
    }

    @Test
    void pembrolizumabIsAnticancerButNotTargetedTherapy() {
        MeasurementMapping.Mapped m = map(order("pem", "1547545", "pembrolizumab"));
        assertEquals(List.of("L01FF02"), m.measurements().measurements().codes(MeasurementCatalogue.DRUGS)
                .orElseThrow());
        assertEquals(false, targeted(m));
    }

    @Test
    void anUnknownRxcuiIsUnclassifiableAndNeverDefaulted() {
        // metformin (RxNorm 6809) is a real ingredient, just not one the catalogue classifies
        MeasurementMapping.Mapped m = map(order("met", "6809", "metFORMIN 500 MG"),
                order("lap", "480167", "lapatinib"));
        // one order cannot be classified: whether the patient is on targeted therapy is unknown, not "no"
        assertFalse(m.measurements().measurements().has(MeasurementCatalogue.DRUGS));
        assertFalse(FactorDerivation.derive(m.measurements().measurements()).factors().containsKey("targetedTherapy"));
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("MedicationRequest/met (RxNorm 6809, \"metFORMIN 500 MG\")")
                && n.contains("Targeted therapy is left unknown")), m.notes().toString());
    }

    @Test
    void anRxNormOnlyCisplatinAdministrationDatesTheChemotherapy() {
        MedicationAdministration dose = new MedicationAdministration();
        dose.setId("cis-1");
        dose.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        dose.setMedication(rxnorm("2555", "cisplatin"));
        dose.setSubject(new Reference("Patient/p1"));
        dose.setEffective(new DateTimeType("2026-09-16"));
        Condition spinal = new Condition();
        spinal.setId("s1");
        spinal.setSubject(new Reference("Patient/p1"));
        spinal.setCode(new CodeableConcept(new Coding(CodeSystems.ICD_10_CM, "C79.51", "Secondary malignant "
                + "neoplasm of bone")));
        spinal.setOnset(new DateTimeType("2026-10-14"));
        // C79.5 is bone in general: the body site (SNOMED CT 421060004, spinal structure) makes it spinal
        spinal.addBodySite(new CodeableConcept(new Coding(CodeSystems.SNOMED_CT, "421060004", "Spine")));
        MeasurementMapping.Mapped m = map(dose, spinal);
        assertEquals(LocalDate.parse("2026-09-16"), m.measurements().measurements()
                .date(MeasurementCatalogue.CHEMO_LAST).orElseThrow());
        // diagnosis 28 days after the last cytotoxic dose: during chemotherapy (data dictionary §2(6))
        assertEquals(true, FactorDerivation.derive(m.measurements().measurements()).factors()
                .get("metastasisDuringChemotherapy"));
    }
}
