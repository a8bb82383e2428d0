package io.spinemet.efficacy.training;

import io.spinemet.efficacy.modelfile.ModelFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plain-language limitations written into every model file and card. */
final class Limitations {

    private Limitations() {
    }

    static List<String> of(ModelFile.CohortSummary cohort, boolean separated, TrainingOptions options) {
        List<String> items = new ArrayList<>();
        if (cohort.reconstructed()) {
            items.add("The training patients are reconstructed from the study's published summary, not real "
                    + "patients: coefficients, intervals and performance illustrate the method and must not guide "
                    + "care until the model is retrained on real data.");
        }
        double epv = cohort.eventsPerVariable();
        items.add(String.format(Locale.ROOT, "%d patients, %d with good efficacy; %.2f events per variable (smaller "
                + "outcome class per model term), %s.", cohort.n(), cohort.events(), epv, epv < 10
                ? "below the common rule of thumb of 10-20, so estimates are unstable and optimism is large"
                : epv < 20 ? "within the common rule of thumb of 10-20; Riley et al.'s criteria (Training cohort) "
                        + "are the better guide" : "above the common rule of thumb of 10-20"));
        if (separated) {
            items.add("The outcome is (quasi-)separated by the predictors: maximum-likelihood estimates do not exist; "
                    + "Firth's penalized estimates are finite but shrunk.");
        }
        if (cohort.reconstructed()) {
            items.add("The study behind the reconstructed cohort was retrospective and single-centre "
                    + "(docs/study.md).");
        }
        items.add("Internal (bootstrap) validation only; no external validation.");
        items.add("The outcome 'relief for more than 3 months' is entangled with survival: patients who died within "
                + "3 months cannot have good efficacy.");
        items.add("Predictors were chosen by the study's univariate and multivariable significance on the same data, "
                + "which this bootstrap (refitting fixed predictors) does not repeat; true optimism is larger.");
        items.add("The PVP and decompression models were fitted on different patients selected for different "
                + "operations; comparing their probabilities is not a causal comparison of the procedures.");
        items.add("Not for use as the sole basis of a treatment decision.");
        return items;
    }
}
