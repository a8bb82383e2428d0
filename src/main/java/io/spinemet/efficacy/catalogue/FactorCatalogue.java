package io.spinemet.efficacy.catalogue;

import static io.spinemet.efficacy.catalogue.Procedure.DECOMPRESSION;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The single source of truth for the study's factors. The cohort CSV columns, the design-matrix terms, API validation,
 * the OpenAPI schema and the docs all derive from {@link #FACTORS}. Adding a factor is one entry here.
 *
 * <p>Definitions, cut-offs and sources follow the project's data dictionary (§2); "independent" records the
 * multivariable findings of the study abstract (§3).
 */
public final class FactorCatalogue {

    private static final Set<Procedure> BOTH = EnumSet.allOf(Procedure.class);
    private static final Set<Procedure> NONE = Set.of();

    /** All factors, in CSV column order. */
    public static final List<Factor> FACTORS = List.of(
            bool("malnutrition", "Preoperative malnutrition",
                    "Serum albumin < 35 g/L (3.5 g/dL) before surgery; NRS-2002 >= 3 is an accepted alternative rule.",
                    "Ryvlin et al., Brain Spine 2025 (modal threshold 3.5 g/dL); Gelfand 2021 and Hussain 2019 (NSQIP)",
                    "true", BOTH, Modifiability.BEFORE_SURGERY),
            bool("poorPerformanceStatus", "Poor preoperative performance status",
                    "Poor activities of daily living / 'life status': KPS <= 40, or ECOG >= 3, or Barthel <= 60. "
                            + "The study never named its scale.",
                    "Tokuhashi KPS bands (NICE CG75 appendix 3); ECOG fitness threshold; Barthel banding (Liu 2007)",
                    "true", BOTH, Modifiability.NONE),
            bool("leukopenia", "Leukopenia",
                    "White blood cell count < 4.0 x 10^9/L before surgery (3.5 is the WS/T 405-2012 lower limit).",
                    "Traditional Chinese definition; WS/T 405-2012; CTCAE v5 'WBC decreased'",
                    null, NONE, Modifiability.NONE),
            new Factor("primaryTumorGrowth", "Growth class of the primary tumour (Tomita)",
                    "Tomita class of the primary: SLOW (breast, thyroid, prostate), MODERATE (kidney, uterus), "
                            + "RAPID (lung, stomach, liver, colon, primary unknown).",
                    "Tomita et al., Spine 2001;26(3):298-306",
                    FactorType.CATEGORICAL, List.of("SLOW", "MODERATE", "RAPID"), "SLOW", null, BOTH,
                    null, NONE, Modifiability.NONE, null,
                    List.of(level("primaryTumorGrowth", "MODERATE"), level("primaryTumorGrowth", "RAPID"))),
            bool("targetedTherapy", "Targeted drug therapy",
                    "A molecularly targeted anticancer agent (EGFR/ALK TKI, anti-HER2, anti-VEGF/multikinase) given at "
                            + "surgery or started within 3 months after it; immunotherapy and endocrine therapy excluded.",
                    "Study abstract ('lack of targeted drugs'); data dictionary §2(5)",
                    "false", BOTH, Modifiability.AFTER_SURGERY),
            bool("metastasisDuringChemotherapy", "Spinal metastasis during chemotherapy",
                    "The spinal metastasis was diagnosed while cytotoxic chemotherapy was active: from the first cycle "
                            + "to 28 days after the last (chemo-refractory disease).",
                    "Study abstract; 28-day window proposed in data dictionary §2(6)",
                    "true", BOTH, Modifiability.NONE),
            bool("primaryRadicallyResected", "Primary radically resected",
                    "Curative-intent R0 resection of the primary tumour before the spinal metastasis was diagnosed.",
                    "Study abstract, factor (7); data dictionary §2(7)",
                    null, NONE, Modifiability.NONE),
            new Factor("vertebraeInvolved", "Number of vertebrae involved",
                    "Number of vertebral bodies with metastasis on MRI, CT, bone scan or PET-CT; one linear term. At "
                            + "most 25: the 24 mobile vertebrae (7 cervical, 12 thoracic, 5 lumbar) and the sacrum.",
                    "Study abstract, factor (8); Tokuhashi bands 1 / 2 / >= 3",
                    FactorType.INTEGER, List.of(), null, 1, 25, BOTH, null, NONE, Modifiability.NONE, null,
                    List.of(new Term("vertebraeInvolved", "vertebraeInvolved", Set.of()))),
            bool("extraspinalBoneMetastasis", "Extraspinal bone metastasis",
                    "At least one bone metastasis outside the spine.",
                    "Study abstract, factor (9); Tokuhashi item 'extraspinal bone metastasis foci'",
                    null, NONE, Modifiability.NONE),
            bool("visceralMetastasis", "Visceral metastasis",
                    "Metastasis to a major internal organ (lung, liver, kidney, brain); lymph nodes excluded.",
                    "Study abstract, factor (10); Tokuhashi wording (R package cliot)",
                    null, NONE, Modifiability.NONE),
            bool("postoperativeRadiotherapy", "Postoperative radiotherapy",
                    "External-beam radiotherapy (conventional or SBRT) to the treated level(s) after surgery and "
                            + "before the 3-month end-point.",
                    "Study abstract ('refusal of radiotherapy'); data dictionary §2(11)",
                    "false", BOTH, Modifiability.AFTER_SURGERY),
            new Factor("frankelGrade", "Frankel grade",
                    "Preoperative Frankel grade A-E. Enters a model as one term: non-ambulatory (A-C) against "
                            + "ambulatory (D-E). Decompression only.",
                    "Frankel classification (Medscape 2172443); dichotomy A-C vs D-E per data dictionary §2(12)",
                    FactorType.CATEGORICAL, List.of("A", "B", "C", "D", "E"), "D-E", null, EnumSet.of(DECOMPRESSION),
                    "A-C", EnumSet.of(DECOMPRESSION), Modifiability.NONE, null,
                    List.of(new Term("frankelGrade=A-C", "frankelGrade", Set.of("A", "B", "C")))));

    private static final Map<String, Factor> BY_ID = FACTORS.stream()
            .collect(Collectors.toMap(Factor::id, f -> f, (a, b) -> a, LinkedHashMap::new));

    private FactorCatalogue() {
    }

    public static Optional<Factor> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Factor get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown factor: " + id));
    }

    /** The factors a procedure's analysis may use, in catalogue order. */
    public static List<Factor> candidates(Procedure procedure) {
        return FACTORS.stream().filter(f -> f.usedIn(procedure)).toList();
    }

    /** The study's independent risk factors for a procedure: the default multivariable predictors. */
    public static List<Factor> studyPredictors(Procedure procedure) {
        return FACTORS.stream().filter(f -> f.independentIn().contains(procedure)).toList();
    }

    /** The catalogue's ids, in order. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /**
     * A boolean factor. A named risk value makes the study's finding explicit: the factor was an independent risk in
     * {@code independentIn}, and for a modifiable factor the favourable value is the opposite of the risk.
     */
    private static Factor bool(String id, String label, String definition, String source, String riskValue,
                               Set<Procedure> independentIn, Modifiability modifiability) {
        Object favourable = modifiability.modifiable() ? !Boolean.parseBoolean(riskValue) : null;
        return new Factor(id, label, definition, source, FactorType.BOOLEAN, List.of(), "false", null, BOTH,
                riskValue, independentIn, modifiability, favourable, List.of(new Term(id, id, Set.of())));
    }

    private static Term level(String factorId, String level) {
        return new Term(factorId + "=" + level, factorId, Set.of(level));
    }
}
