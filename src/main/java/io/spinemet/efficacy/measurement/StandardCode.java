package io.spinemet.efficacy.measurement;

/**
 * A code in a standard terminology that identifies a measurement (LOINC) or one of its values (ICD-10, ATC).
 *
 * @param system  the terminology's canonical URI, as FHIR writes it
 * @param code    the code
 * @param display what it means
 */
public record StandardCode(String system, String code, String display) {

    public static final String LOINC = "http://loinc.org";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String ATC = "http://www.whocc.no/atc";

    public static StandardCode loinc(String code, String display) {
        return new StandardCode(LOINC, code, display);
    }
}
