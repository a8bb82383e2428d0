package io.spinemet.efficacy.scores;

import static io.spinemet.efficacy.measurement.MeasurementCatalogue.ASIA;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.ECOG;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.EXTRASPINAL;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.FRANKEL;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.KPS;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.PRIMARY_SITE;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.VERTEBRAE;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.VISCERAL;

import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.Measurements;
import io.spinemet.efficacy.measurement.PrimarySite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The revised Tokuhashi score: six items of 0-2 points (primary site 0-5), total 0-15.
 *
 * <pre>
 * general condition (KPS)        10-40: 0   50-70: 1   80-100: 2
 * extraspinal bone metastasis    >= 3 foci: 0   1-2: 1   0: 2
 * vertebral body metastases      >= 3: 0   2: 1   1: 2
 * major internal organ mets      unremovable: 0   removable: 1   none: 2
 * primary site                   0 / 1 / 2 / 3 / 4 / 5 (see {@link PrimarySite})
 * palsy                          Frankel A, B: 0   C, D: 1   E: 2
 * total 0-8: &lt; 6 months; 9-11: &gt;= 6 months; 12-15: &gt;= 1 year
 * </pre>
 *
 * <p>Tokuhashi et al., Spine 2005;30(19):2186-2191 (data dictionary §5.1). The item "general condition" needs a KPS;
 * an ECOG grade is converted only where the published ECOG-KPS correspondence puts it in one KPS band (ECOG 0, 2, 3,
 * 4), with a warning; ECOG 1 (KPS 70-80) straddles two bands and ECOG 5 (dead) is outside the table, so they are
 * refused.
 */
public final class Tokuhashi {

    public static final String CITATION = "Revised Tokuhashi score: Tokuhashi Y, Matsuzaki H, Oda H, Oshima M, Ryu J. "
            + "A revised scoring system for preoperative evaluation of metastatic spine tumor prognosis. "
            + "Spine 2005;30(19):2186-2191 (table as reproduced in NICE CG75, appendix 3).";
    public static final int MAXIMUM = 15;

    /** The ECOG-KPS correspondence used for the conversion. */
    public static final String ECOG_CONVERSION = "ECOG 0 = KPS 90-100, 1 = 70-80, 2 = 50-60, 3 = 30-40, 4 = 10-20, "
            + "5 = 0 (ECOG scale: Oken et al., Am J Clin Oncol 1982;5:649-655; correspondence as tabulated in the "
            + "project's data dictionary §2(2))";

    static final List<Score.Banding> BANDS = List.of(
            new Score.Banding(0, 8, "< 6 months", "Conservative care or palliative surgery"),
            new Score.Banding(9, 11, ">= 6 months",
                    "Palliative surgery; excisional surgery if there is a single lesion and no visceral metastasis"),
            new Score.Banding(12, 15, ">= 1 year", "Excisional surgery"));

    private Tokuhashi() {
    }

    public static Score score(Measurements m) {
        return score(m, GivenFactors.NONE);
    }

    /** The score from measurements, with factors given directly settling the items they can (see {@link GivenFactors}). */
    static Score score(Measurements m, GivenFactors given) {
        List<Score.Item> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        generalCondition(m, warnings).ifPresentOrElse(items::add, () -> missing.add(KPS));
        m.integer(EXTRASPINAL).map(Tokuhashi::extraspinal).or(() -> extraspinal(given, warnings))
                .ifPresentOrElse(items::add, () -> missing.add(EXTRASPINAL));
        m.integer(VERTEBRAE).map(Tokuhashi::vertebrae)
                .or(() -> given.vertebrae().map(n -> vertebrae(n, GivenFactors.input(GivenFactors.VERTEBRAE, n))))
                .ifPresentOrElse(items::add, () -> missing.add(VERTEBRAE));
        m.code(VISCERAL).map(Tokuhashi::visceral).or(() -> visceral(given, warnings))
                .ifPresentOrElse(items::add, () -> missing.add(VISCERAL));
        m.code(PRIMARY_SITE).ifPresentOrElse(s -> items.add(primarySite(PrimarySite.valueOf(s))),
                () -> missing.add(PRIMARY_SITE));
        palsy(m).or(() -> given.frankel().map(g -> palsy(g, GivenFactors.input(GivenFactors.FRANKEL, g))))
                .ifPresentOrElse(items::add, () -> missing.add(FRANKEL));
        if (!missing.isEmpty()) {
            return Score.notComputed(missing, CITATION, warnings);
        }
        return Score.computed(items, MAXIMUM, Score.Banding.of(BANDS, Score.total(items)), CITATION, warnings);
    }

