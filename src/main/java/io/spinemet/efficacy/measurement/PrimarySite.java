package io.spinemet.efficacy.measurement;

import java.util.List;
import java.util.Optional;

/**
 * The organ site of the primary tumour, coded as the revised Tokuhashi score groups it, with its ICD-10 categories,
 * its SNOMED CT concepts, its Tokuhashi points and (where the published list names it) its Tomita growth class.
 *
 * <p>Tokuhashi points: revised Tokuhashi score, Tokuhashi et al., Spine 2005;30(19):2186-2191, item "primary site of
 * the cancer" (as reproduced in NICE CG75 appendix 3): 0 lung, osteosarcoma, stomach, bladder, oesophagus, pancreas;
 * 1 liver, gallbladder, unidentified; 2 others; 3 kidney, uterus; 4 rectum; 5 thyroid, breast, prostate, carcinoid.
 *
 * <p>Tomita class: Tomita et al., Spine 2001;26(3):298-306, as this project's factor catalogue defines
 * {@code primaryTumorGrowth}: SLOW breast, thyroid, prostate; MODERATE kidney, uterus; RAPID lung, stomach, liver,
 * colon, primary unknown. Tomita's lists are examples ("breast, thyroid, etc."); a site they do not name has no class
 * here ({@code null}) and the class must then be given as the measurement {@code primaryTumorGrowthClass}.
 */
public enum PrimarySite {
    // SNOMED CT: exact concept ids (display names and where each was checked: docs/cds-hooks.md). The first list names
    // a primary tumour of the site. The second holds the organ's "malignant tumor of" grouper, which SNOMED CT also
    // files metastases to that organ under: it is read as a cancer whose site must be recorded (see fromSnomed).
    LUNG("Lung and bronchus", List.of("C33", "C34"),
            List.of("93880001", // Primary malignant neoplasm of lung
                    "254637007", // Non-small cell lung cancer
                    "254632001", // Small cell carcinoma of lung
                    "254626006"), // Adenocarcinoma of lung
            List.of("363358000"), // Malignant tumor of lung
            0, "RAPID"),
    OSTEOSARCOMA("Osteosarcoma (primary bone; ICD-10 C40-C41 with osteosarcoma morphology, ICD-O-3 9180-9195)",
            List.of(),
            List.of(),
            List.of(),
            0, null),
    STOMACH("Stomach", List.of("C16"),
            List.of("372014001"), // Primary malignant neoplasm of stomach
            List.of("363349007"), // Malignant tumor of stomach
            0, "RAPID"),
    BLADDER("Urinary bladder", List.of("C67"),
            List.of("93689003"), // Primary malignant neoplasm of bladder
            List.of("399326009"), // Malignant tumor of urinary bladder
            0, null),
    OESOPHAGUS("Oesophagus", List.of("C15"),
            List.of("371984007"), // Primary malignant neoplasm of esophagus
            List.of("363402007"), // Malignant tumor of esophagus
            0, null),
    PANCREAS("Pancreas", List.of("C25"),
            List.of("372003004"), // Primary malignant neoplasm of pancreas
            List.of("363418001"), // Malignant tumor of pancreas
            0, null),
    LIVER("Liver and intrahepatic bile ducts", List.of("C22"),
            List.of("95214007", // Primary malignant neoplasm of liver
                    "109841003"), // Liver cell carcinoma (hepatocellular carcinoma)
            List.of("93870000"), // Malignant neoplasm of liver
            1, "RAPID"),
    GALLBLADDER("Gallbladder and extrahepatic bile ducts", List.of("C23", "C24"),
            List.of(),
            List.of("363353009"), // Malignant tumor of gallbladder
            1, null),
    UNKNOWN_PRIMARY("Primary site unidentified (cancer of unknown primary)", List.of("C80"),
            List.of("255052006"), // Malignant tumor of unknown origin (cancer of unknown primary)
            List.of(),
            1, "RAPID"),
    COLON("Colon and rectosigmoid junction", List.of("C18", "C19"),
            List.of("93761005"), // Primary malignant neoplasm of colon
            List.of("363406005"), // Malignant tumor of colon
            2, "RAPID"),
    KIDNEY("Kidney (except renal pelvis)", List.of("C64"),
            List.of("93849006", // Primary malignant neoplasm of kidney
                    "702391001"), // Renal cell carcinoma
            List.of("363518003"), // Malignant tumor of kidney
            3, "MODERATE"),
    UTERUS("Uterus (corpus and unspecified part)", List.of("C54", "C55"),
            List.of("10708511000119108"), // Primary malignant neoplasm of uterus (US extension)
            List.of("371973000"), // Malignant neoplasm of uterus
            3, "MODERATE"),
    RECTUM("Rectum", List.of("C20"),
            List.of("93984006"), // Primary malignant neoplasm of rectum
            List.of("363351006"), // Malignant tumor of rectum
            4, null),
    THYROID("Thyroid", List.of("C73"),
            List.of("94098005"), // Primary malignant neoplasm of thyroid gland
            List.of("363478007"), // Malignant tumor of thyroid gland
            5, "SLOW"),
    BREAST("Breast", List.of("C50"),
            List.of("372137005", // Primary malignant neoplasm of breast
                    "254838004"), // Carcinoma of breast
            List.of("254837009"), // Malignant tumor of breast
            5, "SLOW"),
    PROSTATE("Prostate", List.of("C61"),
            List.of("93974005", // Primary malignant neoplasm of prostate
                    "399490008"), // Adenocarcinoma of prostate
            List.of("399068003"), // Malignant tumor of prostate
            5, "SLOW"),
    CARCINOID("Carcinoid (well-differentiated neuroendocrine tumour, any site; ICD-10-CM C7A)", List.of(),
            List.of("443492008"), // Carcinoid tumor
            List.of(),
            5, null),
    OTHER("Any other primary site (Tokuhashi 'others'), haematological malignancies included", List.of(),
            List.of(),
            List.of(),
            2, null);

