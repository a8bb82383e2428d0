package io.spinemet.efficacy.fhir;

import java.util.List;
import java.util.Set;

/**
 * What the service reads from FHIR, and where: the one table from which the reader, the prefetch templates and the
 * docs' factor-to-FHIR table are built. Observation codes are those of the measurement catalogue; conditions,
 * medications and radiotherapy are recognised by the code sets below.
 *
 * @param observations   Observation codes per measurement
 * @param spinalMetastasis secondary malignant neoplasm of bone, counted as spinal when its code or body site says so
 * @param visceralMetastasis secondary malignant neoplasm of lung, liver, kidney or brain (data dictionary §2(10))
 * @param primaryCancer  ICD-10 codes (by prefix) and SNOMED CT concepts of a primary malignant neoplasm
 * @param radiotherapy   Procedure / ServiceRequest codes of radiotherapy
 */
public record FhirSources(List<ObservationSource> observations, ConditionCodes spinalMetastasis,
                          ConditionCodes visceralMetastasis, ConditionCodes primaryCancer,
                          Set<Code> radiotherapy) {

    public FhirSources {
        observations = List.copyOf(observations);
        radiotherapy = Set.copyOf(radiotherapy);
    }

    /** A system and code. */
    public record Code(String system, String code) {
        public static Code of(String system, String code) {
            return new Code(system, code);
        }
    }

    /** How an Observation's value becomes a measurement value. */
    public enum ValueKind {
        /** valueQuantity with a UCUM unit code: {@code {"value", "unit"}}. */
        QUANTITY,
        /** valueInteger, or a unitless whole-number valueQuantity. */
        INTEGER,
        /** valueCodeableConcept's code or valueString: one of a measurement's allowed codes. */
        CODE
    }

    /**
     * The Observations that carry one measurement.
     *
     * @param measurement the measurement id
     * @param kind        how the value is read
     * @param codes       Observation.code codings that identify it (any one matches)
     */
    public record ObservationSource(String measurement, ValueKind kind, Set<Code> codes) {
        public ObservationSource {
            codes = Set.copyOf(codes);
        }

        public boolean matches(String system, String code) {
            return codes.contains(new Code(system, code));
        }
    }

    /**
     * Condition codes: ICD-10 (WHO or CM) by prefix, SNOMED CT by exact concept, and body sites (SNOMED CT) that
     * qualify a less specific code. There is no terminology server: a SNOMED CT concept matches only when it is listed,
     * never because it descends from a listed one.
     *
     * @param icd10Prefixes     ICD-10 codes, by prefix; when body sites are given, such a code needs one
     * @param snomed            SNOMED CT concepts, exact; when body sites are given, such a concept needs one
     * @param snomedSiteImplied SNOMED CT concepts, exact, whose meaning already holds the site (secondary malignant
     *                          neoplasm of vertebral column): no body site needed
     * @param bodySites         SNOMED CT body sites that qualify the codes of the first two sets; empty: none needed
     */
    public record ConditionCodes(Set<String> icd10Prefixes, Set<String> snomed, Set<String> snomedSiteImplied,
                                 Set<String> bodySites) {
        public ConditionCodes {
            icd10Prefixes = Set.copyOf(icd10Prefixes);
            snomed = Set.copyOf(snomed);
            snomedSiteImplied = Set.copyOf(snomedSiteImplied);
            bodySites = Set.copyOf(bodySites);
        }

        /** Codes whose meaning needs no qualifying body site. */
        public ConditionCodes(Set<String> icd10Prefixes, Set<String> snomed) {
            this(icd10Prefixes, snomed, Set.of(), Set.of());
        }

        public boolean matches(String system, String code) {
            if (code == null) {
                return false;
            }
            if (CodeSystems.isIcd10(system)) {
                String plain = code.replace(".", "");
                return icd10Prefixes.stream().anyMatch(p -> plain.startsWith(p.replace(".", "")));
            }
            return CodeSystems.SNOMED_CT.equals(system) && (snomed.contains(code) || snomedSiteImplied.contains(code));
        }

        /** Whether a body-site coding is one of the sites that qualify the less specific codes. */
        public boolean qualifyingBodySite(String system, String code) {
            return code != null && CodeSystems.SNOMED_CT.equals(system) && bodySites.contains(code);
        }

        /** Whether the code is one whose meaning holds the site, so that it needs no body site. */
        public boolean siteImplied(String system, String code) {
            return code != null && CodeSystems.SNOMED_CT.equals(system) && snomedSiteImplied.contains(code);
        }
    }
}