    /** KPS 10-40: 0, 50-70: 1, 80-100: 2; an ECOG grade only through the published correspondence. */
    static Optional<Score.Item> generalCondition(Measurements m, List<String> warnings) {
        String item = "General condition (KPS)";
        Optional<Integer> kps = m.integer(KPS);
        if (kps.isPresent()) {
            int k = kps.get();
            if (k == 0) {
                warnings.add("KPS 0 (dead) is outside the Tokuhashi table (KPS 10-100).");
                return Optional.empty();
            }
            return Optional.of(new Score.Item(item, "KPS " + k, kpsCategory(k), kpsPoints(k)));
        }
        Optional<Integer> ecog = m.integer(ECOG);
        if (ecog.isEmpty()) {
            return Optional.empty();
        }
        int e = ecog.get();
        int[] range = FactorDerivation.kpsOfEcog(e);
        int low = range[0];
        int high = range[1];
        if (low == 0 || kpsPoints(low) != kpsPoints(high)) {
            warnings.add("ECOG " + e + " corresponds to KPS " + (low == high ? low : low + "-" + high)
                    + ", which " + (low == 0 ? "is outside the Tokuhashi table" : "spans two Tokuhashi bands")
                    + ": give the KPS (" + ECOG_CONVERSION + ").");
            return Optional.empty();
        }
        warnings.add("General condition scored from ECOG " + e + " converted to KPS " + low + "-" + high
                + " by a published correspondence, not from a measured KPS (" + ECOG_CONVERSION + ").");
        return Optional.of(new Score.Item(item, "ECOG " + e + " (KPS " + low + "-" + high + ")",
                kpsCategory(low), kpsPoints(low)));
    }

    static int kpsPoints(int kps) {
        return kps <= 40 ? 0 : kps <= 70 ? 1 : 2;
    }

    static String kpsCategory(int kps) {
        return kps <= 40 ? "poor (KPS 10-40)" : kps <= 70 ? "moderate (KPS 50-70)" : "good (KPS 80-100)";
    }

    static Score.Item extraspinal(int foci) {
        String item = "Extraspinal bone metastasis foci";
        String input = Score.count(foci, "focus", "foci");
        return foci >= 3 ? new Score.Item(item, input, ">= 3", 0)
                : foci >= 1 ? new Score.Item(item, input, "1-2", 1) : new Score.Item(item, input, "0", 2);
    }

    /** extraspinalBoneMetastasis = false: no focus; true does not say 1-2 or >= 3. */
    private static Optional<Score.Item> extraspinal(GivenFactors given, List<String> warnings) {
        return GivenFactors.whenFalse(given.extraspinal(), GivenFactors.EXTRASPINAL, EXTRASPINAL,
                "whether there are 1-2 or >= 3 foci",
                input -> new Score.Item("Extraspinal bone metastasis foci", input, "0", 2), warnings);
    }

    /** visceralMetastasis = false: no metastasis; true does not say removable or not. */
    private static Optional<Score.Item> visceral(GivenFactors given, List<String> warnings) {
        return GivenFactors.whenFalse(given.visceral(), GivenFactors.VISCERAL, VISCERAL,
                "whether the metastases are removable",
                input -> new Score.Item("Metastases to major internal organs", input, "no metastasis", 2), warnings);
    }

    static Score.Item vertebrae(int n) {
        return vertebrae(n, Score.count(n, "vertebra", "vertebrae"));
    }

    static Score.Item vertebrae(int n, String input) {
        String item = "Metastases in the vertebral body";
        return n >= 3 ? new Score.Item(item, input, ">= 3", 0)
                : n == 2 ? new Score.Item(item, input, "2", 1) : new Score.Item(item, input, "1", 2);
    }

    static Score.Item visceral(String code) {
        String item = "Metastases to major internal organs";
        return switch (code) {
            case "UNREMOVABLE" -> new Score.Item(item, code, "unremovable", 0);
            case "REMOVABLE" -> new Score.Item(item, code, "removable", 1);
            case "NONE" -> new Score.Item(item, code, "no metastasis", 2);
            default -> throw new IllegalArgumentException(code);
        };
    }

    static Score.Item primarySite(PrimarySite site) {
        String category = switch (site.tokuhashiPoints()) {
            case 0 -> "lung, osteosarcoma, stomach, bladder, oesophagus, pancreas";
            case 1 -> "liver, gallbladder, unidentified";
            case 2 -> "others";
            case 3 -> "kidney, uterus";
            case 4 -> "rectum";
            case 5 -> "thyroid, breast, prostate, carcinoid";
            default -> throw new IllegalStateException();
        };
        return new Score.Item("Primary site of the cancer", site.name(), category, site.tokuhashiPoints());
    }

    /** Frankel A, B: complete (0); C, D: incomplete (1); E: none (2). An AIS grade maps letter for letter. */
    static Optional<Score.Item> palsy(Measurements m) {
        Optional<String> frankel = m.code(FRANKEL);
        String input;
        String grade;
        if (frankel.isPresent()) {
            grade = frankel.get();
            input = "Frankel " + grade;
        } else if (m.code(ASIA).isPresent()) {
            grade = FactorDerivation.frankelOfAsia(m.code(ASIA).get());
            input = "ASIA impairment scale " + m.code(ASIA).get() + " (Frankel " + grade + ")";
        } else {
            return Optional.empty();
        }
        return Optional.of(palsy(grade, input));
    }

    static Score.Item palsy(String grade, String input) {
        String item = "Palsy";
        return switch (grade) {
            case "A", "B" -> new Score.Item(item, input, "complete (Frankel A, B)", 0);
            case "C", "D" -> new Score.Item(item, input, "incomplete (Frankel C, D)", 1);
            case "E" -> new Score.Item(item, input, "none (Frankel E)", 2);
            default -> throw new IllegalArgumentException(grade);
        };
    }
}
