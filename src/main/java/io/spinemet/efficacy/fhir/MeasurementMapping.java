package io.spinemet.efficacy.fhir;

import io.spinemet.efficacy.fhir.Findings.ConditionFinding;
import io.spinemet.efficacy.fhir.Findings.ConditionKind;
import io.spinemet.efficacy.fhir.Findings.MedicationUse;
import io.spinemet.efficacy.fhir.Findings.RadiotherapyFinding;
import io.spinemet.efficacy.measurement.CytotoxicAgents;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import io.spinemet.efficacy.measurement.Measurements;
import io.spinemet.efficacy.measurement.PrimarySite;
import io.spinemet.efficacy.measurement.RxNormAgents;
import io.spinemet.efficacy.measurement.TargetedAgents;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * FHIR findings to the measurement catalogue's measurements (which the measurement layer validates, converts and
 * derives factors from with its rules: no cut-off is applied here), each with the resources it came from. Absence of
 * a record is never taken as absence of the condition: what cannot be read stays missing.
 *
 * <ul>
 *   <li>Observations: their measurement, value and unit as recorded.</li>
 *   <li>Primary cancer Condition: {@code primaryTumorSite} by {@link PrimarySite#fromIcd10} for an ICD-10 code and
 *       {@link PrimarySite#fromSnomed} (exact concepts) for a SNOMED CT code; two primaries of different sites leave
 *       it missing.</li>
 *   <li>Spinal-metastasis Condition: {@code spinalMetastasisDiagnosisDate} from its onset (the earliest).</li>
 *   <li>Cytotoxic administrations ({@link CytotoxicAgents}) up to the hook: {@code cytotoxicChemotherapy} GIVEN
 *       with the first and last dose dates.</li>
 *   <li>Anticancer drugs (ATC L01, L02) administered within the look-back window or in an active order:
 *       {@code anticancerDrugs}. A medication coded in RxNorm only is classified by the catalogue's RxNorm table
 *       ({@link RxNormAgents}, noted on the card); when an RXCUI is not in it, the medication cannot be classified
 *       and {@code anticancerDrugs} is left missing.</li>
 *   <li>Planned radiotherapy (ServiceRequest): the factor {@code postoperativeRadiotherapy} true.</li>
 * </ul>
 */
public final class MeasurementMapping {

    /** Antineoplastic (L01) and endocrine (L02) agents: the drugs {@code anticancerDrugs} lists. */
    static final List<String> ANTICANCER_ATC = List.of("L01", "L02");

    /**
     * What the findings give.
     *
     * @param measurements    the validated measurements and the problems of those that were refused
     * @param references      per measurement id, the resources it came from
     * @param factors         factors read directly (a planned treatment), by id
     * @param factorReferences per directly read factor, the resources it came from
     * @param notes           what could not be read, in words for the card
     */
    public record Mapped(Measurements.Result measurements, Map<String, List<String>> references,
                         Map<String, Object> factors, Map<String, List<String>> factorReferences, List<String> notes) {
    }

    private MeasurementMapping() {
    }

    public static Mapped map(Findings findings, LocalDate hookDate, Duration lookBack) {
        Measurements.Builder builder = Measurements.builder(hookDate);
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, Object> factors = new LinkedHashMap<>();
        Map<String, List<String>> factorRefs = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();

        findings.observations().forEach((id, reading) -> {
            Object v = reading.value();
            if (v instanceof Reading.Quantity q) {
                builder.quantity(id, q.value(), q.unit());
            } else if (v instanceof Integer i) {
                builder.integer(id, i);
            } else if (v instanceof String s) {
                builder.code(id, s);
            }
            refs.put(id, reading.provenance().references());
        });

        primarySite(findings, builder, refs, notes);
        LocalDate diagnosis = spinalDiagnosis(findings, builder, refs);
        chemotherapy(findings, hookDate, builder, refs);
        drugs(findings, hookDate.minusDays(lookBack.toDays()), builder, refs, notes);
        translations(findings, refs, notes);

        List<RadiotherapyFinding> planned = findings.radiotherapy().stream().filter(RadiotherapyFinding::planned)
                .toList();
        if (!planned.isEmpty()) {
            factors.put("postoperativeRadiotherapy", Boolean.TRUE);
            factorRefs.put("postoperativeRadiotherapy", planned.stream().map(RadiotherapyFinding::reference).toList());
        }
        if (!findings.conditions(ConditionKind.VISCERAL_METASTASIS).isEmpty()
                && !findings.observations().containsKey(MeasurementCatalogue.VISCERAL)) {
            notes.add("Visceral metastasis on record (" + String.join(", ", findings
                    .conditions(ConditionKind.VISCERAL_METASTASIS).stream().map(ConditionFinding::reference).toList())
                    + ") but not whether it is removable: record " + MeasurementCatalogue.VISCERAL + ".");
        }
        if (diagnosis == null && findings.hasSpinalMetastasis()) {
            notes.add("The spinal-metastasis Condition has no onset date.");
        }
        return new Mapped(builder.build(), refs, factors, factorRefs, notes);
    }

    private static String whySnomedGivesNoSite(String code) {
        return PrimarySite.organOfGrouper(code)
                .map(organ -> "its SNOMED CT concept " + code + " is a malignant tumour in the " + organ
                        + " site, primary or metastatic (SNOMED CT files both under it)")
                .orElse("its SNOMED CT concept " + code + " is not one the service maps to a primary site (listed "
                        + "concepts only, not their descendants)");
    }

    private static void primarySite(Findings findings, Measurements.Builder builder, Map<String, List<String>> refs,
                                    List<String> notes) {
        if (findings.observations().containsKey(MeasurementCatalogue.PRIMARY_SITE)) {
            return; // recorded explicitly
        }
        Map<PrimarySite, List<String>> sites = new LinkedHashMap<>();
        for (ConditionFinding c : findings.conditions(ConditionKind.PRIMARY_CANCER)) {
            boolean snomed = CodeSystems.SNOMED_CT.equals(c.system());
            Optional<PrimarySite> site = snomed ? PrimarySite.fromSnomed(c.code())
                    : CodeSystems.isIcd10(c.system()) ? PrimarySite.fromIcd10(c.code()) : Optional.empty();
            if (site.isPresent()) {
                sites.computeIfAbsent(site.get(), s -> new ArrayList<>()).add(c.reference());
            } else {
                notes.add(c.reference() + ": " + (snomed ? whySnomedGivesNoSite(c.code())
                        : "its ICD-10 code does not tell the primary site") + "; record "
                        + MeasurementCatalogue.PRIMARY_SITE + ".");
            }
        }
        if (sites.size() == 1) {
            Map.Entry<PrimarySite, List<String>> only = sites.entrySet().iterator().next();
            builder.code(MeasurementCatalogue.PRIMARY_SITE, only.getKey().name());
            refs.put(MeasurementCatalogue.PRIMARY_SITE, only.getValue());
        } else if (sites.size() > 1) {
            notes.add("Primary cancers of " + sites.size() + " different sites on record ("
                    + String.join(", ", sites.values().stream().flatMap(List::stream).toList())
                    + "): record " + MeasurementCatalogue.PRIMARY_SITE + ".");
        }
    }

    private static LocalDate spinalDiagnosis(Findings findings, Measurements.Builder builder,
                                             Map<String, List<String>> refs) {
        Optional<ConditionFinding> first = findings.conditions(ConditionKind.SPINAL_METASTASIS).stream()
                .filter(c -> c.onset() != null).min(Comparator.comparing(ConditionFinding::onset));
        first.ifPresent(c -> {
            builder.date(MeasurementCatalogue.SPINAL_DIAGNOSIS, c.onset());
            refs.put(MeasurementCatalogue.SPINAL_DIAGNOSIS, List.of(c.reference()));
        });
        return first.map(ConditionFinding::onset).orElse(null);
    }

    private static void chemotherapy(Findings findings, LocalDate hookDate, Measurements.Builder builder,
                                     Map<String, List<String>> refs) {
        if (findings.observations().containsKey(MeasurementCatalogue.CHEMOTHERAPY)) {
            return;
        }
        List<MedicationUse> doses = findings.medications().stream()
                .filter(u -> u.administered() && !u.date().isAfter(hookDate)
                        && u.atc().stream().anyMatch(CytotoxicAgents::cytotoxic))
                .sorted(Comparator.comparing(MedicationUse::date)).toList();
        if (doses.isEmpty()) {
            return;
        }
        MedicationUse first = doses.get(0);
        MedicationUse last = doses.get(doses.size() - 1);
        builder.code(MeasurementCatalogue.CHEMOTHERAPY, "GIVEN");
        builder.date(MeasurementCatalogue.CHEMO_FIRST, first.date());
        builder.date(MeasurementCatalogue.CHEMO_LAST, last.date());
        refs.put(MeasurementCatalogue.CHEMOTHERAPY, doses.stream().map(MedicationUse::reference).toList());
        refs.put(MeasurementCatalogue.CHEMO_FIRST, List.of(first.reference()));
        refs.put(MeasurementCatalogue.CHEMO_LAST, List.of(last.reference()));
    }

    private static void drugs(Findings findings, LocalDate windowStart, Measurements.Builder builder,
                              Map<String, List<String>> refs, List<String> notes) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> from = new ArrayList<>();
        List<String> unclassified = new ArrayList<>();
        for (MedicationUse u : findings.medications()) {
            boolean current = u.administered() ? !u.date().isBefore(windowStart) : true;
            if (!current) {
                continue;
            }
            if (u.atc().isEmpty()) {
                unclassified.add(u.reference() + " (RxNorm " + String.join(", ", u.rxnorm())
                        + (u.display() == null ? "" : ", \"" + u.display() + "\"") + ")");
                continue;
            }

            List<String> anticancer = u.atc().stream().filter(c -> startsWith(c, ANTICANCER_ATC))
                    .filter(TargetedAgents::validCode).toList();
            if (!anticancer.isEmpty()) {
                codes.addAll(anticancer);
                from.add(u.reference());
            }
        }
        if (!unclassified.isEmpty()) {
            notes.add("Medications coded in RxNorm only with codes the service cannot classify: "
                    + String.join("; ", unclassified) + ". Targeted therapy is left unknown; send ATC codes as well.");
            return;
        }
        if (!codes.isEmpty()) {
            builder.codes(MeasurementCatalogue.DRUGS, List.copyOf(codes));
            refs.put(MeasurementCatalogue.DRUGS, from);
        }
    }

    /** Says, for each medication used, which RxNorm code was read as which ATC code. */
    private static void translations(Findings findings, Map<String, List<String>> refs, List<String> notes) {
        Set<String> used = new LinkedHashSet<>(refs.getOrDefault(MeasurementCatalogue.DRUGS, List.of()));
        used.addAll(refs.getOrDefault(MeasurementCatalogue.CHEMOTHERAPY, List.of()));
        for (MedicationUse u : findings.medications()) {
            if (u.atcFromRxNorm() && used.contains(u.reference())) {
                notes.add(u.reference() + ": " + u.rxnorm().stream().map(RxNormAgents::find).flatMap(Optional::stream)
                        .map(a -> "RxNorm " + a.rxcui() + " (" + a.name() + ") read as ATC " + a.atc())
                        .distinct().collect(Collectors.joining("; ")) + ".");
            }
        }
    }

    private static boolean startsWith(String code, List<String> prefixes) {
        return prefixes.stream().anyMatch(code::startsWith);
    }
}
