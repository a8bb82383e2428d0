package io.spinemet.efficacy.fhir;

import static io.spinemet.efficacy.fhir.CodeSystems.LOINC;
import static io.spinemet.efficacy.fhir.CodeSystems.SNOMED_CT;
import static io.spinemet.efficacy.fhir.CodeSystems.SPINEMET;

import io.spinemet.efficacy.fhir.FhirSources.Code;
import io.spinemet.efficacy.fhir.FhirSources.ConditionCodes;
import io.spinemet.efficacy.fhir.FhirSources.ObservationSource;
import io.spinemet.efficacy.fhir.FhirSources.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The default {@link FhirSources}: mCODE-style FHIR R4 as most EHRs send it. Codes and where they were checked are in
 * {@code docs/cds-hooks.md}.
 */
public final class StandardSources {

    /** Measurement ids the FHIR reader fills (ids of the measurement catalogue). */
    public static final String ALBUMIN = "serumAlbumin";
    public static final String LEUKOCYTES = "leukocyteCount";
    public static final String KPS = "karnofsky";
    public static final String ECOG = "ecog";
    public static final String FRANKEL = "frankelGrade";
    public static final String ASIA = "asiaImpairmentScale";

    private StandardSources() {
    }

    public static FhirSources standard() {
        return new FhirSources(List.of(
                obs(ALBUMIN, ValueKind.QUANTITY, loinc("1751-7", "61151-7", "61152-5")),
                obs(LEUKOCYTES, ValueKind.QUANTITY, loinc("6690-2", "26464-8")),
                obs(KPS, ValueKind.INTEGER, loinc("89243-0")),
                obs(ECOG, ValueKind.INTEGER, loinc("89247-1")),
                obs(FRANKEL, ValueKind.CODE, Set.of(Code.of(SPINEMET, "frankel-grade"))),
                obs(ASIA, ValueKind.CODE, Set.of(Code.of(SPINEMET, "asia-impairment-scale")))),
                // C79.5: secondary malignant neoplasm of bone and bone marrow (C79.51/C79.52 in ICD-10-CM); spinal
                // when its body site is the spine (SNOMED CT 421060004) or a vertebra (51282000).
                new ConditionCodes(Set.of("C79.5"), Set.of(), Set.of("421060004", "51282000")),
                // Lung C78.0, liver C78.7, kidney C79.0, brain C79.3: data dictionary §2(10); lymph nodes excluded.
                new ConditionCodes(Set.of("C78.0", "C78.7", "C79.0", "C79.3"), Set.of(), Set.of()),
                new ConditionCodes(primaryMalignancies(), Set.of(), Set.of()),
                // mCODE radiotherapy course (1217123003), radiotherapy (108290001), external beam (33195004).
                Set.of(Code.of(SNOMED_CT, "1217123003"), Code.of(SNOMED_CT, "108290001"),
                        Code.of(SNOMED_CT, "33195004")));
    }

    /** ICD-10 C00-C76 and C80: malignant neoplasms of stated primary site, and of unknown primary. */
    private static Set<String> primaryMalignancies() {
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i <= 76; i++) {
            prefixes.add(String.format("C%02d", i));
        }
        prefixes.add("C80");
        return Set.copyOf(prefixes);
    }

    private static ObservationSource obs(String id, ValueKind kind, Set<Code> codes) {
        return new ObservationSource(id, kind, codes);
    }

    private static Set<Code> loinc(String... codes) {
        Set<Code> set = new java.util.HashSet<>();
        for (String c : codes) {
            set.add(Code.of(LOINC, c));
        }
        return set;
    }
}
