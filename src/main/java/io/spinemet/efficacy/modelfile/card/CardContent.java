package io.spinemet.efficacy.modelfile.card;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Modifiability;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.modelfile.card.CardView.Column;
import io.spinemet.efficacy.modelfile.card.CardView.Fact;
import io.spinemet.efficacy.modelfile.card.CardView.Section;
import io.spinemet.efficacy.modelfile.card.CardView.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Words the card from a model file (TRIPOD+AI: Collins et al., BMJ 2024). Every sentence about the cohort is
 * computed from the file or comes from metadata the trainer supplied; what nobody supplied reads "not stated".
 */
final class CardContent {
    static final String NOT_STATED = "not stated";
    static final String NO_ALTERNATIVE_FIT = "The model file records no fit by another method to compare with.";
    /** Optimism-corrected AUC below which the card says the model barely discriminates. */
    static final double BARELY_DISCRIMINATES = 0.6;
    /** Share of dropped bootstrap replicates above which the card warns. */
    static final double DROPPED_WARNING = 0.10;

    private CardContent() {
    }

    static CardView of(ModelFile m, String sha256) {
        String label = m.procedure().label();
        return new CardView("Model card: " + label + " efficacy model", alerts(m), identity(m, sha256), List.of(
                intendedUse(m), cohort(m), predictors(m), method(m), coefficients(m), alternative(m), univariate(m),
                performance(m), whatIf(m), limitations(m), sources()),
                m.performance() == null ? null : m.performance().calibrationCurve(),
                m.performance() == null ? null : m.performance().roc());
    }

    private static List<String> alerts(ModelFile m) {
        List<String> a = new ArrayList<>();
        if (m.cohort().reconstructed()) {
            a.add("Reconstructed cohort. This model was trained on synthetic patients reconstructed from the study's "
                    + "published summary, not on real patients. Its numbers illustrate the method; do not use them "
                    + "for care.");
        }
        ModelFile.SampleSize s = m.cohort().sampleSize();
        if (s != null && s.available() < s.required()) {
            a.add(String.format(Locale.ROOT, "Too few patients for this model: %d available, %d needed by Riley et "
                    + "al.'s minimum sample size (see Training cohort). Expect overfitting.", s.available(), s.required()));
        }
        Double auc = m.performance() == null ? null : m.performance().aucOptimismCorrected();
        if (auc != null && auc < BARELY_DISCRIMINATES) {
            a.add(String.format(Locale.ROOT, "The model barely discriminates: optimism-corrected AUC %.2f (0.5 is "
                    + "a coin toss).", auc));
        }
        return a;
    }

    private static List<Fact> identity(ModelFile m, String sha256) {
        return List.of(new Fact("Model id", m.modelId()), new Fact("Version", m.modelVersion()),
                new Fact("Model file SHA-256", sha256),
                new Fact("Procedure", m.procedure().label() + " (" + m.procedure().name() + ")"),
                new Fact("Outcome", m.outcome().definition()), new Fact("Served fit", m.method()),
                new Fact("Project version", m.training().projectVersion()));
    }

    private static Section intendedUse(ModelFile m) {
        ModelFile.StudyMetadata md = m.cohort().study();
        return section("intended-use", "Intended use", List.of(), List.of(), List.of(
                new Fact("Purpose", "estimate, before a planned " + m.procedure().label().toLowerCase(Locale.ROOT)
                        + " for spinal metastases, the probability of symptom relief lasting more than 3 months, with "
                        + "a 95% confidence interval, and show how the modifiable factors (nutrition, postoperative "
                        + "radiotherapy, targeted therapy) are associated with it."),
                new Fact("Users", "spine surgeons, oncologists and surgical-planning or EHR tools that show the "
                        + "estimate to a clinician together with this card."),
                new Fact("Population", "patients like the training cohort: site " + stated(md == null ? null : md.site())
                        + "; period " + stated(md == null ? null : md.period()) + "."),
                new Fact("Out of scope", "choosing between PVP and decompression (the models are fitted on "
                        + "different patients); patients unlike the training cohort; survival prediction; "
                        + (m.cohort().reconstructed() ? "any use of this reconstructed model for real patients; " : "")
                        + "use as the sole basis of a decision.")), List.of(), List.of());
    }

