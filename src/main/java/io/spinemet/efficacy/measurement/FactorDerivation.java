package io.spinemet.efficacy.measurement;

import static io.spinemet.efficacy.measurement.MeasurementCatalogue.ALBUMIN_BELOW_G_L;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.ASIA;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.BARTHEL;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.BARTHEL_POOR_AT_MOST;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.CHEMOTHERAPY;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.CHEMO_FIRST;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.CHEMO_LAST;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.CHEMO_WINDOW_DAYS;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.DRUGS;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.ECOG;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.ECOG_POOR_AT_LEAST;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.EXTRASPINAL;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.FRANKEL;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.GROWTH_CLASS;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.KPS;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.KPS_POOR_AT_MOST;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.LEUKOCYTES_BELOW_10E9_L;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.LEUKOCYTE_COUNT;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.PRIMARY_SITE;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.SERUM_ALBUMIN;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.SPINAL_DIAGNOSIS;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.VERTEBRAE;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.VISCERAL;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Measurements to factors: the one place each derivation rule of {@link MeasurementCatalogue} is applied. Used alike
 * by the API, the trainer (cohort CSV with measurement columns) and FHIR/CDS Hooks.
 *
 * <p>A factor is derived only from the inputs its rule needs; when some are missing it is not derived and
 * {@link Derivation#incomplete()} names them (never a default). Contradictory inputs are problems naming both.
 */
public final class FactorDerivation {

    /**
     * The KPS range of an ECOG grade: ECOG 0 = KPS 90-100, 1 = 70-80, 2 = 50-60, 3 = 30-40, 4 = 10-20, 5 = 0 (ECOG
     * scale: Oken et al., Am J Clin Oncol 1982;5:649-655; correspondence as tabulated in the data dictionary §2(2)).
     */
    public static int[] kpsOfEcog(int ecog) {
        int[][] ranges = {{90, 100}, {70, 80}, {50, 60}, {30, 40}, {10, 20}, {0, 0}};
        return ranges[ecog].clone();
    }

    /** The ECOG grade whose KPS range holds {@code kps} (0-100 in steps of 10), by {@link #kpsOfEcog}. */
    static int ecogOfKps(int kps) {
        for (int e = 0; e <= 5; e++) {
            if (kps >= kpsOfEcog(e)[0]) {
                return e;
            }
        }
        return 5;
    }

    private FactorDerivation() {
    }

    /**
     * The outcome of a derivation.
     *
     * @param factors    derived factor values (Boolean, Integer or level), in factor-catalogue order
     * @param derived    the provenance of each, in the same order
     * @param incomplete factors some of whose measurements were given but not enough of them: factor id to the
     *                   measurement ids still needed
     * @param problems   contradictions between measurements
     */
    public record Derivation(Map<String, Object> factors, List<DerivedFactor> derived,
                             Map<String, List<String>> incomplete, List<MeasurementProblem> problems) {

        public Optional<DerivedFactor> of(String factorId) {
            for (DerivedFactor d : derived) {
                if (d.factor().equals(factorId)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /** Derives every factor the measurements allow. */
    public static Derivation derive(Measurements m) {
        Deriver d = new Deriver(m);
        d.malnutrition();
        d.performanceStatus();
        d.leukopenia();
        d.primaryTumorGrowth();
        d.targetedTherapy();
        d.metastasisDuringChemotherapy();
        d.vertebraeInvolved();
        d.extraspinalBoneMetastasis();
        d.visceralMetastasis();
        d.frankelGrade();
        Map<String, Object> factors = new LinkedHashMap<>();
        List<DerivedFactor> derived = new ArrayList<>();
        for (Factor f : FactorCatalogue.FACTORS) {
            DerivedFactor df = d.out.get(f.id());
            if (df != null) {
                factors.put(f.id(), df.value());
                derived.add(df);
            }
        }
        return new Derivation(factors, List.copyOf(derived), Map.copyOf(d.incomplete), List.copyOf(d.problems));
    }

    /** The Frankel grade an ASIA impairment scale grade maps to (same letter; see the catalogue). */
    public static String frankelOfAsia(String ais) {
        return ais;
    }

    /** The dates metastasisDuringChemotherapy needs, in the order its provenance lists them. */
    private static final List<String> CHEMOTHERAPY_DATES = List.of(CHEMO_FIRST, CHEMO_LAST, SPINAL_DIAGNOSIS);

    private static final class Deriver {
        final Measurements m;
        final Map<String, DerivedFactor> out = new LinkedHashMap<>();
        final Map<String, List<String>> incomplete = new LinkedHashMap<>();
        final List<MeasurementProblem> problems = new ArrayList<>();

        Deriver(Measurements m) {
            this.m = m;
        }

        void malnutrition() {
            m.get(SERUM_ALBUMIN).ifPresent(v -> put("malnutrition", v.number().compareTo(ALBUMIN_BELOW_G_L) < 0,
                    SERUM_ALBUMIN, List.of(v)));
        }

        void leukopenia() {
            m.get(LEUKOCYTE_COUNT).ifPresent(v -> put("leukopenia",
                    v.number().compareTo(LEUKOCYTES_BELOW_10E9_L) < 0, LEUKOCYTE_COUNT, List.of(v)));
        }

        /**
         * Poor when any scale given is poor: KPS <= 40, ECOG >= 3, Barthel <= 60. A KPS and an ECOG grade two or more
         * steps apart on the published correspondence ({@link #kpsOfEcog}) are noted: one of them may be a slip, or
         * they were taken at different times. (Barthel measures activities of daily living, not performance, and is
         * not compared.)
         */
        void performanceStatus() {
            List<MeasuredValue> given = new ArrayList<>();
            boolean poor = false;
            Optional<Integer> kps = m.integer(KPS);
            Optional<Integer> ecog = m.integer(ECOG);
            Optional<Integer> barthel = m.integer(BARTHEL);
            if (kps.isPresent()) {
                given.add(m.get(KPS).orElseThrow());
                poor |= kps.get() <= KPS_POOR_AT_MOST;
            }
            if (ecog.isPresent()) {
                given.add(m.get(ECOG).orElseThrow());
                poor |= ecog.get() >= ECOG_POOR_AT_LEAST;
            }
            if (barthel.isPresent()) {
                given.add(m.get(BARTHEL).orElseThrow());
                poor |= barthel.get() <= BARTHEL_POOR_AT_MOST;
            }
            if (given.isEmpty()) {
                return;
            }
            String note = null;
            if (kps.isPresent() && ecog.isPresent() && Math.abs(ecogOfKps(kps.get()) - ecog.get()) >= 2) {
                int[] range = kpsOfEcog(ecog.get());
                note = "KPS " + kps.get() + " and ECOG " + ecog.get() + " lie two or more steps apart on the KPS-ECOG "
                        + "correspondence (ECOG " + ecog.get() + " = KPS " + (range[0] == range[1] ? range[0]
                        : range[0] + "-" + range[1]) + "): check both entries and their dates. poorPerformanceStatus "
                        + "counts any poor scale.";
            }
            Derives first = MeasurementCatalogue.rule(given.get(0).id(), "poorPerformanceStatus");
            StringJoiner cutoff = new StringJoiner(" or ");
            List<DerivedFactor.Input> inputs = new ArrayList<>(given.size());
            for (MeasuredValue v : given) {
                cutoff.add(MeasurementCatalogue.rule(v.id(), "poorPerformanceStatus").cutoff());
                inputs.add(v.asInput());
            }
            out.put("poorPerformanceStatus", new DerivedFactor("poorPerformanceStatus", poor, inputs, first.rule(),
                    cutoff.toString(), first.source(), note));
        }

        /** The site's Tomita class, or the class given; both given must agree. */
        void primaryTumorGrowth() {
            Optional<MeasuredValue> site = m.get(PRIMARY_SITE);
            Optional<MeasuredValue> given = m.get(GROWTH_CLASS);
            Optional<String> ofSite = site.flatMap(s -> PrimarySite.valueOf((String) s.canonical()).tomitaClass());
            if (ofSite.isPresent() && given.isPresent() && !ofSite.get().equals(given.get().canonical())) {
                conflict(PRIMARY_SITE, GROWTH_CLASS, "the site's Tomita class is " + ofSite.get());
                return;
            }
            if (ofSite.isPresent()) {
                put("primaryTumorGrowth", ofSite.get(), PRIMARY_SITE,
                        given.isPresent() ? List.of(site.get(), given.get()) : List.of(site.get()));
            } else if (given.isPresent()) {
                put("primaryTumorGrowth", given.get().canonical(), GROWTH_CLASS,
                        site.isPresent() ? List.of(site.get(), given.get()) : List.of(given.get()));
            } else if (site.isPresent()) {
                incomplete.put("primaryTumorGrowth", List.of(GROWTH_CLASS));
            }
        }

        void targetedTherapy() {
            m.get(DRUGS).ifPresent(v -> {
                @SuppressWarnings("unchecked")
                List<String> codes = (List<String>) v.canonical();
                boolean targeted = false;
                for (int i = 0; i < codes.size() && !targeted; i++) {
                    targeted = TargetedAgents.targeted(codes.get(i));
                }
                put("targetedTherapy", targeted, DRUGS, List.of(v));
            });
        }

        /** first cycle <= diagnosis <= last cycle + 28 days; NONE means false. */
        void metastasisDuringChemotherapy() {
            Optional<String> chemo = m.code(CHEMOTHERAPY);
            if (chemo.filter("NONE"::equals).isPresent()) {
                for (String id : List.of(CHEMO_FIRST, CHEMO_LAST)) {
                    if (m.has(id)) {
                        conflict(CHEMOTHERAPY, id, "NONE contradicts a chemotherapy date");
                        return;
                    }
                }
                put("metastasisDuringChemotherapy", false, CHEMOTHERAPY, List.of(m.get(CHEMOTHERAPY).orElseThrow()));
                return;
            }
            boolean started = chemo.isPresent() || m.has(CHEMO_FIRST) || m.has(CHEMO_LAST);
            if (!started) {
                return;
            }
            List<String> missing = new ArrayList<>(0);
            for (String id : CHEMOTHERAPY_DATES) {
                if (!m.has(id)) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                incomplete.put("metastasisDuringChemotherapy", List.copyOf(missing));
                return;
            }
            LocalDate first = m.date(CHEMO_FIRST).orElseThrow();
            LocalDate last = m.date(CHEMO_LAST).orElseThrow();
            LocalDate diagnosis = m.date(SPINAL_DIAGNOSIS).orElseThrow();
            if (last.isBefore(first)) {
                conflict(CHEMO_FIRST, CHEMO_LAST, "the last cycle is before the first");
                return;
            }
            boolean during = !diagnosis.isBefore(first) && !diagnosis.isAfter(last.plusDays(CHEMO_WINDOW_DAYS));
            List<MeasuredValue> inputs = new ArrayList<>(4);
            chemo.ifPresent(c -> inputs.add(m.get(CHEMOTHERAPY).orElseThrow()));
            for (String id : CHEMOTHERAPY_DATES) {
                inputs.add(m.get(id).orElseThrow());
            }
            put("metastasisDuringChemotherapy", during, CHEMO_FIRST, inputs);
        }

        void vertebraeInvolved() {
            m.get(VERTEBRAE).ifPresent(v -> put("vertebraeInvolved", v.canonical(), VERTEBRAE, List.of(v)));
        }

        void extraspinalBoneMetastasis() {
            m.get(EXTRASPINAL).ifPresent(v -> put("extraspinalBoneMetastasis", (Integer) v.canonical() >= 1,
                    EXTRASPINAL, List.of(v)));
        }

        void visceralMetastasis() {
            m.get(VISCERAL).ifPresent(v -> put("visceralMetastasis", !"NONE".equals(v.canonical()), VISCERAL,
                    List.of(v)));
        }

        /** The Frankel grade assessed, or the AIS letter; both given must agree. */
        void frankelGrade() {
            Optional<MeasuredValue> frankel = m.get(FRANKEL);
            Optional<MeasuredValue> asia = m.get(ASIA);
            if (frankel.isPresent() && asia.isPresent()
                    && !frankel.get().canonical().equals(frankelOfAsia((String) asia.get().canonical()))) {
                conflict(FRANKEL, ASIA, "the two grades differ");
                return;
            }
            if (frankel.isPresent()) {
                put("frankelGrade", frankel.get().canonical(), FRANKEL,
                        asia.isPresent() ? List.of(frankel.get(), asia.get()) : List.of(frankel.get()));
            } else if (asia.isPresent()) {
                put("frankelGrade", frankelOfAsia((String) asia.get().canonical()), ASIA, List.of(asia.get()));
            }
        }

        /** Records a derived value, after checking it against the factor catalogue (its bounds apply). */
        private void put(String factorId, Object value, String ruleOf, List<MeasuredValue> inputs) {
            Factor factor = FactorCatalogue.get(factorId);
            if (!factor.allows(value)) {
                problems.add(new MeasurementProblem(ruleOf, null, "derives " + factorId + " outside the factor catalogue",
                        factor.allowedValues()));
                return;
            }
            Derives rule = MeasurementCatalogue.rule(ruleOf, factorId);
            List<DerivedFactor.Input> from = new ArrayList<>(inputs.size());
            for (MeasuredValue input : inputs) {
                from.add(input.asInput());
            }
            out.put(factorId, new DerivedFactor(factorId, value, List.copyOf(from), rule.rule(), rule.cutoff(),
                    rule.source()));
        }

        /** Two contradictory measurements: a problem at each, naming the other. */
        private void conflict(String a, String b, String why) {
            problems.add(new MeasurementProblem(a, null, "contradicts " + b + ": " + why, "consistent values"));
            problems.add(new MeasurementProblem(b, null, "contradicts " + a + ": " + why, "consistent values"));
        }
    }
}
