package io.spinemet.efficacy.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** The selection rules of the FHIR reader, on resources built in the test. */
class FhirReaderTest {

    static final Instant HOOK = Instant.parse("2026-11-28T12:00:00Z");
    final FhirReader reader = new FhirReader(StandardSources.standard(), Duration.ofDays(30));

    static Observation albumin(String id, String when, double value, String unit) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(CodeSystems.LOINC, "1751-7", "Albumin")));
        o.setSubject(new Reference("Patient/p1"));
        o.setEffective(new DateTimeType(when));
        o.setValue(new Quantity().setValue(value).setSystem(CodeSystems.UCUM).setCode(unit).setUnit(unit));
        return o;
    }

    Findings read(Resource... resources) {
        return reader.read("p1", List.of(resources), HOOK);
    }

    @Test
    void newestObservationWithinTheWindowIsUsed() {
        Findings f = read(albumin("a1", "2026-11-01T08:00:00Z", 40, "g/L"),
                albumin("a2", "2026-11-20T08:00:00Z", 3.1, "g/dL"),
                albumin("a3", "2026-11-10T08:00:00Z", 30, "g/L"));
        Reading r = f.observation(MeasurementCatalogue.SERUM_ALBUMIN).orElseThrow();
        assertEquals(new Reading.Quantity(new BigDecimal("3.1"), "g/dL"), r.value());
        assertEquals(List.of("Observation/a2"), r.provenance().references());
        assertEquals(List.of("Observation/a1", "Observation/a3"), f.skipped().stream().map(Skipped::reference)
                .sorted().toList());
    }

    @Test
    void enteredInErrorCancelledAndValuelessObservationsAreIgnored() {
        Observation wrong = albumin("e1", "2026-11-27T08:00:00Z", 45, "g/L");
        wrong.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        Observation cancelled = albumin("c1", "2026-11-26T08:00:00Z", 44, "g/L");
        cancelled.setStatus(Observation.ObservationStatus.CANCELLED);
        Observation empty = albumin("n1", "2026-11-25T08:00:00Z", 43, "g/L");
        empty.setValue(null);
        Findings f = read(wrong, cancelled, empty, albumin("ok", "2026-11-01T08:00:00Z", 30, "g/L"));
        assertEquals(List.of("Observation/ok"), f.observation(MeasurementCatalogue.SERUM_ALBUMIN).orElseThrow()
                .provenance().references());
        assertEquals(List.of("status entered-in-error", "status cancelled", "no value"),
                f.skipped().stream().map(Skipped::reason).toList());
    }

    @Test
    void observationsOutsideTheLookBackWindowOrAfterTheHookAreIgnored() {
        Findings f = read(albumin("old", "2026-10-28T11:59:00Z", 30, "g/L"),
                albumin("future", "2026-11-29T08:00:00Z", 30, "g/L"));
        assertTrue(f.observation(MeasurementCatalogue.SERUM_ALBUMIN).isEmpty());
        assertEquals(List.of("older than the 30-day look-back window", "dated after the hook"),
                f.skipped().stream().map(Skipped::reason).toList());
        // exactly 30 days before the hook is inside the window
        assertTrue(read(albumin("edge", "2026-10-29T12:00:00Z", 30, "g/L"))
                .observation(MeasurementCatalogue.SERUM_ALBUMIN).isPresent());
    }

    @Test
    void theWindowIsConfigurable() {
        FhirReader wide = new FhirReader(StandardSources.standard(), Duration.ofDays(90));
        assertTrue(wide.read("p1", List.of(albumin("old", "2026-09-15T08:00:00Z", 30, "g/L")), HOOK)
                .observation(MeasurementCatalogue.SERUM_ALBUMIN).isPresent());
    }

    @Test
    void anotherPatientsResourcesAndUnitsWithoutUcumAreNotUsed() {
        Observation other = albumin("x", "2026-11-27T08:00:00Z", 30, "g/L");
        other.setSubject(new Reference("Patient/p2"));
        Observation noUcum = albumin("u", "2026-11-27T08:00:00Z", 30, "g/L");
        ((Quantity) noUcum.getValue()).setSystem(null);
        Findings f = read(other, noUcum);
        assertTrue(f.observation(MeasurementCatalogue.SERUM_ALBUMIN).isEmpty());
        assertEquals(List.of("another patient than the one in context", "unit is not a UCUM code"),
                f.skipped().stream().map(Skipped::reason).toList());
    }

    @Test
    void onlyAPatientReferenceOnTheHooksOwnServerIsThePatientInContext() {
        // the same id, but a Group, a typeless reference, or a Patient on another server: not this patient
        Observation group = albumin("g", "2026-11-27T08:00:00Z", 30, "g/L");
        group.setSubject(new Reference("Group/p1"));
        Observation typeless = albumin("t", "2026-11-27T08:00:00Z", 30, "g/L");
        typeless.setSubject(new Reference("p1"));
        Observation elsewhere = albumin("e", "2026-11-27T08:00:00Z", 30, "g/L");
        elsewhere.setSubject(new Reference("https://other.example/fhir/Patient/p1"));
        java.net.URI server = java.net.URI.create("https://ehr.example/fhir/");
        Findings f = reader.read("p1", server, List.of(group, typeless, elsewhere), HOOK);
        assertTrue(f.observation(MeasurementCatalogue.SERUM_ALBUMIN).isEmpty());
        assertEquals(List.of("its subject is not a Patient reference", "its subject is not a Patient reference",
                "its subject is a patient on another FHIR server"), f.skipped().stream().map(Skipped::reason).toList());

        // an absolute reference to the patient on the hook's own server is the patient (trailing slash aside)
        Observation own = albumin("o", "2026-11-27T08:00:00Z", 30, "g/L");
        own.setSubject(new Reference("https://ehr.example/fhir/Patient/p1"));
        assertTrue(reader.read("p1", server, List.of(own), HOOK).observation(MeasurementCatalogue.SERUM_ALBUMIN)
                .isPresent());
        // and without a fhirServer to compare with, an absolute reference is not trusted
        assertEquals(List.of("its subject is a patient on another FHIR server"),
                reader.read("p1", List.of(own), HOOK).skipped().stream().map(Skipped::reason).toList());
        // a bundle-internal urn:uuid subject is not Patient/{id}
        Observation urn = albumin("u", "2026-11-27T08:00:00Z", 30, "g/L");
        urn.setSubject(new Reference("urn:uuid:3f1c0d52-2a0b-4c55-9a43-6c9a1f1b7e11"));
        assertEquals(List.of("its subject is a urn: reference, not Patient/{id}"),
                reader.read("p1", server, List.of(urn), HOOK).skipped().stream().map(Skipped::reason).toList());
    }

    @Test
    void theSameServerIsRecognisedWhateverTheCaseOfHostAndSchemeOrTheDefaultPort() {
        java.net.URI server = java.net.URI.create("https://ehr.example/fhir/");
        assertTrue(FhirReader.sameServer(server, "https://ehr.example/fhir"));
        assertTrue(FhirReader.sameServer(server, "HTTPS://EHR.example:443/fhir/"));
        assertFalse(FhirReader.sameServer(server, "http://ehr.example/fhir")); // another scheme
        assertFalse(FhirReader.sameServer(server, "https://ehr.example:8443/fhir")); // another port
        assertFalse(FhirReader.sameServer(server, "https://ehr.example/FHIR")); // paths are case-sensitive
        assertFalse(FhirReader.sameServer(server, "https://ehr.example/fhir/other")); // another base
        assertFalse(FhirReader.sameServer(server, "https://ehr.example.evil/fhir"));
        assertFalse(FhirReader.sameServer(server, "not a url"));
    }

    @Test
    void integerScoresAndBundlesAreRead() {
        Observation kps = new Observation();
        kps.setId("k1");
        kps.setStatus(Observation.ObservationStatus.FINAL);
        kps.setCode(new CodeableConcept(new Coding(CodeSystems.LOINC, "89243-0", "KPS")));
        kps.setSubject(new Reference("Patient/p1"));
        kps.setEffective(new DateTimeType("2026-11-27"));
        kps.setValue(new IntegerType(60));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setResource(kps);
        Findings f = reader.read("p1", List.of(bundle), HOOK);
        assertEquals(60, f.observation(MeasurementCatalogue.KPS).orElseThrow().value());
    }

    static Condition condition(String id, String system, String code, String bodySite) {
        Condition c = new Condition();
        c.setId(id);
        c.setSubject(new Reference("Patient/p1"));
        c.setCode(new CodeableConcept(new Coding(system, code, null)));
        c.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        c.setOnset(new DateTimeType("2026-10-01"));
        c.setRecordedDate(Date.from(Instant.parse("2026-10-02T00:00:00Z")));
        if (bodySite != null) {
            c.addBodySite(new CodeableConcept(new Coding(CodeSystems.SNOMED_CT, bodySite, null)));
        }
        return c;
    }

    @Test
    void boneMetastasisIsSpinalOnlyWithASpinalBodySite() {
        assertTrue(read(condition("s", CodeSystems.ICD_10_CM, "C79.51", "421060004")).hasSpinalMetastasis());
        assertTrue(read(condition("s", CodeSystems.ICD_10, "C79.5", "51282000")).hasSpinalMetastasis());
        assertFalse(read(condition("f", CodeSystems.ICD_10_CM, "C79.51", null)).hasSpinalMetastasis());
        Condition refuted = condition("r", CodeSystems.ICD_10_CM, "C79.51", "421060004");
        refuted.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted", null)));
        Findings f = read(refuted);
        assertFalse(f.hasSpinalMetastasis());
        assertEquals("verification status refuted", f.skipped().get(0).reason());
    }

    @Test
    void primaryAndVisceralConditionsAreTold() {
        Findings f = read(condition("lung", CodeSystems.ICD_10_CM, "C34.1", null),
                condition("liver", CodeSystems.ICD_10_CM, "C78.7", null),
                condition("nodes", CodeSystems.ICD_10_CM, "C77.0", null));
        assertEquals(List.of("Condition/lung"), f.conditions(Findings.ConditionKind.PRIMARY_CANCER).stream()
                .map(Findings.ConditionFinding::reference).toList());
        assertEquals(List.of("Condition/liver"), f.conditions(Findings.ConditionKind.VISCERAL_METASTASIS).stream()
                .map(Findings.ConditionFinding::reference).toList());
    }
}
