package io.spinemet.efficacy.measurement;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The single source of truth for raw clinical inputs, beside the factor catalogue. Validation, unit conversion,
 * derivation ({@link FactorDerivation}), the scores, {@code GET /api/v1/measurements}, OpenAPI, the calculator form and
 * {@code docs/measurements.md} all derive from {@link #MEASUREMENTS}; the cut-offs below are the only place they are
 * written. Each rule cites the factor catalogue's definition and source (data dictionary §2).
 */
public final class MeasurementCatalogue {

    public static final String SERUM_ALBUMIN = "serumAlbumin";
    public static final String LEUKOCYTE_COUNT = "leukocyteCount";
    public static final String KPS = "karnofskyPerformanceStatus";
    public static final String ECOG = "ecogPerformanceStatus";
    public static final String BARTHEL = "barthelIndex";
    public static final String PRIMARY_SITE = "primaryTumorSite";
    public static final String GROWTH_CLASS = "primaryTumorGrowthClass";
    public static final String CHEMOTHERAPY = "cytotoxicChemotherapy";
    public static final String CHEMO_FIRST = "chemotherapyFirstCycleDate";
    public static final String CHEMO_LAST = "chemotherapyLastCycleDate";
    public static final String SPINAL_DIAGNOSIS = "spinalMetastasisDiagnosisDate";
    public static final String DRUGS = "anticancerDrugs";
    public static final String VERTEBRAE = "vertebralMetastasesCount";
    public static final String EXTRASPINAL = "extraspinalBoneMetastasesCount";
    public static final String VISCERAL = "visceralMetastases";
    public static final String FRANKEL = "frankelClassification";
    public static final String ASIA = "asiaImpairmentScale";

    /** Scores, as named in {@code usedBy}. */
    public static final String TOKUHASHI = "tokuhashi";
    public static final String TOMITA = "tomita";

    /** Malnutrition: serum albumin below this, in g/L. */
    public static final BigDecimal ALBUMIN_BELOW_G_L = new BigDecimal("35");
    /** Leukopenia: white cells below this, in 10*9/L. */
    public static final BigDecimal LEUKOCYTES_BELOW_10E9_L = new BigDecimal("4.0");
    /** Poor performance status: KPS at or below this. */
    public static final int KPS_POOR_AT_MOST = 40;
    /** Poor performance status: ECOG at or above this. */
    public static final int ECOG_POOR_AT_LEAST = 3;
    /** Poor performance status: Barthel at or below this. */
    public static final int BARTHEL_POOR_AT_MOST = 60;
    /** Metastasis during chemotherapy: diagnosed no later than this many days after the last cycle. */
    public static final int CHEMO_WINDOW_DAYS = 28;

    private static final List<AllowedValue> GRADES_A_E = List.of(
            new AllowedValue("A", "Complete: no motor or sensory function below the lesion"),
            new AllowedValue("B", "Sensory only: sensation preserved, no motor function"),
            new AllowedValue("C", "Motor useless: some voluntary motor function, too weak to be useful"),
            new AllowedValue("D", "Motor useful: functional motor function, walks with or without aids"),
            new AllowedValue("E", "Normal motor and sensory function"));

    private static final List<AllowedValue> AIS_A_E = List.of(
            new AllowedValue("A", "Complete: no sensory or motor function in the sacral segments S4-S5"),
            new AllowedValue("B", "Sensory incomplete: sensory but no motor function below the neurological level"),
            new AllowedValue("C", "Motor incomplete: fewer than half the key muscles below the level grade >= 3"),
            new AllowedValue("D", "Motor incomplete: at least half the key muscles below the level grade >= 3"),
            new AllowedValue("E", "Normal sensory and motor function"));

    private static final String PS_RULE = "poorPerformanceStatus is true when any scale given is poor: KPS <= "
            + KPS_POOR_AT_MOST + ", ECOG >= " + ECOG_POOR_AT_LEAST + " or Barthel <= " + BARTHEL_POOR_AT_MOST
            + "; false when at least one scale is given and none is poor";

    /** All measurements, in form order. */
    public static final List<Measurement> MEASUREMENTS = List.of(
            new Measurement(SERUM_ALBUMIN, "Serum albumin",
                    "Serum or plasma albumin concentration measured before surgery.",
                    ValueType.QUANTITY, List.of("g/L", "g/dL"), "g/L", Range.of("5", "80", "g/L"), List.of(),
                    List.of(StandardCode.loinc("1751-7", "Albumin [Mass/volume] in Serum or Plasma"),
                            StandardCode.loinc("61151-7", "Albumin [Mass/volume] in Serum or Plasma by Bromocresol "
                                    + "green (BCG) dye binding method"),
                            StandardCode.loinc("61152-5", "Albumin [Mass/volume] in Serum or Plasma by Bromocresol "
                                    + "purple (BCP) dye binding method")),
                    List.of(derives("malnutrition", "malnutrition is true when serum albumin < "
                            + ALBUMIN_BELOW_G_L + " g/L", "< " + ALBUMIN_BELOW_G_L + " g/L (3.5 g/dL)")),
                    List.of("malnutrition")),
            // Plausible from 0.1 x 10^9/L (100 cells/uL): a count sent as 4 /uL is a unit slip for 4 x 10^3/uL,
            // not leukopenia; a genuinely lower count can be given as the factor leukopenia instead.
            new Measurement(LEUKOCYTE_COUNT, "White blood cell count",
                    "Leukocyte count in blood measured before surgery.",
                    ValueType.QUANTITY, List.of("10*9/L", "10*3/uL", "/uL"), "10*9/L", Range.of("0.1", "500", "10*9/L"),
                    List.of(),
                    List.of(StandardCode.loinc("6690-2", "Leukocytes [#/volume] in Blood by Automated count"),
                            StandardCode.loinc("26464-8", "Leukocytes [#/volume] in Blood")),
                    List.of(derives("leukopenia", "leukopenia is true when the leukocyte count < "
                            + LEUKOCYTES_BELOW_10E9_L + " x 10^9/L", "< " + LEUKOCYTES_BELOW_10E9_L + " x 10^9/L")),
                    List.of("leukopenia")),
            new Measurement(KPS, "Karnofsky performance status",
                    "Karnofsky performance status, 0 (dead) to 100 (normal) in steps of 10.",
                    ValueType.INTEGER, List.of(), null, Range.integers(0, 100, 10), List.of(),
                    List.of(StandardCode.loinc("89243-0", "Karnofsky Performance Status score")),
                    List.of(derives("poorPerformanceStatus", PS_RULE, "KPS <= " + KPS_POOR_AT_MOST)),
                    List.of("poorPerformanceStatus", TOKUHASHI)),
            new Measurement(ECOG, "ECOG performance status",
                    "ECOG/WHO performance status grade, 0 (fully active) to 5 (dead).",
                    ValueType.INTEGER, List.of(), null, Range.integers(0, 5), List.of(),
                    List.of(StandardCode.loinc("89247-1", "ECOG Performance Status score")),
                    List.of(derives("poorPerformanceStatus", PS_RULE, "ECOG >= " + ECOG_POOR_AT_LEAST)),
                    List.of("poorPerformanceStatus", TOKUHASHI)),
            new Measurement(BARTHEL, "Barthel index",
                    "Barthel index of activities of daily living, 0 (total dependence) to 100 (independent).",
                    ValueType.INTEGER, List.of(), null, Range.integers(0, 100), List.of(),
                    // LOINC 96761-2 "Total score Barthel Index" (active; the 0-100 total), as listed in LOINC's
                    // public code pages.
                    List.of(StandardCode.loinc("96761-2", "Total score Barthel Index")),
                    List.of(derives("poorPerformanceStatus", PS_RULE, "Barthel <= " + BARTHEL_POOR_AT_MOST)),
                    List.of("poorPerformanceStatus")),
            new Measurement(PRIMARY_SITE, "Primary tumour site",
                    "Organ site of the primary tumour, in the revised Tokuhashi groups; UNKNOWN_PRIMARY when no "
                            + "primary was found.",
                    ValueType.CODE, List.of(), null, null,
                    Arrays.stream(PrimarySite.values()).map(s -> new AllowedValue(s.name(), s.label())).toList(),
                    Arrays.stream(PrimarySite.values()).flatMap(s -> s.icd10().stream()
                            .map(c -> new StandardCode(StandardCode.ICD10, c, s.name()))).toList(),
                    List.of(derives("primaryTumorGrowth", "primaryTumorGrowth is the site's Tomita class: SLOW "
                                    + sites("SLOW") + "; MODERATE " + sites("MODERATE") + "; RAPID " + sites("RAPID")
                                    + ". Other sites have no published class: give " + GROWTH_CLASS,
                            "site -> Tomita class")),
                    List.of("primaryTumorGrowth", TOKUHASHI, TOMITA)),
            new Measurement(GROWTH_CLASS, "Growth class of the primary (Tomita)",
                    "Tomita growth class assigned by the clinician, needed when the site is not one Tomita names; "
                            + "must agree with the site's class when both are given.",
                    ValueType.CODE, List.of(), null, null,
                    List.of(new AllowedValue("SLOW", "Slow growth (e.g. breast, thyroid, prostate)"),
                            new AllowedValue("MODERATE", "Moderate growth (e.g. kidney, uterus)"),
                            new AllowedValue("RAPID", "Rapid growth (e.g. lung, stomach, primary unknown)")),
                    List.of(), List.of(derives("primaryTumorGrowth", "primaryTumorGrowth is the class given",
                            "identity")),
                    List.of("primaryTumorGrowth", TOMITA)),
            new Measurement(CHEMOTHERAPY, "Cytotoxic chemotherapy before the spinal metastasis",
                    "Whether systemic cytotoxic chemotherapy was started before the spinal metastasis was diagnosed. "
                            + "GIVEN requires the three dates.",
                    ValueType.CODE, List.of(), null, null,
                    List.of(new AllowedValue("NONE", "No cytotoxic chemotherapy before the diagnosis"),
                            new AllowedValue("GIVEN", "Cytotoxic chemotherapy given: send the three dates")),
                    List.of(), List.of(derives("metastasisDuringChemotherapy",
                            "NONE: metastasisDuringChemotherapy is false; GIVEN: decided by the dates", "NONE -> false")),
                    List.of("metastasisDuringChemotherapy")),
            dateOf(CHEMO_FIRST, "First cycle of cytotoxic chemotherapy", "Date of the first cycle of the regimen."),
            dateOf(CHEMO_LAST, "Last cytotoxic dose", "Date of the last cycle (last cytotoxic dose) before the "
                    + "diagnosis, or the latest so far if the regimen continues."),
            dateOf(SPINAL_DIAGNOSIS, "Spinal metastasis diagnosed", "Date the spinal metastasis was diagnosed."),
            new Measurement(DRUGS, "Anticancer drugs",
                    "WHO ATC codes of the anticancer drugs given at surgery or planned to start within 3 months after "
                            + "it; an empty list means none.",
                    ValueType.CODE_LIST, List.of(), null, null, List.of(),
                    Stream.concat(TargetedAgents.GROUPS.stream()
                                    .map(g -> new StandardCode(StandardCode.ATC, g.code(), g.name())),
                            TargetedAgents.AGENTS.stream()
                                    .map(a -> new StandardCode(StandardCode.ATC, a.code(), a.name())))
                            .toList(),
                    List.of(derives("targetedTherapy", "targetedTherapy is true when any drug's ATC code lies in "
                            + TargetedAgents.groupCodes() + " or is one of the VEGF/VEGFR-targeting agents "
                            + TargetedAgents.agentCodes() + " (EGFR/ALK TKIs, anti-HER2, anti-VEGF and multikinase "
                            + "inhibitors); immunotherapy (L01FF, L01FX04) and endocrine therapy (L02) do not count; "
                            + "a level-4 code of " + String.join(" or ", TargetedAgents.splitGroups())
                            + ", a code retired in 2022 (" + String.join(", ", TargetedAgents.RETIRED)
                            + ") and a code outside the 14 ATC main groups are refused",
                            "ATC groups " + TargetedAgents.groupCodes() + "; ATC codes "
                                    + TargetedAgents.agentCodes())),
                    List.of("targetedTherapy")),
            new Measurement(VERTEBRAE, "Vertebrae with metastasis",
                    "Number of vertebral bodies with metastasis on MRI, CT, bone scan or PET-CT.",
                    ValueType.INTEGER, List.of(), null, factorRange("vertebraeInvolved"), List.of(), List.of(),
                    List.of(derives("vertebraeInvolved", "vertebraeInvolved is the count", "identity")),
                    List.of("vertebraeInvolved", TOKUHASHI, TOMITA)),
            new Measurement(EXTRASPINAL, "Extraspinal bone metastases",
                    "Number of bone metastasis foci outside the spine (0 if none).",
                    ValueType.INTEGER, List.of(), null, Range.integers(0, 1000), List.of(), List.of(),
                    List.of(derives("extraspinalBoneMetastasis", "extraspinalBoneMetastasis is true when the count "
                            + ">= 1", ">= 1 focus")),
                    List.of("extraspinalBoneMetastasis", TOKUHASHI, TOMITA)),
            new Measurement(VISCERAL, "Visceral metastases",
                    "Metastases to major internal organs (lung, liver, kidney, brain; lymph nodes excluded) and "
                            + "whether they can be removed or treated.",
                    ValueType.CODE, List.of(), null, null,
                    List.of(new AllowedValue("NONE", "No visceral metastases"),
                            new AllowedValue("REMOVABLE", "Removable or treatable visceral metastases"),
                            new AllowedValue("UNREMOVABLE", "Unremovable or untreatable visceral metastases")),
                    List.of(), List.of(derives("visceralMetastasis", "visceralMetastasis is true unless NONE",
                            "REMOVABLE or UNREMOVABLE -> true")),
                    List.of("visceralMetastasis", TOKUHASHI, TOMITA)),
            new Measurement(FRANKEL, "Frankel grade (assessed)",
                    "Preoperative neurological function on the Frankel scale, A (complete) to E (normal).",
                    ValueType.CODE, List.of(), null, null, GRADES_A_E, List.of(),
                    List.of(derives("frankelGrade", "frankelGrade is the grade assessed", "identity")),
                    List.of("frankelGrade", TOKUHASHI)),
            new Measurement(ASIA, "ASIA impairment scale",
                    "Preoperative ASIA impairment scale (ISNCSCI), A to E; used where no Frankel grade is recorded.",
                    ValueType.CODE, List.of(), null, null, AIS_A_E, List.of(),
                    List.of(new Derives("frankelGrade", "frankelGrade is the AIS letter: the AIS was adapted from "
                            + "Frankel's grades A-E with the same meaning of each letter (C and D are split by key-muscle "
                            + "strength instead of usefulness, so the mapping is approximate at C/D)",
                            "AIS A-E -> Frankel A-E",
                            "Kirshblum et al., J Spinal Cord Med 2011 (ISNCSCI); Frankel et al., Paraplegia 1969")),
                    List.of("frankelGrade", TOKUHASHI)));

    private static final Map<String, Measurement> BY_ID = MEASUREMENTS.stream()
            .collect(Collectors.toMap(Measurement::id, m -> m, (a, b) -> a, LinkedHashMap::new));

    private MeasurementCatalogue() {
    }

    public static Optional<Measurement> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Measurement get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown measurement: " + id));
    }

    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** The measurements that derive {@code factorId}. */
    public static List<Measurement> deriving(String factorId) {
        List<Measurement> out = new ArrayList<>();
        for (Measurement m : MEASUREMENTS) {
            if (m.derives().stream().anyMatch(d -> d.factor().equals(factorId))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The rule of {@code measurementId} for {@code factorId}. */
    public static Derives rule(String measurementId, String factorId) {
        for (Derives d : get(measurementId).derives()) {   // a loop, not a stream: this runs for every derivation
            if (d.factor().equals(factorId)) {
                return d;
            }
        }
        throw new IllegalArgumentException(measurementId + " derives no " + factorId);
    }

    /** The range of an integer factor that a count derives one to one: the factor catalogue's, so the two agree. */
    private static Range factorRange(String factor) {
        Factor f = FactorCatalogue.find(factor).orElseThrow();
        return Range.integers(f.minimum(), f.maximum());
    }

    /** A derivation citing the factor catalogue's definition source for {@code factor}. */
    private static Derives derives(String factor, String rule, String cutoff) {
        return new Derives(factor, rule, cutoff, FactorCatalogue.get(factor).source());
    }

    private static Measurement dateOf(String id, String label, String definition) {
        return new Measurement(id, label, definition, ValueType.DATE, List.of(), null, null, List.of(), List.of(),
                List.of(new Derives("metastasisDuringChemotherapy", "metastasisDuringChemotherapy is true when "
                        + "first cycle <= spinal diagnosis <= last cycle + " + CHEMO_WINDOW_DAYS + " days",
                        "diagnosed no later than " + CHEMO_WINDOW_DAYS + " days after the last cycle",
                        FactorCatalogue.get("metastasisDuringChemotherapy").source())),
                List.of("metastasisDuringChemotherapy"));
    }

    private static String sites(String tomitaClass) {
        return Arrays.stream(PrimarySite.values()).filter(s -> s.tomitaClass().filter(tomitaClass::equals).isPresent())
                .map(s -> s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
