package io.spinemet.efficacy.modelfile;

import io.spinemet.efficacy.catalogue.Procedure;
import java.util.List;

/**
 * A trained model as written to {@code models/<procedure>.json}: readable by people, loaded by the service, and
 * reproduced byte for byte by retraining on the same cohort. It holds no wall-clock time.
 *
 * @param schemaVersion   {@link #SCHEMA_VERSION}; the service refuses other versions
 * @param modelId         stable id, e.g. {@code spinemet-efficacy-pvp}
 * @param modelVersion    project version plus the first 12 hex digits of the training cohort's SHA-256
 * @param procedure       the operation the model is for
 * @param outcome         what the predicted probability is the probability of
 * @param method          the served fit: {@code firth} or {@code ml}
 * @param methodDescription one sentence naming the estimator and how CIs and p-values were computed
 * @param predictors      the factors in the model and their encoding
 * @param coefficients    the served fit, {@code (Intercept)} first
 * @param covariance      inverse Fisher information at the served estimate, for prediction CIs
 * @param alternativeFit  the other method's fit, for comparison (maximum likelihood when Firth is served)
 * @param univariate      each candidate factor fitted alone
 * @param separation      the (quasi-)separation diagnosis of the multivariable design
 * @param performance     apparent and bootstrap optimism-corrected performance of the served fit
 * @param cohort          the training cohort: provenance, size, prevalences and observed covariate patterns
 * @param training        how the file was produced
 * @param limitations     plain-language limitations shown on the model card and with predictions
 */
