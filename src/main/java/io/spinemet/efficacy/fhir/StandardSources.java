package io.spinemet.efficacy.fhir;

import static io.spinemet.efficacy.fhir.CodeSystems.LOINC;
import static io.spinemet.efficacy.fhir.CodeSystems.SNOMED_CT;
import static io.spinemet.efficacy.fhir.CodeSystems.SPINEMET;

import io.spinemet.efficacy.fhir.FhirSources.Code;
import io.spinemet.efficacy.fhir.FhirSources.ConditionCodes;
import io.spinemet.efficacy.fhir.FhirSources.ObservationSource;
import io.spinemet.efficacy.fhir.FhirSources.ValueKind;
import io.spinemet.efficacy.measurement.Measurement;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import io.spinemet.efficacy.measurement.PrimarySite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default {@link FhirSources}: mCODE-style FHIR R4 as most EHRs send it. Codes and where they were checked are in
 * {@code docs/cds-hooks.md}.
 */
public final class StandardSources {

    private StandardSources() {
    }

    /**
     * Observations: every measurement of the catalogue that an Observation can carry (a quantity, an integer or a
     * code), identified by the catalogue's LOINC codes, and also by the service's own code
     * ({@code urn:spinemet:fhir:code|<measurement id>}) for what LOINC does not code (Frankel grade, metastasis
     * counts, visceral metastases with removability, ...).
     */
    public static FhirSources standard() {
        List<ObservationSource> observations = new ArrayList<>();
        for (Measurement m : MeasurementCatalogue.MEASUREMENTS) {
            ValueKind kind = switch (m.valueType()) {
                case QUANTITY -> ValueKind.QUANTITY;
                case INTEGER -> ValueKind.INTEGER;
                case CODE -> ValueKind.CODE;
                case CODE_LIST, DATE -> null; // drugs and dates come from medications and conditions
            };
            if (kind == null) {
                continue;
            }
            Set<Code> codes = new HashSet<>();
            m.codes().stream().filter(c -> LOINC.equals(c.system())).forEach(c -> codes.add(Code.of(LOINC, c.code())));
            codes.add(Code.of(SPINEMET, m.id()));
            observations.add(new ObservationSource(m.id(), kind, codes));
        }
        return new FhirSources(observations,
                // C79.5: secondary malignant neoplasm of bone and bone marrow (C79.51/C79.52 in ICD-10-CM) and
                // SNOMED CT 94222008 "Secondary malignant neoplasm of bone": spinal when the body site is the spine
                // (SNOMED CT 421060004) or a vertebra (51282000). SNOMED CT 94602001 "Secondary malignant neoplasm of
                // vertebral column" is spinal by itself.
                new ConditionCodes(Set.of("C79.5"), Set.of("94222008"), Set.of("94602001"),
                        Set.of("421060004", "51282000")),
                // Lung C78.0, liver C78.7, kidney C79.0, brain C79.3: data dictionary §2(10); lymph nodes excluded.
                // SNOMED CT secondary malignant neoplasm of lung 94391008, liver 94381002, kidney 94360002, brain
                // 94225005.
                new ConditionCodes(Set.of("C78.0", "C78.7", "C79.0", "C79.3"),
                        Set.of("94391008", "94381002", "94360002", "94225005")),
                new ConditionCodes(primaryMalignancies(), primarySnomed()),
                // mCODE radiotherapy course (1217123003), radiotherapy (108290001), external beam (33195004).
                Set.of(Code.of(SNOMED_CT, "1217123003"), Code.of(SNOMED_CT, "108290001"),
                        Code.of(SNOMED_CT, "33195004")));
    }

    /**
     * SNOMED CT: the concepts {@link PrimarySite} lists, those of a primary tumour of a site and the organs' "malignant
     * tumor of" groupers (recognised as a cancer, whose site must then be recorded).
     */
    private static Set<String> primarySnomed() {
        return Arrays.stream(PrimarySite.values())
                .flatMap(s -> java.util.stream.Stream.concat(s.snomed().stream(), s.snomedOrganGrouper().stream()))
                .collect(Collectors.toSet());
    }

    /** ICD-10 C00-C76 and C80: malignant neoplasms of stated primary site, and of unknown primary. */
    private static Set<String> primaryMalignancies() {
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i <= 76; i++) {
            prefixes.add(String.format("C%02d", i));
        }
        prefixes.add("C7A");
        prefixes.add("C80");
        return Set.copyOf(prefixes);
    }
}
