package io.spinemet.efficacy.scoring;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Term;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.scoring.Prediction.ConfidenceInterval;
import io.spinemet.efficacy.scoring.Prediction.Contribution;
import io.spinemet.efficacy.scoring.Prediction.ModifiableFactor;
import io.spinemet.efficacy.scoring.Prediction.TermContribution;
import io.spinemet.efficacy.scoring.Prediction.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a patient with a loaded logistic model: probability expit(x'β) and a 95% Wald interval on the logit scale,
 * expit(x'β ∓ z·sqrt(x'Σx)). Plain Java, no framework: inputs are already validated typed values (Boolean, Integer or
 * level String).
 */
public final class Scorer {

    /** The 0.975 quantile of the standard normal distribution. */
    public static final double Z_95 = 1.959963984540054;

    /** Below this many events per variable a model is likely over-fitted (Peduzzi et al. 1996). */
    public static final double LOW_EPV = 10.0;

    private Scorer() {
    }

    /** The probability and interval alone, for batches. */
    public record Estimate(double linearPredictor, double probability, double lower, double upper) {
        public ConfidenceInterval interval() {
            return new ConfidenceInterval(0.95, lower, upper);
        }
    }

    /** Logistic function, stable for large |eta|. */
    public static double expit(double eta) {
        if (eta >= 0) {
            return 1.0 / (1.0 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1.0 + e);
    }

    /**
     * The design row x (intercept first) for a patient.
     *
     * @throws IllegalArgumentException if a factor the model uses is missing or not allowed
     */
    static double[] design(LoadedModel model, Map<String, ?> values) {
        Term[] terms = model.terms();
        double[] x = new double[terms.length + 1];
        x[0] = 1.0;
        for (int j = 0; j < terms.length; j++) {
            Object value = values.get(terms[j].factorId());
            if (value == null) {
                throw new IllegalArgumentException("the model needs " + terms[j].factorId());
            }
            Factor factor = model.factors().get(model.termFactor()[j]);
            if (!factor.allows(value)) {
                throw new IllegalArgumentException(factor.id() + " " + factor.problemWith(value).orElseThrow());
            }
            x[j + 1] = terms[j].encode(value);
        }
        return x;
    }

    /** The design row {@code x} with one factor's terms set to another (valid) value. */
    private static double[] withValue(LoadedModel model, double[] x, int factorIndex, Object value) {
        double[] changed = x.clone();
        Term[] terms = model.terms();
        int[] owner = model.termFactor();
        for (int j = 0; j < terms.length; j++) {
            if (owner[j] == factorIndex) {
                changed[j + 1] = terms[j].encode(value);
            }
        }
        return changed;
    }

    /** Probability and 95% CI only. */
    public static Estimate estimate(LoadedModel model, Map<String, ?> values) {
        return estimate(model, design(model, values));
    }

    static Estimate estimate(LoadedModel model, double[] x) {
        double[] beta = model.beta();
        double[][] cov = model.covariance();
        double eta = 0;
        double variance = 0;
        for (int r = 0; r < x.length; r++) {
            eta += beta[r] * x[r];
            if (x[r] != 0) {
                double row = 0;
                for (int c = 0; c < x.length; c++) {
                    row += cov[r][c] * x[c];
                }
                variance += x[r] * row;
            }
        }
        double half = Z_95 * Math.sqrt(Math.max(variance, 0));
        return new Estimate(eta, expit(eta), expit(eta - half), expit(eta + half));
    }

    /**
     * The full prediction.
     *
     * @param model  the procedure's model
     * @param values the patient's valid catalogue factor values; those the model does not use are reported as ignored,
     *               in catalogue order, so the prediction depends on the values and not on the map's order
     */
    public static Prediction predict(LoadedModel model, Map<String, ?> values) {
        double[] x = design(model, values);
        Estimate estimate = estimate(model, x);
        double[] beta = model.beta();
        List<Factor> factors = model.factors();

        List<Contribution> contributions = new ArrayList<>(factors.size());
        List<String> used = new ArrayList<>(factors.size());
        for (int i = 0; i < factors.size(); i++) {
            contributions.add(model.contribution(i, values.get(factors.get(i).id())));
            used.add(factors.get(i).id());
        }
        List<String> ignored = new ArrayList<>();
        for (Factor f : FactorCatalogue.FACTORS) {
            if (values.containsKey(f.id()) && !model.uses(f.id())) {
                ignored.add(f.id());
            }
        }

        List<ModifiableFactor> modifiable = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Factor f = factors.get(i);
            Object current = values.get(f.id());
            if (f.modifiable() && f.favourableValue() != null && !f.favourableValue().equals(current)) {
                Estimate e = estimate(model, withValue(model, x, i, f.favourableValue()));
                modifiable.add(new ModifiableFactor(f.id(), f.label(), f.modifiability(), current,
                        f.favourableValue(), e.probability(), e.interval(), ModifiableFactor.ASSOCIATION));
            }
        }

        return new Prediction(model.procedure(), estimate.probability(), estimate.interval(), model.baselineRate(),
                estimate.linearPredictor(), beta[0], contributions, modifiable, used, ignored, model.info(),
                warnings(model, x, estimate));
    }

