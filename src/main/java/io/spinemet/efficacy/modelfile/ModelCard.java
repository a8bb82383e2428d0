package io.spinemet.efficacy.modelfile;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a model file as a Markdown model card with TRIPOD+AI-style sections: intended use, cohort, predictors,
 * method, coefficients, performance with uncertainty, and limitations. Everything shown comes from the model file.
 */
public final class ModelCard {

    private ModelCard() {
    }

    /**
     * @param sha256 the SHA-256 of the model file's bytes, printed so a reader can check which file the card describes
     */
    public static String markdown(ModelFile m, String sha256) {
        StringBuilder md = new StringBuilder();
        ModelFile.CohortSummary c = m.cohort();
        md.append("# Model card: ").append(m.procedure().label()).append(" efficacy model\n\n");
        if (c.reconstructed()) {
            md.append("> **Reconstructed cohort.** This model was trained on synthetic patients reconstructed from the "
                    + "study's published summary, not on real patients. Its numbers illustrate the method; do not "
                    + "use them for care.\n\n");
        }
        md.append("| | |\n|---|---|\n")
                .append(row("Model id", code(m.modelId())))
                .append(row("Version", code(m.modelVersion())))
                .append(row("Model file SHA-256", code(sha256)))
                .append(row("Procedure", m.procedure().label() + " (" + code(m.procedure().name()) + ")"))
                .append(row("Outcome", m.outcome().definition()))
                .append(row("Served fit", m.method()))
                .append(row("Project version", m.training().projectVersion()))
                .append('\n');

        md.append("## Intended use\n\n")
                .append("- **Purpose:** estimate, before a planned ").append(m.procedure().label().toLowerCase(Locale.ROOT))
                .append(" for spinal metastases, the probability of symptom relief lasting more than 3 months, with a "
                        + "95% confidence interval, and show which modifiable factors (nutrition, postoperative "
                        + "radiotherapy, targeted therapy) move it.\n")
                .append("- **Users:** spine surgeons, oncologists and surgical-planning or EHR tools that show the "
                        + "estimate to a clinician together with this card.\n")
                .append("- **Out of scope:** choosing between PVP and decompression (the models were fitted on "
                        + "different patients); patients outside the study's population (single Chinese centre, "
                        + "2017-2020); survival prediction; any use of the bundled reconstructed model for real "
                        + "patients; use as the sole basis of a decision.\n\n");

        md.append("## Training cohort\n\n")
                .append("- **Source:** ").append(code(c.source())).append(", SHA-256 ").append(code(c.sha256())).append('\n')
                .append("- **Provenance:** ").append(c.provenance()).append('\n')
                .append(String.format(Locale.ROOT, "- **Patients:** %d; good efficacy %d (%.1f%%); events per "
                        + "variable %.2f%n%n", c.n(), c.events(), 100.0 * c.events() / c.n(), c.eventsPerVariable()))
                .append("| factor | value | patients | proportion |\n|---|---|---:|---:|\n");
        c.prevalence().forEach(p -> md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f |%n",
                code(p.factorId()), p.value(), p.count(), p.proportion())));
        md.append('\n');

        md.append("## Predictors\n\n| factor | definition | encoding | study finding |\n|---|---|---|---|\n");
        for (ModelFile.Predictor p : m.predictors()) {
            Factor f = FactorCatalogue.get(p.factorId());
            md.append("| ").append(code(f.id())).append(" | ").append(f.definition()).append(" *(")
                    .append(f.source()).append(")* | ")
                    .append(p.terms().stream().map(t -> code(t.term()) + ": " + t.encoding())
                            .collect(Collectors.joining("; ")))
                    .append(" | risk level ").append(code(String.valueOf(f.riskValue())))
                    .append(" reported as independent |\n");
        }
        md.append('\n');

        md.append("## Method\n\n").append(m.methodDescription()).append(".\n\n")
                .append("- Univariate analysis: each candidate factor fitted alone by maximum likelihood (odds ratio, "
                        + "Wald 95% CI, Wald and likelihood-ratio p), with Fisher's exact test for categorical "
                        + "factors and Firth's fit alongside.\n")
                .append("- Separation: linear-programming check for (quasi-)complete separation. ")
                .append(m.separation().note()).append('\n')
                .append(String.format(Locale.ROOT, "- Validation: Harrell's optimism bootstrap, B = %d (seed %d), "
                        + "refitting the served estimator in every replicate.%n", m.training().bootstrap(),
                        m.training().seed()))
                .append("- Reproduce: `java -jar target/quarkus-app/quarkus-run.jar ").append(m.training().command())
                .append(" --out DIR`\n\n");

        md.append("## Coefficients (served fit: ").append(m.method()).append(")\n\n");
        coefficientTable(md, m.coefficients(), m.method().equals("firth") ? "profile" : "Wald");
        ModelFile.Fit alt = m.alternativeFit();
        md.append("## Alternative fit: ").append(alt.method()).append(alt.reliable() ? "" : " (UNRELIABLE)")
                .append("\n\n").append(alt.description()).append(".\n\n");
        alt.warnings().forEach(w -> md.append("> ").append(w).append("\n\n"));
        coefficientTable(md, alt.coefficients(), alt.method().equals("firth") ? "profile" : "Wald");

        md.append("## Univariate analysis\n\n| term | OR (ML) | 95% CI (Wald) | Wald p | LR p | Fisher p "
                + "| OR (Firth) | 95% CI (profile) | Firth p | separated |\n|---|---:|---|---:|---:|---:|---:|---|---:|---|\n");
        for (ModelFile.UnivariateResult u : m.univariate()) {
            for (int k = 0; k < u.maximumLikelihood().size(); k++) {
                ModelFile.Coefficient ml = u.maximumLikelihood().get(k);
                ModelFile.Coefficient fi = k < u.firth().size() ? u.firth().get(k) : null;
                md.append("| ").append(code(ml.term())).append(" | ").append(num(ml.oddsRatio())).append(" | ")
                        .append(ci(ml)).append(" | ").append(p(ml.pValue())).append(" | ")
                        .append(p(u.likelihoodRatioP())).append(" | ").append(p(u.fisherExactP())).append(" | ")
                        .append(fi == null ? "" : num(fi.oddsRatio())).append(" | ").append(fi == null ? "" : ci(fi))
                        .append(" | ").append(fi == null ? "" : p(fi.pValue())).append(" | ")
                        .append(u.separated() ? "yes" : "no").append(" |\n");
            }
        }
        md.append('\n');

        ModelFile.Performance perf = m.performance();
        md.append("## Performance\n\n| measure | apparent | optimism-corrected |\n|---|---:|---:|\n")
                .append("| c-statistic (AUC) | ").append(num(perf.aucApparent())).append(" | ")
                .append(num(perf.aucOptimismCorrected())).append(" |\n")
                .append("| calibration slope | ").append(num(perf.calibrationSlopeApparent())).append(" | ")
                .append(num(perf.calibrationSlopeOptimismCorrected())).append(" |\n")
                .append("| calibration intercept | ").append(num(perf.calibrationInterceptApparent())).append(" | ")
                .append(num(perf.calibrationInterceptOptimismCorrected())).append(" |\n")
                .append("| Brier score | ").append(num(perf.brierApparent())).append(" | ")
                .append(num(perf.brierOptimismCorrected())).append(" |\n\n")
                .append(String.format(Locale.ROOT, "Bootstrap: %d replicates requested, %d used (replicates with a "
                        + "single outcome class or a constant predictor are skipped). With %d patients the "
                        + "optimism-corrected figures are themselves uncertain by several hundredths; the "
                        + "calibration slope below 1 measures how much the apparent fit overstates the spread of "
                        + "risks.%n%n", perf.bootstrapReplicates(), perf.bootstrapReplicatesUsed(), c.n()));

        md.append("## Limitations\n\n");
        m.limitations().forEach(l -> md.append("- ").append(l).append('\n'));
        return md.toString();
    }

    private static void coefficientTable(StringBuilder md, List<ModelFile.Coefficient> rows, String ciKind) {
        md.append("| term | estimate | SE | OR | 95% CI (").append(ciKind).append(") | p |\n")
                .append("|---|---:|---:|---:|---|---:|\n");
        for (ModelFile.Coefficient k : rows) {
            md.append("| ").append(code(k.term())).append(" | ").append(num(k.estimate())).append(" | ")
                    .append(num(k.stdError())).append(" | ").append(num(k.oddsRatio())).append(" | ").append(ci(k))
                    .append(" | ").append(p(k.pValue())).append(" |\n");
        }
        md.append('\n');
    }

    private static String row(String key, String value) {
        return "| " + key + " | " + value + " |\n";
    }

    private static String code(String s) {
        return "`" + s + "`";
    }

    private static String ci(ModelFile.Coefficient k) {
        return num(k.oddsRatioCiLower()) + " to " + num(k.oddsRatioCiUpper());
    }

    private static String num(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String p(Double v) {
        return v == null ? "n/a" : v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }
}