    private final String label;
    private final List<String> icd10;
    private final List<String> snomed;
    private final List<String> snomedOrganGrouper;
    private final int tokuhashiPoints;
    private final String tomitaClass;

    PrimarySite(String label, List<String> icd10, List<String> snomed, List<String> snomedOrganGrouper,
                int tokuhashiPoints, String tomitaClass) {
        this.label = label;
        this.icd10 = icd10;
        this.snomed = snomed;
        this.snomedOrganGrouper = snomedOrganGrouper;
        this.tokuhashiPoints = tokuhashiPoints;
        this.tomitaClass = tomitaClass;
    }

    /** Label with its ICD-10 categories, as listed in the catalogue. */
    public String label() {
        return icd10.isEmpty() ? label : label + " (ICD-10 " + String.join(", ", icd10) + ")";
    }

    /** The ICD-10 three-character categories that map to this site; empty where ICD-10 topography cannot tell. */
    public List<String> icd10() {
        return icd10;
    }

    /**
     * The SNOMED CT disorder concepts (exact concept ids) of a primary tumour of this site: "primary malignant neoplasm
     * of" the organ and common histologies that arise there. Empty for a site no checked concept names.
     */
    public List<String> snomed() {
        return snomed;
    }

    /**
     * The organ's SNOMED CT "malignant tumor of" concept: a cancer in the organ, but SNOMED CT files metastases to the
     * organ under it too, so it does not say that the primary is there.
     */
    public List<String> snomedOrganGrouper() {
        return snomedOrganGrouper;
    }

    /** Points of the revised Tokuhashi item "primary site". */
    public int tokuhashiPoints() {
        return tokuhashiPoints;
    }

    /** Tomita growth class (SLOW, MODERATE, RAPID), empty where Tomita's lists do not name the site. */
    public Optional<String> tomitaClass() {
        return Optional.ofNullable(tomitaClass);
    }

    /**
     * The site of an ICD-10 code of a primary malignant neoplasm ({@code C34.1} or {@code C341}), for callers that
     * hold diagnoses (FHIR Condition). Empty when ICD-10 alone cannot tell: secondary neoplasms (C77-C79), bone
     * (C40-C41: osteosarcoma or another sarcoma), multiple independent primaries (C97), or anything that is not a C-code.
     */
    public static Optional<PrimarySite> fromIcd10(String code) {
        if (code != null && code.startsWith("C7A")) {
            return Optional.of(CARCINOID);
        }
        if (code == null || !code.matches("C\\d\\d(\\.?[0-9A-Z]{0,4})?")) {
            return Optional.empty();
        }
        String category = code.substring(0, 3);
        for (PrimarySite s : values()) {
            if (s.icd10.contains(category)) {
                return Optional.of(s);
            }
        }
        int n = Integer.parseInt(category.substring(1));
        boolean ambiguous = n == 40 || n == 41 || (n >= 77 && n <= 79) || n == 97;
        return ambiguous ? Optional.empty() : Optional.of(OTHER);
    }

    /**
     * The site of a SNOMED CT concept of a primary malignant neoplasm, for callers that hold diagnoses (FHIR
     * Condition). Exact concept ids only, as listed by {@link #snomed()}: there is no terminology server, so a
     * descendant concept that is not listed (a more specific histology or sub-site) is not recognised and gives empty;
     * so does an organ grouper ({@link #snomedOrganGrouper()}), which does not say the tumour is primary. The caller
     * then records the site itself (measurement {@code primaryTumorSite}).
     */
    public static Optional<PrimarySite> fromSnomed(String code) {
        return listing(code, PrimarySite::snomed);
    }

    /** The site whose organ grouper {@code code} is ({@link #snomedOrganGrouper()}), or empty. */
    public static Optional<PrimarySite> organOfGrouper(String code) {
        return listing(code, PrimarySite::snomedOrganGrouper);
    }

    private static Optional<PrimarySite> listing(String code, java.util.function.Function<PrimarySite, List<String>> list) {
        return code == null ? Optional.empty()
                : java.util.Arrays.stream(values()).filter(s -> list.apply(s).contains(code)).findFirst();
    }
}