    /**
     * A factor value's contribution to the log-odds: per term, the coefficient β, its odds ratio e^β and β·x.
     */
    static Contribution contribution(LoadedModel model, int factorIndex, Object value) {
        Factor f = model.factors().get(factorIndex);
        double[] beta = model.beta();
        Term[] terms = model.terms();
        int[] owner = model.termFactor();
        List<TermContribution> termContributions = new ArrayList<>(f.terms().size());
        for (int j = 0; j < terms.length; j++) {
            if (owner[j] == factorIndex) {
                double b = beta[j + 1];
                double x = terms[j].encode(value);
                // + 0.0 turns -0.0 (a negative coefficient times 0) into 0.0
                termContributions.add(new TermContribution(terms[j].name(), x, b, Math.exp(b), b * x + 0.0));
            }
        }
        return new Contribution(f.id(), f.label(), value, List.copyOf(termContributions));
    }

    /** The probability, its interval and the warnings, without contributions or what-ifs: a batch record. */
    public record Brief(Estimate estimate, List<Warning> warnings) {
    }

    /** {@link Brief} of a patient, from one design row. */
    public static Brief brief(LoadedModel model, Map<String, ?> values) {
        double[] x = design(model, values);
        Estimate e = estimate(model, x);
        return new Brief(e, warnings(model, x, e));
    }

    /** Warnings that apply to this model and, for an unseen combination, to this patient. */
    private static List<Warning> warnings(LoadedModel model, double[] x, Estimate e) {
        ModelWarnings fixed = model.warnings();
        List<Warning> warnings = new ArrayList<>(5);
        if (fixed.reconstructed() != null) {
            warnings.add(fixed.reconstructed());
        }
        if (!model.patternSeen(x)) {
            warnings.add(UNSEEN_COMBINATION);
        }
        if (e.upper() - e.lower() > UNINFORMATIVE_WIDTH) {
            warnings.add(UNINFORMATIVE_INTERVAL);
        }
        fixed.others().forEach(warnings::add);
        return warnings;
    }

    /** A 95% interval wider than this spans most of [0, 1]: the estimate is uninformative. */
    static final double UNINFORMATIVE_WIDTH = 0.5;

    private static final Warning UNINFORMATIVE_INTERVAL = new Warning(WarningCode.UNINFORMATIVE_INTERVAL.name(),
            "The 95% confidence interval is wider than 0.5: the data cannot pin this patient's probability down, "
                    + "so the estimate is uninformative.");

    private static final Warning UNSEEN_COMBINATION = new Warning(WarningCode.UNSEEN_COMBINATION.name(),
            "This combination of the model's factors never occurs in the training cohort: the prediction "
                    + "extrapolates beyond the data.");

    /**
     * The warnings that depend only on the model, worked out once when it is loaded.
     *
     * @param reconstructed the reconstructed-cohort warning, or {@code null}
     * @param others        separation and low events-per-variable warnings, in that order
     */
    record ModelWarnings(Warning reconstructed, List<Warning> others) {

        static ModelWarnings of(ModelFile file) {
            ModelFile.CohortSummary cohort = file.cohort();
            Warning reconstructed = cohort.reconstructed() ? new Warning(WarningCode.RECONSTRUCTED_COHORT.name(),
                    "The model was trained on a cohort reconstructed from published summary figures, not on real "
                            + "patients. Do not use it for clinical decisions.") : null;
            List<Warning> others = new ArrayList<>(2);
            if (file.separation() != null && file.separation().detected()) {
                others.add(new Warning(WarningCode.SEPARATION.name(),
                        "The training data showed " + file.separation().type() + " separation: the outcome is "
                                + "predicted perfectly by some factor combination, so coefficients and intervals are "
                                + "unstable (the served fit is " + file.method() + ")."));
            }
            if (cohort.eventsPerVariable() < LOW_EPV) {
                others.add(new Warning(WarningCode.LOW_EVENTS_PER_VARIABLE.name(), String.format(Locale.ROOT,
                        "Only %.1f events per variable (fewer than %.0f): the model is likely over-fitted and its "
                                + "predictions too extreme.", cohort.eventsPerVariable(), LOW_EPV)));
            }
            return new ModelWarnings(reconstructed, List.copyOf(others));
        }

        /** Every warning instance a prediction of this model can carry. */
        List<Warning> all() {
            List<Warning> all = new ArrayList<>(others);
            if (reconstructed != null) {
                all.add(reconstructed);
            }
            all.add(UNSEEN_COMBINATION);
            all.add(UNINFORMATIVE_INTERVAL);
            return all;
        }
    }

    /** Stable warning codes. */
    public enum WarningCode {
        RECONSTRUCTED_COHORT, UNSEEN_COMBINATION, UNINFORMATIVE_INTERVAL, SEPARATION, LOW_EVENTS_PER_VARIABLE
    }
}
