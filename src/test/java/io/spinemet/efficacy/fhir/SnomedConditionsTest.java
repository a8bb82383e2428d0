package io.spinemet.efficacy.fhir;

import static io.spinemet.efficacy.fhir.FhirReaderTest.condition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.fhir.Findings.ConditionFinding;
import io.spinemet.efficacy.fhir.Findings.ConditionKind;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Conditions coded in SNOMED CT, as mCODE-style EHRs send them. The expected sites and kinds are the published
 * meanings of the concepts (display names in docs/cds-hooks.md), not what the code returns.
 */
class SnomedConditionsTest {

    static final String SCT = CodeSystems.SNOMED_CT;
    final FhirReader reader = new FhirReader(StandardSources.standard(), Duration.ofDays(30));

    Findings read(Resource... resources) {
        return reader.read("p1", List.of(resources), FhirReaderTest.HOOK);
    }

    static List<String> refs(Findings f, ConditionKind kind) {
        return f.conditions(kind).stream().map(ConditionFinding::reference).toList();
    }

    static ConditionFinding primary(String system, String code, String ref) {
        return new ConditionFinding(ConditionKind.PRIMARY_CANCER, system, code, ref, null);
    }

    static MeasurementMapping.Mapped map(ConditionFinding... primaries) {
        return MeasurementMappingTest.map(MeasurementMappingTest.findings(List.of(primaries), List.of(), List.of()));
    }

    static String site(MeasurementMapping.Mapped m) {
        return m.measurements().measurements().code(MeasurementCatalogue.PRIMARY_SITE).orElse(null);
    }

    @Test
    void boneMetastasisIsSpinalOnlyWithASpinalBodySite() {
        // 94222008 "Secondary malignant neoplasm of bone" says nothing of where: like ICD-10 C79.5 it needs the site
        assertTrue(read(condition("v", SCT, "94222008", "51282000")).hasSpinalMetastasis()); // vertebra
        assertTrue(read(condition("s", SCT, "94222008", "421060004")).hasSpinalMetastasis()); // spine
        assertFalse(read(condition("n", SCT, "94222008", null)).hasSpinalMetastasis());
        assertFalse(read(condition("b", SCT, "94222008", "272673000")).hasSpinalMetastasis()); // bone (DICOM CID 6204)
    }

    @Test
    void aSpineSpecificConceptNeedsNoBodySite() {
        // 94602001 "Secondary malignant neoplasm of vertebral column"
        Findings f = read(condition("vc", SCT, "94602001", null));
        assertTrue(f.hasSpinalMetastasis());
        assertEquals(List.of("Condition/vc"), refs(f, ConditionKind.SPINAL_METASTASIS));
    }

    @Test
    void visceralMetastasesAreRecognised() {
        Findings f = read(condition("lung", SCT, "94391008", null), condition("liver", SCT, "94381002", null),
                condition("kidney", SCT, "94360002", null), condition("brain", SCT, "94225005", null),
                condition("bone", SCT, "94222008", null));
        assertEquals(List.of("Condition/lung", "Condition/liver", "Condition/kidney", "Condition/brain"),
                refs(f, ConditionKind.VISCERAL_METASTASIS));
        assertTrue(MeasurementMappingTest.map(f).notes().stream()
                .anyMatch(n -> n.startsWith("Visceral metastasis on record")));
    }

    @Test
    void aSnomedPrimaryIsReadAndGivesItsSite() {
        // 93880001 "Primary malignant neoplasm of lung": read as the primary cancer, then mapped to LUNG
        Findings f = read(condition("p", SCT, "93880001", null));
        assertEquals(List.of("Condition/p"), refs(f, ConditionKind.PRIMARY_CANCER));
        MeasurementMapping.Mapped m = MeasurementMappingTest.map(f);
        assertEquals("LUNG", site(m));
        assertEquals(List.of("Condition/p"), m.references().get(MeasurementCatalogue.PRIMARY_SITE));
        assertEquals(List.of(), m.notes());
    }

    @Test
    void snomedPrimariesMapToTheSiteTheirConceptNames() {
        assertEquals("BREAST", site(map(primary(SCT, "372137005", "Condition/1")))); // Primary ... of breast
        assertEquals("PROSTATE", site(map(primary(SCT, "399490008", "Condition/1")))); // Adenocarcinoma of prostate
        assertEquals("KIDNEY", site(map(primary(SCT, "702391001", "Condition/1")))); // Renal cell carcinoma
        assertEquals("LIVER", site(map(primary(SCT, "109841003", "Condition/1")))); // Liver cell carcinoma
        assertEquals("RECTUM", site(map(primary(SCT, "93984006", "Condition/1")))); // Primary ... of rectum
        assertEquals("THYROID", site(map(primary(SCT, "94098005", "Condition/1")))); // ... of thyroid gland
        assertEquals("CARCINOID", site(map(primary(SCT, "443492008", "Condition/1")))); // Carcinoid tumor
        assertEquals("UNKNOWN_PRIMARY", site(map(primary(SCT, "255052006", "Condition/1")))); // ... unknown origin
    }

