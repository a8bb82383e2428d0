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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SNOMED CT concepts of a primary malignant neoplasm to the Tokuhashi site, by exact concept id. */
class PrimarySiteSnomedTest {

    // expected sites from the concepts' published display names (docs/cds-hooks.md)
    @ParameterizedTest
    @CsvSource({"363358000, LUNG", // Malignant tumor of lung
                "254637007, LUNG", // Non-small cell lung cancer
                "372014001, STOMACH", // Primary malignant neoplasm of stomach
                "399326009, BLADDER", // Malignant tumor of urinary bladder
                "363402007, OESOPHAGUS", // Malignant tumor of esophagus
                "363418001, PANCREAS", // Malignant tumor of pancreas
                "95214007, LIVER", // Primary malignant neoplasm of liver
                "363353009, GALLBLADDER", // Malignant tumor of gallbladder
                "93761005, COLON", // Primary malignant neoplasm of colon
                "93849006, KIDNEY", // Primary malignant neoplasm of kidney
                "371973000, UTERUS", // Malignant neoplasm of uterus
                "363351006, RECTUM", // Malignant tumor of rectum
                "363478007, THYROID", // Malignant tumor of thyroid gland
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

    @Test
    void noConceptBelongsToTwoSites() {
        List<String> all = Arrays.stream(PrimarySite.values()).flatMap(s -> s.snomed().stream()).toList();
        assertEquals(all.size(), new HashSet<>(all).size(), all.toString());
    }

    @Test
    void thePrimaryCancerCodesAreTheSitesOwnAndNoMetastasisCode() {
        FhirSources sources = StandardSources.standard();
        Set<String> sites = new HashSet<>();
        Arrays.stream(PrimarySite.values()).forEach(s -> sites.addAll(s.snomed()));
        assertEquals(sites, sources.primaryCancer().snomed());
        List<String> secondary = new ArrayList<>(sources.spinalMetastasis().snomed());
        secondary.addAll(sources.spinalMetastasis().snomedSiteImplied());
        secondary.addAll(sources.visceralMetastasis().snomed());
        for (String code : secondary) {
            assertTrue(PrimarySite.fromSnomed(code).isEmpty(), code);
            assertTrue(!sources.primaryCancer().matches(CodeSystems.SNOMED_CT, code), code);
        }
    }
}
