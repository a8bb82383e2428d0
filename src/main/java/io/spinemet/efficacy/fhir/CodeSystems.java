package io.spinemet.efficacy.fhir;

/** The code-system URIs FHIR R4 uses for the terminologies the service reads. */
public final class CodeSystems {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED_CT = "http://snomed.info/sct";
    /** WHO ICD-10. */
    public static final String ICD_10 = "http://hl7.org/fhir/sid/icd-10";
    /** ICD-10-CM (US clinical modification). */
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String ATC = "http://www.whocc.no/atc";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String UCUM = "http://unitsofmeasure.org";
    /**
     * The service's own codes, for what no standard terminology codes (the Frankel grade as an Observation). An EHR
     * that records these differently maps them in configuration.
     */
    public static final String SPINEMET = "urn:spinemet:fhir:code";

    private CodeSystems() {
    }

    /** Whether a system is ICD-10 in either the WHO or the CM edition. */
    public static boolean isIcd10(String system) {
        return ICD_10.equals(system) || ICD_10_CM.equals(system);
    }
}