    @Test
    void anOrgansMalignantTumorConceptIsACancerWhoseSiteMustBeRecorded() {
        // 93870000 "Malignant neoplasm of liver" is also where SNOMED CT files liver metastases (94381002): in a
        // breast-cancer patient it may be a metastasis, so it must not make the primary site LIVER
        Findings f = read(condition("liv", SCT, "93870000", null));
        assertEquals(List.of("Condition/liv"), refs(f, ConditionKind.PRIMARY_CANCER));
        MeasurementMapping.Mapped m = MeasurementMappingTest.map(f);
        assertFalse(m.measurements().measurements().has(MeasurementCatalogue.PRIMARY_SITE));
        assertEquals(List.of("Condition/liv: its SNOMED CT concept 93870000 is a malignant tumour in the LIVER site, "
                + "primary or metastatic (SNOMED CT files both under it); record "
                + MeasurementCatalogue.PRIMARY_SITE + "."), m.notes());
    }

    @Test
    void anotherCodingOfTheSameConditionSaysMoreThanTheOrgansGrouper() {
        // "Malignant tumor of lung" with ICD-10 C34.1 beside it: the ICD-10 code says primary lung cancer
        Condition withIcd = condition("a", SCT, "363358000", null);
        withIcd.getCode().addCoding(new Coding(CodeSystems.ICD_10, "C34.1", null));
        assertEquals("LUNG", site(MeasurementMappingTest.map(read(withIcd))));
        // ... with 94391008 "Secondary malignant neoplasm of lung" beside it: a lung metastasis, not a primary
        Condition withSecondary = condition("b", SCT, "363358000", null);
        withSecondary.getCode().addCoding(new Coding(SCT, "94391008", null));
        Findings f = read(withSecondary);
        assertEquals(List.of("Condition/b"), refs(f, ConditionKind.VISCERAL_METASTASIS));
        assertEquals(List.of(), refs(f, ConditionKind.PRIMARY_CANCER));
    }

    @Test
    void anUnlistedSnomedConceptIsNotReadAsACancer() {
        // 93771007 "Primary malignant neoplasm of descending colon" descends from a listed colon concept, but without a
        // terminology server only listed concepts are recognised: the site stays missing (the card asks for it)
        Findings f = read(condition("dc", SCT, "93771007", null));
        assertEquals(List.of(), refs(f, ConditionKind.PRIMARY_CANCER));
        assertFalse(MeasurementMappingTest.map(f).measurements().measurements().has(MeasurementCatalogue.PRIMARY_SITE));
    }

    @Test
    void aCodingWithoutACodeIsPassedOverNotAServerError() {
        // a SNOMED CT coding with only a display beside a spinal bone metastasis in ICD-10-CM with a vertebra body site
        Condition c = condition("nc", CodeSystems.ICD_10_CM, "C79.51", "51282000");
        c.getCode().addCoding(new Coding(SCT, null, "bone metastasis"));
        c.addBodySite(new CodeableConcept(new Coding(SCT, null, "spine, text only")));
        assertTrue(read(c).hasSpinalMetastasis());
    }

    @Test
    void snomedAndIcd10PrimariesOfOneSiteAgree() {
        MeasurementMapping.Mapped m = map(primary(CodeSystems.ICD_10_CM, "C34.1", "Condition/icd"),
                primary(SCT, "93880001", "Condition/sct")); // Primary malignant neoplasm of lung
        assertEquals("LUNG", site(m));
        assertEquals(List.of("Condition/icd", "Condition/sct"), m.references().get(MeasurementCatalogue.PRIMARY_SITE));
        assertEquals(List.of(), m.notes());
    }

    @Test
    void twoSitesAreNotGuessedBetween() {
        MeasurementMapping.Mapped snomedOnly = map(primary(SCT, "93880001", "Condition/l"), // lung
                primary(SCT, "372137005", "Condition/b")); // breast
        MeasurementMapping.Mapped mixed = map(primary(SCT, "93880001", "Condition/l"),
                primary(CodeSystems.ICD_10, "C50.9", "Condition/b"));
        for (MeasurementMapping.Mapped m : List.of(snomedOnly, mixed)) {
            assertFalse(m.measurements().measurements().has(MeasurementCatalogue.PRIMARY_SITE));
            assertEquals(List.of("Primary cancers of 2 different sites on record (Condition/l, Condition/b): record "
                    + MeasurementCatalogue.PRIMARY_SITE + "."), m.notes());
        }
    }
}
