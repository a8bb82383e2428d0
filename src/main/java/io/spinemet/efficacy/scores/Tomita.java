package io.spinemet.efficacy.scores;

import static io.spinemet.efficacy.measurement.MeasurementCatalogue.EXTRASPINAL;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.GROWTH_CLASS;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.PRIMARY_SITE;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.VERTEBRAE;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.VISCERAL;

import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.Measurements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Tomita score: three items, total 2-10.
 *
 * <pre>
 * primary tumour       slow growth: 1   moderate growth: 2   rapid growth: 4
 * visceral metastases  none: 0   treatable: 2   untreatable: 4
 * bone metastases      solitary or isolated: 1   multiple: 2   (spine included)
 * total 2-3 long-term local control; 4-5 middle-term; 6-7 short-term palliation; 8-10 terminal care
 * </pre>
 *
 * <p>Tomita et al., Spine 2001;26(3):298-306 (data dictionary §5.2). Bone metastases are counted spine included:
 * one vertebra and no extraspinal focus is solitary; two or more vertebrae, or any extraspinal focus, is multiple
 * (data dictionary §5.3). Counts cannot show that two lesions are "isolated" in one region, so such a patient scores
 * as multiple.
 */
public final class Tomita {

    public static final String CITATION = "Tomita score: Tomita K, Kawahara N, Kobayashi T, Yoshida A, Murakami H, "
            + "Akamaru T. Surgical strategy for spinal metastases. Spine 2001;26(3):298-306.";
    public static final int MAXIMUM = 10;

    static final List<Score.Banding> BANDS = List.of(
            new Score.Banding(2, 3, "Long-term local control", "Wide or marginal excision"),
            new Score.Banding(4, 5, "Middle-term local control", "Marginal or intralesional excision"),
            new Score.Banding(6, 7, "Short-term palliation", "Palliative surgery"),
            new Score.Banding(8, 10, "Terminal care", "Supportive, non-operative care"));

    private Tomita() {
    }

    /** The score, taking the primary's growth class from the derivation (site class or the class given). */
    public static Score score(Measurements m, FactorDerivation.Derivation derivation) {
        return score(m, derivation, GivenFactors.NONE);
    }

    /**
     * The score from measurements and their derivation, with factors given directly settling the items they can (see
     * {@link GivenFactors}).
     */
    static Score score(Measurements m, FactorDerivation.Derivation derivation, GivenFactors given) {
        List<Score.Item> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Object growth = derivation.factors().get(GivenFactors.GROWTH);
        if (growth != null) {
            items.add(primary((String) growth, m.code(PRIMARY_SITE).map(s -> s + " (" + growth + ")")
                    .orElse((String) growth)));
        } else if (given.growth().isPresent()) {
            items.add(primary(given.growth().get(), GivenFactors.input(GivenFactors.GROWTH, given.growth().get())));
        } else {
            missing.add(m.has(PRIMARY_SITE) ? GROWTH_CLASS : PRIMARY_SITE);
        }
        m.code(VISCERAL).map(Tomita::visceral)
                .or(() -> GivenFactors.whenFalse(given.visceral(), GivenFactors.VISCERAL, VISCERAL,
                        "whether the metastases are treatable",
                        input -> new Score.Item("Visceral metastases", input, "no metastasis", 0), warnings))
                .ifPresentOrElse(items::add, () -> missing.add(VISCERAL));
        Optional<Integer> vertebrae = m.integer(VERTEBRAE).or(given::vertebrae);
        // extraspinalBoneMetastasis = true means at least one focus: enough to make the bone metastases multiple
        Optional<Integer> extraspinal = m.integer(EXTRASPINAL)
                .or(() -> given.extraspinal().map(any -> any ? 1 : 0));
        bone(vertebrae, extraspinal, boneInput(m, given)).ifPresentOrElse(items::add, () -> {
            if (vertebrae.isEmpty()) {
                missing.add(VERTEBRAE);
            }
            if (extraspinal.isEmpty()) {
                missing.add(EXTRASPINAL);
            }
        });
        if (!missing.isEmpty()) {
            return Score.notComputed(missing, CITATION, warnings);
        }
        return Score.computed(items, MAXIMUM, Score.Banding.of(BANDS, Score.total(items)), CITATION, warnings);
    }

    private static String boneInput(Measurements m, GivenFactors given) {
        String vertebrae = m.integer(VERTEBRAE).map(n -> Score.count(n, "vertebra", "vertebrae"))
                .or(() -> given.vertebrae().map(n -> GivenFactors.input(GivenFactors.VERTEBRAE, n)))
                .orElse("vertebrae not given");
        String extraspinal = m.integer(EXTRASPINAL).map(n -> Score.count(n, "extraspinal focus", "extraspinal foci"))
                .or(() -> given.extraspinal().map(b -> GivenFactors.input(GivenFactors.EXTRASPINAL, b)))
                .orElse("extraspinal foci not given");
        return vertebrae + ", " + extraspinal;
    }

    static Score.Item primary(String growthClass, String input) {
        String item = "Primary tumour";
        return switch (growthClass) {
            case "SLOW" -> new Score.Item(item, input, "slow growth", 1);
            case "MODERATE" -> new Score.Item(item, input, "moderate growth", 2);
            case "RAPID" -> new Score.Item(item, input, "rapid growth", 4);
            default -> throw new IllegalArgumentException(growthClass);
        };
    }

    static Score.Item visceral(String code) {
        String item = "Visceral metastases";
        return switch (code) {
            case "NONE" -> new Score.Item(item, code, "no metastasis", 0);
            case "REMOVABLE" -> new Score.Item(item, code, "treatable", 2);
            case "UNREMOVABLE" -> new Score.Item(item, code, "untreatable", 4);
            default -> throw new IllegalArgumentException(code);
        };
    }

    /** Solitary when 1 vertebra and 0 extraspinal foci; multiple when either count shows a second lesion. */
    static Optional<Score.Item> bone(Optional<Integer> vertebrae, Optional<Integer> extraspinal, String input) {
        String item = "Bone metastases (spine included)";
        boolean multiple = vertebrae.filter(n -> n >= 2).isPresent() || extraspinal.filter(n -> n >= 1).isPresent();
        if (multiple) {
            return Optional.of(new Score.Item(item, input, "multiple", 2));
        }
        if (vertebrae.isPresent() && extraspinal.isPresent()) {
            return Optional.of(new Score.Item(item, input, "solitary or isolated", 1));
        }
        return Optional.empty();
    }
}