public record ModelFile(
        int schemaVersion,
        String modelId,
        String modelVersion,
        Procedure procedure,
        Outcome outcome,
        String method,
        String methodDescription,
        List<Predictor> predictors,
        List<Coefficient> coefficients,
        Covariance covariance,
        Fit alternativeFit,
        List<UnivariateResult> univariate,
        Separation separation,
        Performance performance,
        CohortSummary cohort,
        Training training,
        List<String> limitations) {

    public static final int SCHEMA_VERSION = 1;

    /** The outcome: {@code goodEfficacy = 1} when symptom relief lasted more than 3 months. */
    public record Outcome(String name, String definition, int positiveValue) {
    }

    /**
     * A factor in the model.
     *
     * @param factorId        catalogue id
     * @param label           catalogue label
     * @param type            BOOLEAN, CATEGORICAL or INTEGER
     * @param referenceLevel  the level the terms contrast against ({@code null} for integers)
     * @param terms           its design terms and how each is computed from the value
     */
    public record Predictor(String factorId, String label, String type, String referenceLevel, List<Encoding> terms) {
    }

    /** How one term is computed: {@code "1 if true"}, {@code "1 if one of A, B, C"}, {@code "the count"}. */
    public record Encoding(String term, String encoding) {
    }

    /**
     * One row of a coefficient table. Odds ratio and CI are exp of the log-odds estimate and bounds; a value that
     * does not exist (a diverged maximum-likelihood fit) is {@code null}.
     */
    public record Coefficient(String term, Double estimate, Double stdError, Double oddsRatio, Double oddsRatioCiLower,
                              Double oddsRatioCiUpper, Double pValue, ProfileSearch profile) {

        /** A row without a profile search (Wald intervals). */
        public Coefficient(String term, Double estimate, Double stdError, Double oddsRatio, Double oddsRatioCiLower,
                           Double oddsRatioCiUpper, Double pValue) {
            this(term, estimate, stdError, oddsRatio, oddsRatioCiLower, oddsRatioCiUpper, pValue, null);
        }
    }

    /**
     * How a profile-likelihood interval's bounds were found; {@code null} for Wald intervals.
     *
     * @param lower            {@code found}, {@code infinite} (the profile stays below the χ² cut-off: the bound is
     *                         0 on the odds-ratio scale) or {@code failed} (the search gave no answer)
     * @param upper            the same for the upper bound ({@code infinite}: the odds ratio's bound is +∞)
     * @param multipleBranches whether the constrained maxima from different starts disagreed somewhere on the
     *                         profile: more than one local maximum, resolved by taking the best
     */
    public record ProfileSearch(String lower, String upper, boolean multipleBranches) {
    }

    /** A symmetric matrix with its row and column terms. */
    public record Covariance(List<String> terms, List<List<Double>> matrix) {
    }

    /**
     * A fit of the multivariable model.
     *
     * @param method       {@code firth} or {@code ml}
     * @param description  estimator, CI and p-value method
     * @param coefficients its table, {@code (Intercept)} first
     * @param converged    whether the iterations converged
     * @param reliable     false when the estimates are not finite in truth (separation) or did not converge
     * @param warnings     why it is not reliable, if it is not
     */
    public record Fit(String method, String description, List<Coefficient> coefficients, boolean converged,
                      boolean reliable, List<String> warnings) {
    }

    /**
     * A candidate factor fitted alone (maximum likelihood, with Firth alongside).
     *
     * @param factorId           catalogue id
     * @param maximumLikelihood  ML terms: OR, Wald 95% CI, Wald p
     * @param likelihoodRatioP   ML likelihood-ratio test against the intercept-only model
     * @param fisherExactP       two-sided Fisher exact p of the factor-by-outcome table; {@code null} for counts
     * @param firth              Firth terms: OR, profile penalized-likelihood CI and p
     * @param separated          whether the one-factor design is (quasi-)separated (an empty cell)
     */
    public record UnivariateResult(String factorId, List<Coefficient> maximumLikelihood, Double likelihoodRatioP,
                                   Double fisherExactP, List<Coefficient> firth, boolean separated) {
    }

    /**
     * Linear-programming check for (quasi-)complete separation (Albert & Anderson 1984; Konis 2007).
     *
     * @param detected         whether the outcome can be separated by a linear combination of the terms
     * @param type             {@code none}, {@code quasi-complete} or {@code complete}
     * @param pointsSeparated  patients predicted perfectly by the separating direction
     * @param note             what this means for the fits
     */
    public record Separation(boolean detected, String type, int pointsSeparated, String note) {
    }

    /**
     * Performance of the served fit: apparent, and corrected for optimism by Harrell's bootstrap.
     */
    public record Performance(Double aucApparent, Double aucOptimismCorrected, Double calibrationSlopeApparent,
                              Double calibrationSlopeOptimismCorrected, Double calibrationInterceptApparent,
                              Double calibrationInterceptOptimismCorrected, Double brierApparent,
                              Double brierOptimismCorrected, int bootstrapReplicates, int bootstrapReplicatesUsed,
                              long seed, Intervals intervals, BootstrapAccount bootstrap,
                              CalibrationCurve calibrationCurve, Roc roc) {

        /** Performance without intervals, bootstrap account or curves (files and tests that predate them). */
        public Performance(Double aucApparent, Double aucOptimismCorrected, Double calibrationSlopeApparent,
                           Double calibrationSlopeOptimismCorrected, Double calibrationInterceptApparent,
                           Double calibrationInterceptOptimismCorrected, Double brierApparent,
                           Double brierOptimismCorrected, int bootstrapReplicates, int bootstrapReplicatesUsed,
                           long seed) {
            this(aucApparent, aucOptimismCorrected, calibrationSlopeApparent, calibrationSlopeOptimismCorrected,
                    calibrationInterceptApparent, calibrationInterceptOptimismCorrected, brierApparent,
                    brierOptimismCorrected, bootstrapReplicates, bootstrapReplicatesUsed, seed, null, null, null, null);
        }
    }

    /**
     * 95% confidence intervals of the performance measures; any may be {@code null}.
     *
     * @param aucApparent   DeLong's interval (DeLong, DeLong &amp; Clarke-Pearson 1988), as pROC::ci.auc
     * @param aucOptimismCorrected, calibrationInterceptOptimismCorrected, calibrationSlopeOptimismCorrected,
     *        brierOptimismCorrected location-shifted bootstrap percentile intervals (Noma et al. 2021)
     * @param brierApparent bootstrap percentile interval of the apparent Brier score
     */
    public record Intervals(Interval aucApparent, Interval aucOptimismCorrected,
                            Interval calibrationInterceptOptimismCorrected, Interval calibrationSlopeOptimismCorrected,
                            Interval brierApparent, Interval brierOptimismCorrected) {
    }

    /** A 95% interval and how it was computed. */
    public record Interval(Double lower, Double upper, String method) {
    }

    /**
     * What happened to the bootstrap replicates.
     *
     * @param requested              B
     * @param used                   replicates that entered the optimism
     * @param singleClass            dropped: every resampled patient had the same outcome
     * @param constantColumn         dropped: a term took one value in the resample, so its coefficient is undefined
     * @param aliasedDesign          dropped: the design was rank-deficient even without constant columns
     * @param failedFit              dropped: the refit did not converge or gave non-finite performance
     * @param refittedWithoutAliased used after refitting without an aliased term (its coefficient 0), as R's glm does
     */
    public record BootstrapAccount(int requested, int used, int singleClass, int constantColumn, int aliasedDesign,
                                   int failedFit, int refittedWithoutAliased) {
    }

    /**
     * The calibration curve (CONTRACTS.md A): {@code apparent} is R's {@code lowess(p, y, iter = 0)} of the outcome on
     * the served fit's predicted probability, linearly interpolated on {@code grid}; {@code optimismCorrected}
     * subtracts the mean bootstrap optimism at each grid point, as {@code rms::calibrate} does.
     */
    public record CalibrationCurve(String smoother, List<Double> grid, List<Double> apparent,
                                   List<Double> optimismCorrected, Histogram histogram) {
    }

    /** A histogram of the predicted probabilities: {@code counts[i]} lie in [breaks[i], breaks[i+1]). */
    public record Histogram(List<Double> breaks, List<Integer> counts) {
    }

    /** The apparent ROC curve of the served fit, from (0, 0) to (1, 1). */
    public record Roc(List<RocPoint> points) {
    }

    /** One ROC point: false- and true-positive rates at a threshold. */
    public record RocPoint(double fpr, double tpr) {
    }

    /**
     * The training cohort.
     *
     * @param source          the CSV's file name
     * @param sha256          SHA-256 of the CSV's bytes
     * @param reconstructed   true when the patients are not real (the bundled reference cohort)
     * @param provenance      where the patients came from, in words
     * @param n               patients with this procedure
     * @param events          patients with good efficacy
     * @param eventsPerVariable the smaller outcome class divided by the number of model terms (without intercept)
     * @param prevalence      per factor value: count and proportion
     * @param patterns        every combination of the model's factor values seen in the cohort, with counts
     */
    public record CohortSummary(String source, String sha256, boolean reconstructed, String provenance, int n,
                                int events, double eventsPerVariable, List<Prevalence> prevalence,
                                List<Pattern> patterns, StudyMetadata study, SampleSize sampleSize) {

        /** A summary without trainer-supplied metadata or sample-size assessment. */
        public CohortSummary(String source, String sha256, boolean reconstructed, String provenance, int n,
                             int events, double eventsPerVariable, List<Prevalence> prevalence,
                             List<Pattern> patterns) {
            this(source, sha256, reconstructed, provenance, n, events, eventsPerVariable, prevalence, patterns,
                    null, null);
        }
    }

    /**
     * What the trainer said about the cohort ({@code train --site --period --description}); {@code null} when not
     * stated, and never invented.
     */
    public record StudyMetadata(String site, String period, String description) {
    }

    /**
     * Riley et al.'s minimum sample size for a binary-outcome model (Riley et al., Stat Med 2019; BMJ 2020).
     *
     * @param parameters        model terms besides the intercept
     * @param prevalence        outcome proportion φ in the cohort
     * @param anticipatedR2cs   anticipated Cox-Snell R²: 15% of its maximum, Riley's conservative default
     * @param maxR2cs           1 − (φ^φ (1 − φ)^(1 − φ))²
     * @param criteria          each criterion's minimum n
     * @param required          the largest of them
     * @param available         patients in the cohort
     */
    public record SampleSize(int parameters, double prevalence, double anticipatedR2cs, double maxR2cs,
                             List<Criterion> criteria, int required, int available) {
    }

    /** One of Riley's criteria and the n it needs. */
    public record Criterion(String criterion, int requiredN) {
    }

    /** How many patients had a factor value. */
    public record Prevalence(String factorId, String value, int count, double proportion) {
    }

    /** A combination of the model's factor values (as written in JSON requests) seen in the cohort. */
    public record Pattern(java.util.Map<String, Object> factors, int n, int events) {
    }

    /** How the file was produced: enough to reproduce it. */
    public record Training(String projectVersion, String command, List<String> candidateFactors, int bootstrap,
                           long seed) {
    }
}
