package io.spinemet.efficacy.training;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.FactorType;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.catalogue.Term;
import io.spinemet.efficacy.cohort.Cohort;
import io.spinemet.efficacy.cohort.Patient;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.stats.Firth;
import io.spinemet.efficacy.stats.FisherExact;
import io.spinemet.efficacy.stats.FisherInformation;
import io.spinemet.efficacy.stats.LogisticMl;
import io.spinemet.efficacy.stats.Lowess;
import io.spinemet.efficacy.stats.OptimismBootstrap;
import io.spinemet.efficacy.stats.Performance;
import io.spinemet.efficacy.stats.RileySampleSize;
import io.spinemet.efficacy.stats.Separation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Fits one procedure's models from a cohort: the univariate table, the multivariable model by maximum likelihood and
 * by Firth's penalized likelihood, the separation diagnosis, and apparent and bootstrap-validated performance
 * (Harrell's optimism bootstrap, refitting the served estimator in every replicate).
 */
public final class ModelTrainer {

    private ModelTrainer() {
    }

    /**
     * Trains the model described by the options.
     *
     * @param progress receives the number of finished bootstrap replicates
     * @throws TrainingException when the procedure's data cannot support the requested model
     */
    public static ModelFile train(Cohort cohort, TrainingOptions options, IntConsumer progress)
            throws TrainingException {
        Procedure procedure = options.procedure();
        List<Patient> patients = cohort.of(procedure);
        Design design = checkedDesign(patients, options);

        LogisticMl.Fit ml = LogisticMl.fit(design.x(), design.y(), design.terms());
        boolean firthServed = options.method() == Method.FIRTH;
        if (!firthServed && !ml.reliable()) {
            Separation.Result s = ml.separation();
            throw new TrainingException(s.separated()
                    ? "the " + procedure.name() + " data are " + s.type() + "ly separated: " + s.pointsSeparated()
                            + " patients are predicted perfectly by the predictors, so maximum-likelihood estimates "
                            + "do not exist and cannot be served. Use --method firth."
                    : "the maximum-likelihood fit for " + procedure.name() + " is unreliable ("
                            + ml.unreliableReason() + "); it cannot be served. Use --method firth.");
        }
        List<ModelFile.UnivariateResult> univariate = FactorCatalogue.candidates(procedure).stream()
                .map(f -> univariate(patients, f)).toList();
        Firth.Fit firth = Firth.fit(design.x(), design.y(), design.terms());
        double[] beta = firthServed ? firth.estimates() : ml.estimates();
        OptimismBootstrap.Procedure refit = firthServed ? Firth::coefficients : ModelTrainer::mlEstimates;
        double[] lp = linearPredictor(design.x(), beta);
        double[] p = Arrays.stream(lp).map(eta -> 1.0 / (1.0 + Math.exp(-eta))).toArray();
        double[] grid = calibrationGrid(p);
        OptimismBootstrap.Result validation = OptimismBootstrap.validate(design.x(), design.y(), refit,
                options.bootstrap(), options.seed(), grid, progress);
        requireUsable(validation, procedure);

        ModelFile.Fit mlFit = mlFit(ml);
        ModelFile.Fit firthFit = new ModelFile.Fit(Method.FIRTH.id(), Method.FIRTH.description(),
                firth.coefficients().stream().map(ModelTrainer::coefficient).toList(), true, true, List.of());
        ModelFile.Fit served = firthServed ? firthFit : mlFit;
        double[][] covariance = firthServed ? firth.covariance() : FisherInformation.inverse(design.x(), beta);

        ModelFile.CohortSummary summary = summary(cohort, patients, design, options);
        return new ModelFile(
                ModelFile.SCHEMA_VERSION,
                "spinemet-efficacy-" + procedure.slug(),
                ProjectVersion.get() + "+" + cohort.sha256().substring(0, 12),
                procedure,
                new ModelFile.Outcome("goodEfficacy",
                        "Symptom relief lasting more than 3 months after the operation (goodEfficacy = 1)", 1),
                options.method().id(),
                options.method().description(),
                design.factors().stream().map(ModelTrainer::predictor).toList(),
                served.coefficients(),
                new ModelFile.Covariance(design.terms(), matrix(covariance)),
                firthServed ? mlFit : firthFit,
                univariate,
                separation(ml),
                performance(design, lp, p, grid, validation, options),
                summary,
                new ModelFile.Training(ProjectVersion.get(), options.command(),
                        FactorCatalogue.candidates(procedure).stream().map(Factor::id).toList(),
                        options.bootstrap(), options.seed()),
                Limitations.of(summary, ml.separation().separated(), options));
    }

    /** ML estimates for the bootstrap; a fit that failed outright throws, so the replicate is counted as failed. */
    private static double[] mlEstimates(double[][] x, double[] y) {
        LogisticMl.Fit fit = LogisticMl.fit(x, y, java.util.stream.IntStream.range(0, x[0].length)
                .mapToObj(j -> "c" + j).toList());
        if (fit.coefficients().isEmpty()) {
            throw new ArithmeticException(fit.unreliableReason());
        }
        return fit.estimates();
    }

    private static Design checkedDesign(List<Patient> patients, TrainingOptions options) throws TrainingException {
        Procedure procedure = options.procedure();
        if (patients.isEmpty()) {
            throw new TrainingException("the cohort has no " + procedure.name() + " patients");
        }
        for (Factor f : options.predictors()) {
            if (!f.usedIn(procedure)) {
                throw new TrainingException(f.id() + " is not a factor of " + procedure.name());
            }
        }
        Design design = Design.of(patients, options.predictors());
        int events = design.events();
        if (events == 0 || events == design.n()) {
            throw new TrainingException("every " + procedure.name() + " patient has the same outcome; "
                    + "no model can be fitted");
        }
        if (Math.min(events, design.n() - events) < MIN_CLASS) {
            throw new TrainingException(String.format(java.util.Locale.ROOT, "%s has %d patients with good efficacy "
                    + "and %d without; a model needs at least %d of each to be fitted and validated at all "
                    + "(Riley et al.'s minimum for these %d terms is %d patients)", procedure.name(), events,
                    design.n() - events, MIN_CLASS, design.terms().size() - 1, RileySampleSize.conservative(
                            design.terms().size() - 1, (double) events / design.n()).required()));
        }
        if (design.n() <= design.terms().size()) {
            throw new TrainingException(procedure.name() + " has " + design.n() + " patients for "
                    + design.terms().size() + " parameters; use fewer predictors");
        }
        for (int j = 1; j < design.terms().size(); j++) {
            int column = j;
            if (Arrays.stream(design.x()).mapToDouble(r -> r[column]).distinct().count() < 2) {
                throw new TrainingException("term " + design.terms().get(j) + " takes one value for every "
                        + procedure.name() + " patient; it cannot be estimated");
            }
        }
        int[] aliased = io.spinemet.efficacy.stats.Aliasing.aliased(design.x());
        if (aliased.length > 0) {
            throw new TrainingException("the " + procedure.name() + " design is collinear: "
                    + String.join(", ", Arrays.stream(aliased).mapToObj(design.terms()::get).toList())
                    + (aliased.length == 1 ? " is" : " are") + " aliased (a linear combination of the terms before "
                    + "it); drop " + (aliased.length == 1 ? "it" : "them") + " from --predictors");
        }
        return design;
    }

    /** One factor fitted alone: ML (Wald and likelihood-ratio), Fisher's exact test and Firth. */
    private static ModelFile.UnivariateResult univariate(List<Patient> patients, Factor factor) {
        Design d = Design.of(patients, List.of(factor));
        int[] factorColumns = IntStream.range(1, d.terms().size()).toArray();
        LogisticMl.Fit ml = LogisticMl.fit(d.x(), d.y(), d.terms());
        Double lrP = Numbers.round(LogisticMl.likelihoodRatioTest(ml, d.x(), d.y(), factorColumns).p());
        List<ModelFile.Coefficient> firth;
        try {
            firth = withoutIntercept(Firth.fit(d.x(), d.y(), d.terms()).coefficients().stream()
                    .map(ModelTrainer::coefficient).toList());
        } catch (ArithmeticException e) {
            firth = List.of();
        }
        return new ModelFile.UnivariateResult(factor.id(),
                withoutIntercept(ml.coefficients().stream().map(ModelTrainer::coefficient).toList()),
                lrP, fisherExactP(d, factor), firth, ml.separation().separated());
    }

    /** Fisher's exact p of the table of the factor's term values by outcome; none for counts. */
    private static Double fisherExactP(Design d, Factor factor) {
        if (factor.type() == FactorType.INTEGER) {
            return null;
        }
        Map<String, int[]> table = new LinkedHashMap<>();
        for (int i = 0; i < d.n(); i++) {
            String row = Arrays.toString(Arrays.copyOfRange(d.x()[i], 1, d.x()[i].length));
            table.computeIfAbsent(row, k -> new int[2])[(int) d.y()[i]]++;
        }
        return table.size() < 2 ? null : Numbers.round(FisherExact.twoSided(table.values().toArray(int[][]::new)));
    }

    private static List<ModelFile.Coefficient> withoutIntercept(List<ModelFile.Coefficient> coefficients) {
        return coefficients.isEmpty() ? coefficients : coefficients.subList(1, coefficients.size());
    }

    private static ModelFile.Fit mlFit(LogisticMl.Fit ml) {
        return new ModelFile.Fit(Method.ML.id(), Method.ML.description(),
                ml.coefficients().stream().map(ModelTrainer::coefficient).toList(), ml.converged(), ml.reliable(),
                ml.reliable() ? List.of() : List.of(ml.unreliableReason()));
    }

    private static ModelFile.Coefficient coefficient(LogisticMl.Coefficient c) {
        return new ModelFile.Coefficient(c.term(), Numbers.round(c.estimate()), Numbers.round(c.stdError()),
                Numbers.round(c.oddsRatio()), Numbers.round(c.orCiLow()), Numbers.round(c.orCiHigh()),
                Numbers.round(c.pWald()));
    }

    private static ModelFile.Coefficient coefficient(Firth.Coefficient c) {
        return new ModelFile.Coefficient(c.term(), Numbers.round(c.estimate()), Numbers.round(c.stdError()),
                Numbers.round(c.oddsRatio()), Numbers.round(c.orCiLow()), Numbers.round(c.orCiHigh()),
                Numbers.round(c.pProfile()), new ModelFile.ProfileSearch(status(c.lowStatus()),
                        status(c.highStatus()), c.multipleBranches()));
    }

    private static String status(Firth.BoundStatus s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ModelFile.Predictor predictor(Factor f) {
        return new ModelFile.Predictor(f.id(), f.label(), f.type().name(), f.referenceLevel(),
                f.terms().stream().map(t -> new ModelFile.Encoding(t.name(), encoding(f, t))).toList());
    }

    private static String encoding(Factor f, Term t) {
        return switch (f.type()) {
            case BOOLEAN -> "1 if true, 0 if false";
            case INTEGER -> "the count itself (one linear term)";
            case CATEGORICAL -> "1 if " + String.join(" or ", f.levels().stream()
                    .filter(t.indicatorOf()::contains).toList()) + ", else 0";
        };
    }

    private static List<List<Double>> matrix(double[][] m) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : m) {
            rows.add(Arrays.stream(row).mapToObj(Numbers::round).toList());
        }
        return rows;
    }

    private static ModelFile.Separation separation(LogisticMl.Fit ml) {
        Separation.Result s = ml.separation();
        String note = !s.separated()
                ? "No separation: maximum-likelihood estimates exist."
                : "The outcome is " + s.type() + "ly separated by the predictors (" + s.pointsSeparated()
                        + " patients predicted perfectly): maximum-likelihood estimates are infinite"
                        + (ml.reliable() ? "" : " and that fit is marked unreliable")
                        + ". Firth's penalized estimates remain finite.";
        return new ModelFile.Separation(s.separated(), s.type(), s.pointsSeparated(), note);
    }

    /** Replicates that must be usable, as a share of B, before a model is written. */
    static final double MIN_USED_SHARE = 0.5;
    /** Fewest patients in each outcome class for which a model is fitted at all. */
    static final int MIN_CLASS = 5;
    /** Points of the calibration grid, as {@code rms::calibrate}. */
    private static final int GRID_POINTS = 50;
    private static final int HISTOGRAM_BINS = 20;

    /** Refuses a model when fewer than half of its bootstrap replicates could be used. */
    static void requireUsable(OptimismBootstrap.Result validation, Procedure procedure) throws TrainingException {
        if (validation.used() < MIN_USED_SHARE * validation.requested()) {
            throw new TrainingException(String.format(java.util.Locale.ROOT, "only %d of %d bootstrap replicates "
                    + "of the %s model could be used (dropped: %s); with fewer than half, the optimism cannot be "
                    + "estimated and the data cannot support this model. Use fewer predictors or more patients.",
                    validation.used(), validation.requested(), procedure.name(), dropped(validation)));
        }
    }

    /** "single outcome class 3, constant term 0, ..." */
    static String dropped(OptimismBootstrap.Result v) {
        return "single outcome class " + v.count(OptimismBootstrap.Outcome.SINGLE_CLASS) + ", constant term "
                + v.count(OptimismBootstrap.Outcome.CONSTANT_COLUMN) + ", aliased design "
                + v.count(OptimismBootstrap.Outcome.ALIASED_DESIGN) + ", failed fit "
                + v.count(OptimismBootstrap.Outcome.FAILED_FIT);
    }

    /** η = Xβ. */
    private static double[] linearPredictor(double[][] x, double[] beta) {
        double[] lp = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < beta.length; j++) {
                lp[i] += x[i][j] * beta[j];
            }
        }
        return lp;
    }

    /** 50 equally spaced predicted probabilities from the smallest to the largest prediction. */
    private static double[] calibrationGrid(double[] p) {
        double lo = Arrays.stream(p).min().orElseThrow();
        double hi = Arrays.stream(p).max().orElseThrow();
        if (hi - lo < 1e-12) {
            return new double[] {lo};
        }
        return IntStream.range(0, GRID_POINTS).mapToDouble(k -> lo + (hi - lo) * k / (GRID_POINTS - 1)).toArray();
    }

    private static ModelFile.Performance performance(Design d, double[] lp, double[] p, double[] grid,
                                                     OptimismBootstrap.Result v, TrainingOptions options) {
        double[] y = d.y();
        Performance.Calibration apparent = Performance.calibration(y, lp);
        double[] delong = Performance.aucDeLong(y, p);
        OptimismBootstrap.Indices o = v.optimism();
        ModelFile.Intervals intervals = new ModelFile.Intervals(
                interval(delong[0], delong[1], "DeLong (pROC::ci.auc)"),
                interval(v.lower().auc() - o.auc(), v.upper().auc() - o.auc(),
                        "bootstrap percentile of the replicates' apparent AUC, shifted by the mean optimism"),
                interval(v.lower().calibrationIntercept(), v.upper().calibrationIntercept(),
                        "bootstrap percentile of the replicates' test calibration intercept"),
                interval(v.lower().calibrationSlope(), v.upper().calibrationSlope(),
                        "bootstrap percentile of the replicates' test calibration slope"),
                interval(v.lower().brier(), v.upper().brier(), "bootstrap percentile of the replicates' apparent Brier"),
                interval(v.lower().brier() - o.brier(), v.upper().brier() - o.brier(),
                        "bootstrap percentile of the replicates' apparent Brier, shifted by the mean optimism"));
        ModelFile.BootstrapAccount account = new ModelFile.BootstrapAccount(v.requested(), v.used(),
                v.count(OptimismBootstrap.Outcome.SINGLE_CLASS), v.count(OptimismBootstrap.Outcome.CONSTANT_COLUMN),
                v.count(OptimismBootstrap.Outcome.ALIASED_DESIGN), v.count(OptimismBootstrap.Outcome.FAILED_FIT),
                v.count(OptimismBootstrap.Outcome.REFITTED_WITHOUT_ALIASED));
        double[] curve = Lowess.smooth(p, y).at(grid);
        List<Double> corrected = new ArrayList<>();
        for (int g = 0; g < grid.length; g++) {
            corrected.add(Numbers.round(curve[g] - v.curveOptimism().get(g)));
        }
        ModelFile.CalibrationCurve calibration = new ModelFile.CalibrationCurve("lowess(p, y, iter = 0)",
                rounded(grid), rounded(curve), corrected, histogram(p));
        ModelFile.Roc roc = new ModelFile.Roc(Arrays.stream(Performance.roc(y, p))
                .map(pt -> new ModelFile.RocPoint(Numbers.round(pt[0]), Numbers.round(pt[1]))).toList());
        return new ModelFile.Performance(
                Numbers.round(Performance.auc(y, p)), Numbers.round(v.corrected().auc()),
                Numbers.round(apparent.slope()), Numbers.round(v.corrected().calibrationSlope()),
                Numbers.round(apparent.intercept()), Numbers.round(v.corrected().calibrationIntercept()),
                Numbers.round(Performance.brier(y, p)), Numbers.round(v.corrected().brier()),
                v.requested(), v.used(), options.seed(), intervals, account, calibration, roc);
    }

    private static ModelFile.Interval interval(double lower, double upper, String method) {
        return new ModelFile.Interval(Numbers.round(lower), Numbers.round(upper), method);
    }

    private static List<Double> rounded(double[] v) {
        return Arrays.stream(v).mapToObj(Numbers::round).toList();
    }

    /** Counts of predictions in [0, 0.05), ..., [0.95, 1]. */
    private static ModelFile.Histogram histogram(double[] p) {
        int[] counts = new int[HISTOGRAM_BINS];
        for (double q : p) {
            counts[Math.min(HISTOGRAM_BINS - 1, (int) Math.floor(q * HISTOGRAM_BINS))]++;
        }
        return new ModelFile.Histogram(IntStream.rangeClosed(0, HISTOGRAM_BINS)
                .mapToObj(k -> Numbers.round((double) k / HISTOGRAM_BINS)).toList(),
                Arrays.stream(counts).boxed().toList());
    }

    private static ModelFile.CohortSummary summary(Cohort cohort, List<Patient> patients, Design d,
                                                   TrainingOptions options) {
        int events = d.events();
        int parameters = d.terms().size() - 1;
        double epv = (double) Math.min(events, d.n() - events) / parameters;
        boolean reconstructed = CohortProvenance.isReconstructed(cohort);
        return new ModelFile.CohortSummary(cohort.source(), cohort.sha256(), reconstructed,
                CohortProvenance.describe(cohort), d.n(), events, Numbers.round(epv),
                CohortDescription.prevalence(patients, FactorCatalogue.candidates(patients.get(0).procedure())),
                CohortDescription.patterns(patients, d.factors()), options.study(),
                sampleSize(parameters, events, d.n()));
    }

    /** Riley et al.'s minimum sample size with the conservative anticipated R²cs. */
    private static ModelFile.SampleSize sampleSize(int parameters, int events, int n) {
        double prevalence = (double) events / n;
        RileySampleSize.Result r = RileySampleSize.conservative(parameters, prevalence);
        return new ModelFile.SampleSize(parameters, Numbers.round(prevalence),
                Numbers.round(RileySampleSize.CONSERVATIVE_SHARE * r.maxR2cs()), Numbers.round(r.maxR2cs()),
                List.of(new ModelFile.Criterion("expected shrinkage >= 0.9", r.shrinkage()),
                        new ModelFile.Criterion("optimism in Nagelkerke R² <= 0.05", r.optimism()),
                        new ModelFile.Criterion("overall risk within ±0.05", r.intercept())),
                r.required(), n);
    }
}