    private static Section cohort(ModelFile m) {
        ModelFile.CohortSummary c = m.cohort();
        ModelFile.StudyMetadata md = c.study();
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact("Source", c.source() + ", SHA-256 " + c.sha256()),
                new Fact("Provenance", c.provenance()),
                new Fact("Site", stated(md == null ? null : md.site())),
                new Fact("Period", stated(md == null ? null : md.period())),
                new Fact("Description", stated(md == null ? null : md.description())),
                new Fact("Patients", String.format(Locale.ROOT, "%d; good efficacy %d (%.1f%%); events per variable "
                        + "%.2f (the smaller outcome class per model term)", c.n(), c.events(),
                        100.0 * c.events() / c.n(), c.eventsPerVariable())),
                new Fact("Missing data", "complete-case. The trainer refuses a row with a missing value, so every "
                        + "training patient has every factor and a known outcome; patients without follow-up to 3 "
                        + "months are absent, and the estimates assume they resembled those analysed. The study "
                        + "analysed 34 of its 38 PVP patients, those with complete follow-up, and all 18 "
                        + "decompression patients (docs/study.md).")));
        ModelFile.SampleSize s = c.sampleSize();
        if (s != null) {
            facts.add(new Fact("Minimum sample size (Riley et al. 2019, 2020)", String.format(Locale.ROOT,
                    "for %d parameters and outcome proportion %.3f, assuming a Cox-Snell R² of %.3f (15%% of its "
                            + "maximum %.3f, the recommended conservative default): %s. Required %d; available %d%s.",
                    s.parameters(), s.prevalence(), s.anticipatedR2cs(), s.maxR2cs(),
                    s.criteria().stream().map(k -> k.criterion() + " n = " + k.requiredN())
                            .collect(Collectors.joining("; ")),
                    s.required(), s.available(), s.available() < s.required() ? " (too few)" : " (enough)")));
        }
        Table prevalence = new Table(null, List.of(col("factor"), col("value"), num("patients"), num("proportion")),
                c.prevalence().stream().map(p -> List.of(p.factorId(), p.value(), String.valueOf(p.count()),
                        String.format(Locale.ROOT, "%.3f", p.proportion()))).toList());
        return section("cohort", "Training cohort", List.of(), List.of(), facts, List.of(), List.of(prevalence));
    }

    private static Section predictors(ModelFile m) {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ModelFile.Predictor p : m.predictors()) {
            Factor f = FactorCatalogue.get(p.factorId());
            rows.add(List.of(f.id(), f.definition() + " (" + f.source() + ")",
                    p.terms().stream().map(t -> t.term() + ": " + t.encoding()).collect(Collectors.joining("; ")),
                    f.riskValue() == null ? "none named" : f.id() + " = " + f.riskValue()
                            + (f.independentIn().contains(m.procedure()) ? ", reported as an independent risk"
                            : "")));
            if (f.modifiability() == Modifiability.AFTER_SURGERY) {
                notes.add(f.id() + " is a treatment plan when the prediction is made: enter what is planned after "
                        + "the operation. The model learned from what patients actually received.");
            }
        }
        return section("predictors", "Predictors", List.of("Definitions and their sources: docs/factors.md."), notes,
                List.of(), List.of(), List.of(new Table(null, List.of(col("factor"), col("definition (source)"),
                        col("encoding"), col("study's risk value")), rows)));
    }

    private static Section method(ModelFile m) {
        List<String> bullets = new ArrayList<>(List.of(
                "Univariate analysis: each candidate factor fitted alone by maximum likelihood (odds ratio, Wald 95% "
                        + "CI, Wald and likelihood-ratio p), with Fisher's exact test for categorical factors and "
                        + "Firth's fit alongside.",
                "Separation: linear-programming check for (quasi-)complete separation. " + m.separation().note(),
                "Profile intervals: each constrained maximum is the best of several starts (the previous optimum, "
                        + "the full estimate and earlier optima), and each bound and p-value is re-checked from "
                        + "further starts; a bound is re-solved outward when a better maximum appears.",
                String.format(Locale.ROOT, "Validation: Harrell's optimism bootstrap, B = %d (seed %d), refitting "
                        + "the served estimator in every replicate.", m.training().bootstrap(), m.training().seed()),
                "Reproduce: java -jar target/quarkus-app/quarkus-run.jar " + m.training().command() + " --out DIR"));
        return section("method", "Method", List.of(m.methodDescription() + "."), List.of(), List.of(), bullets,
                List.of());
    }

    private static Section coefficients(ModelFile m) {
        return section("coefficients", "Coefficients (served fit: " + m.method() + ")", List.of(),
                branchNotes(m.coefficients()), List.of(), List.of(),
                List.of(coefficientTable(m.coefficients(), m.method().equals("firth") ? "profile" : "Wald")));
    }

    private static Section alternative(ModelFile m) {
        ModelFile.Fit alt = m.alternativeFit();
        if (alt == null) {
            return section("alternative-fit", "Alternative fit", List.of(NO_ALTERNATIVE_FIT), List.of(), List.of(),
                    List.of(), List.of());
        }
        List<String> notes = new ArrayList<>(alt.warnings());
        notes.addAll(branchNotes(alt.coefficients()));
        return section("alternative-fit", "Alternative fit: " + alt.method() + (alt.reliable() ? "" : " (UNRELIABLE)"),
                List.of(alt.description() + "."), notes, List.of(), List.of(),
                List.of(coefficientTable(alt.coefficients(), alt.method().equals("firth") ? "profile" : "Wald")));
    }

    private static List<String> branchNotes(List<ModelFile.Coefficient> rows) {
        List<String> terms = rows.stream().filter(k -> k.profile() != null && k.profile().multipleBranches())
                .map(ModelFile.Coefficient::term).toList();
        return terms.isEmpty() ? List.of() : List.of("The profile likelihood of " + String.join(", ", terms)
                + " has more than one local maximum; the interval and p-value use the best (global) one.");
    }

    private static Table coefficientTable(List<ModelFile.Coefficient> rows, String ciKind) {
        return new Table(null, List.of(col("term"), num("estimate"), num("SE"), num("OR"),
                col("95% CI (" + ciKind + ")"), num("p")), rows.stream().map(k -> List.of(k.term(),
                num(k.estimate()), num(k.stdError()), num(k.oddsRatio()), ci(k), p(k.pValue()))).toList());
    }

    private static Section univariate(ModelFile m) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelFile.UnivariateResult u : m.univariate()) {
            for (int k = 0; k < u.maximumLikelihood().size(); k++) {
                ModelFile.Coefficient ml = u.maximumLikelihood().get(k);
                ModelFile.Coefficient fi = k < u.firth().size() ? u.firth().get(k) : null;
                rows.add(List.of(ml.term(), num(ml.oddsRatio()), ci(ml), p(ml.pValue()), p(u.likelihoodRatioP()),
                        p(u.fisherExactP()), fi == null ? "" : num(fi.oddsRatio()), fi == null ? "" : ci(fi),
                        fi == null ? "" : p(fi.pValue()), u.separated() ? "yes" : "no"));
            }
        }
        return section("univariate", "Univariate analysis", List.of(), List.of(), List.of(), List.of(), List.of(
                new Table(null, List.of(col("term"), num("OR (ML)"), col("95% CI (Wald)"), num("Wald p"),
                        num("LR p"), num("Fisher p"), num("OR (Firth)"), col("95% CI (profile)"), num("Firth p"),
                        col("separated")), rows)));
    }

    private static Section performance(ModelFile m) {
        ModelFile.Performance perf = m.performance();
        ModelFile.Intervals ci = perf.intervals();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(String.format(Locale.ROOT, "Discrimination: in the training patients, a patient with good "
                + "efficacy received a higher predicted probability than one without in %s of pairs (AUC %s%s); "
                + "corrected for the optimism of fitting and testing on the same patients, AUC %s%s. 0.5 is a coin "
                + "toss and 1 is perfect.", percent(perf.aucApparent()), num(perf.aucApparent()),
                interval(ci == null ? null : ci.aucApparent()), num(perf.aucOptimismCorrected()),
                interval(ci == null ? null : ci.aucOptimismCorrected())));
        if (perf.aucOptimismCorrected() != null && perf.aucOptimismCorrected() < BARELY_DISCRIMINATES) {
            paragraphs.add("An optimism-corrected AUC below 0.6 means that the model barely discriminates: its "
                    + "probabilities hardly separate patients who will benefit from those who will not.");
        }
        paragraphs.add(String.format(Locale.ROOT, "Calibration: the optimism-corrected calibration slope is %s%s. "
                + "A slope below 1 means the predictions are too extreme for new patients and should be shrunk "
                + "towards the average. This correction assumes a calibration slope of 1 (and intercept 0) in the "
                + "training sample, as rms::validate does even for penalized fits; the apparent column shows that "
                + "assumption, not a fitted value.", num(perf.calibrationSlopeOptimismCorrected()),
                interval(ci == null ? null : ci.calibrationSlopeOptimismCorrected())));
        paragraphs.add(String.format(Locale.ROOT, "Overall accuracy: Brier score %s%s in the training patients, %s%s "
                + "corrected (0 is perfect; always predicting the observed proportion scores %.3f).",
                num(perf.brierApparent()), interval(ci == null ? null : ci.brierApparent()),
                num(perf.brierOptimismCorrected()), interval(ci == null ? null : ci.brierOptimismCorrected()),
                m.cohort().events() * (double) (m.cohort().n() - m.cohort().events())
                        / ((double) m.cohort().n() * m.cohort().n())));
        Table table = new Table("95% CIs: DeLong for the apparent AUC; bootstrap percentile for the apparent Brier "
                + "score; location-shifted bootstrap percentile (Noma et al. 2021) for the optimism-corrected measures.",
                List.of(col("measure"), num("apparent"), num("optimism-corrected")), List.of(
                List.of("c-statistic (AUC)", num(perf.aucApparent()) + interval(ci == null ? null : ci.aucApparent()),
                        num(perf.aucOptimismCorrected()) + interval(ci == null ? null : ci.aucOptimismCorrected())),
                List.of("calibration slope", "1 (assumed)", num(perf.calibrationSlopeOptimismCorrected())
                        + interval(ci == null ? null : ci.calibrationSlopeOptimismCorrected())),
                List.of("calibration intercept", "0 (assumed)", num(perf.calibrationInterceptOptimismCorrected())
                        + interval(ci == null ? null : ci.calibrationInterceptOptimismCorrected())),
                List.of("Brier score", num(perf.brierApparent()) + interval(ci == null ? null : ci.brierApparent()),
                        num(perf.brierOptimismCorrected()) + interval(ci == null ? null : ci.brierOptimismCorrected()))));
        List<String> notes = new ArrayList<>();
        ModelFile.BootstrapAccount b = perf.bootstrap();
        if (b != null) {
            int dropped = b.requested() - b.used();
            paragraphs.add(String.format(Locale.ROOT, "Bootstrap: %d replicates requested, %d used, %d dropped "
                    + "(single outcome class %d; a term constant in the resample %d; aliased design %d; failed fit "
                    + "%d). %d replicates with an aliased term were kept by refitting without that term, as R's glm "
                    + "does.", b.requested(), b.used(), dropped, b.singleClass(), b.constantColumn(),
                    b.aliasedDesign(), b.failedFit(), b.refittedWithoutAliased()));
            if (dropped > DROPPED_WARNING * b.requested()) {
                notes.add(String.format(Locale.ROOT, "%.0f%% of the bootstrap replicates were dropped. Dropped "
                        + "replicates are the degenerate, hardest ones, so the optimism is underestimated and the "
                        + "corrected figures are too good.", 100.0 * dropped / b.requested()));
            }
        } else {
            paragraphs.add(String.format(Locale.ROOT, "Bootstrap: %d replicates requested, %d used.",
                    perf.bootstrapReplicates(), perf.bootstrapReplicatesUsed()));
        }
        if (perf.calibrationCurve() != null) {
            paragraphs.add("The calibration curve (" + perf.calibrationCurve().smoother() + ", apparent and "
                    + "optimism-corrected) and the ROC curve are stored in the model file under performance.");
        }
        return section("performance", "Performance", paragraphs, notes, List.of(), List.of(), List.of(table));
    }

    private static Section whatIf(ModelFile m) {
        List<String> modifiable = m.predictors().stream().map(p -> FactorCatalogue.get(p.factorId()))
                .filter(Factor::modifiable).map(Factor::id).toList();
        return section("what-if", "What-if estimates", List.of("For the modifiable factors in this model ("
                + (modifiable.isEmpty() ? "none" : String.join(", ", modifiable)) + "), a prediction also shows the "
                + "probability with the factor at its favourable value. These are associations in observational "
                + "data, not causal effects: changing the factor in a patient need not change the outcome by that "
                + "much, because patients who received a treatment differ from those who did not."), List.of(),
                List.of(), List.of(), List.of());
    }

    private static Section limitations(ModelFile m) {
        return section("limitations", "Limitations", List.of(), List.of(), List.of(), m.limitations(), List.of());
    }

    private static Section sources() {
        return section("sources", "Sources", List.of(), List.of(), List.of(), List.of(
                "The study's design and published figures, in this repository's words: docs/study.md.",
                "Factor definitions, cut-offs and their sources: docs/factors.md."), List.of());
    }

    private static Section section(String id, String title, List<String> paragraphs, List<String> notes,
                                   List<Fact> facts, List<String> bullets, List<Table> tables) {
        return new Section(id, title, paragraphs, notes, facts, bullets, tables);
    }

    static String stated(String value) {
        return value == null || value.isBlank() ? NOT_STATED : value;
    }

    private static Column col(String name) {
        return new Column(name, false);
    }

    private static Column num(String name) {
        return new Column(name, true);
    }

    /** An odds-ratio interval: "0.21 to 4.5"; an infinite bound "0" or "∞"; a failed search says so. */
    static String ci(ModelFile.Coefficient k) {
        ModelFile.ProfileSearch s = k.profile();
        return bound(k.oddsRatioCiLower(), s == null ? null : s.lower(), "0") + " to "
                + bound(k.oddsRatioCiUpper(), s == null ? null : s.upper(), "∞");
    }

    private static String bound(Double value, String status, String infinite) {
        if (value != null) {
            return num(value);
        }
        return Objects.equals(status, "infinite") ? infinite + " (flat profile)"
                : Objects.equals(status, "failed") ? "search failed" : "n/a";
    }

    private static String interval(ModelFile.Interval i) {
        return i == null || i.lower() == null || i.upper() == null ? ""
                : " (95% CI " + num(i.lower()) + " to " + num(i.upper()) + ")";
    }

    private static String percent(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100.0 * v);
    }

    static String num(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
    }

    static String p(Double v) {
        return v == null ? "n/a" : v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }
}
