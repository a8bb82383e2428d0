package io.spinemet.efficacy.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.fhir.CodeSystems;
import io.spinemet.efficacy.fhir.FhirSources;
import io.spinemet.efficacy.fhir.StandardSources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SNOMED CT concepts of a primary malignant neoplasm to the Tokuhashi site, by exact concept id. */
class PrimarySiteSnomedTest {

    // expected sites from the concepts' published display names (docs/cds-hooks.md)
    @ParameterizedTest
    @CsvSource({"93880001, LUNG", // Primary malignant neoplasm of lung
                "254637007, LUNG", // Non-small cell lung cancer
                "372014001, STOMACH", // Primary malignant neoplasm of stomach
                "93689003, BLADDER", // Primary malignant neoplasm of bladder
                "371984007, OESOPHAGUS", // Primary malignant neoplasm of esophagus
                "372003004, PANCREAS", // Primary malignant neoplasm of pancreas
                "95214007, LIVER", // Primary malignant neoplasm of liver
                "93761005, COLON", // Primary malignant neoplasm of colon
                "93849006, KIDNEY", // Primary malignant neoplasm of kidney
                "10708511000119108, UTERUS", // Primary malignant neoplasm of uterus
                "93984006, RECTUM", // Primary malignant neoplasm of rectum
                "94098005, THYROID", // Primary malignant neoplasm of thyroid gland
                "254838004, BREAST", // Carcinoma of breast
                "93974005, PROSTATE", // Primary malignant neoplasm of prostate
                "443492008, CARCINOID"}) // Carcinoid tumor
    void snomedToSite(String code, PrimarySite expected) {
        assertEquals(Optional.of(expected), PrimarySite.fromSnomed(code));
    }

    // 93771007 "Primary malignant neoplasm of descending colon": a descendant of a listed colon concept, not listed;
    // 94222008 a secondary neoplasm; C34.1 an ICD-10 code; 363346000 "Malignant tumour" without a site
    @ParameterizedTest
    @CsvSource({"93771007", "94222008", "C34.1", "363346000", "''"})
    void unlistedConceptsGiveNoSite(String code) {
        assertEquals(Optional.empty(), PrimarySite.fromSnomed(code));
    }

    // an organ's "malignant tumor of" concept, under which SNOMED CT files both primaries and metastases there
    @ParameterizedTest
    @CsvSource({"363358000, LUNG", // Malignant tumor of lung
                "93870000, LIVER", // Malignant neoplasm of liver
                "254837009, BREAST", // Malignant tumor of breast
                "399068003, PROSTATE", // Malignant tumor of prostate
                "363518003, KIDNEY", // Malignant tumor of kidney
                "363353009, GALLBLADDER"}) // Malignant tumor of gallbladder
    void organGroupersNameTheOrganButGiveNoPrimarySite(String code, PrimarySite organ) {
        assertEquals(Optional.empty(), PrimarySite.fromSnomed(code));
        assertEquals(Optional.of(organ), PrimarySite.organOfGrouper(code));
    }

    @Test
    void nullGivesNothing() {
        assertEquals(Optional.empty(), PrimarySite.fromSnomed(null));
        assertEquals(Optional.empty(), PrimarySite.organOfGrouper(null));
    }

    @Test
    void noConceptBelongsToTwoSites() {
        List<String> all = Arrays.stream(PrimarySite.values())
                .flatMap(s -> java.util.stream.Stream.concat(s.snomed().stream(), s.snomedOrganGrouper().stream()))
                .toList();
        assertEquals(all.size(), new HashSet<>(all).size(), all.toString());
    }

    @Test
    void thePrimaryCancerCodesAreTheSitesOwnAndNoMetastasisCode() {
        FhirSources sources = StandardSources.standard();
        List<String> secondary = new ArrayList<>(sources.spinalMetastasis().snomed());
        secondary.addAll(sources.spinalMetastasis().snomedSiteImplied());
        secondary.addAll(sources.visceralMetastasis().snomed());
        for (String code : secondary) {
            assertTrue(PrimarySite.fromSnomed(code).isEmpty(), code);
            assertTrue(PrimarySite.organOfGrouper(code).isEmpty(), code);
            assertTrue(!sources.primaryCancer().matches(CodeSystems.SNOMED_CT, code), code);
        }
    }
}
