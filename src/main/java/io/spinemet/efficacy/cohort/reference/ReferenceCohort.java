package io.spinemet.efficacy.cohort.reference;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.FactorType;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.CohortCsvReader;
import io.spinemet.efficacy.cohort.CohortCsvWriter;
import io.spinemet.efficacy.cohort.Patient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The project's <b>synthetic</b> reference cohort: 34 PVP and 18 DECOMPRESSION patients reconstructed from the study
 * abstract's published summary. The study never published patient-level data; <b>none of these rows is a real
 * patient</b>. The output is {@code models/cohort/reference-cohort.csv}.
 *
 * <h2>What it reproduces exactly</h2>
 * Per procedure, the abstract's counts (data dictionary §1.3): good efficacy (relief &gt; 3 months) 23/34 and 13/18;
 * relief &gt; 1 month 27/34 and 15/18; survival &gt; 3 months 28/34 and 14/18; survival &gt; 12 months 9/34 and 3/18;
 * postoperative radiotherapy 5/34 and 4/18 (the abstract prints "39% (4/18)"; 4/18 is 22.2 %, and the count is kept).
 *
 * <h2>Algorithm</h2>
 * Everything is drawn from one {@link SplittableRandom} seeded with {@link #SEED}, consumed in a fixed order (PVP
 * first, then DECOMPRESSION; within a procedure, factors in catalogue order, then outcomes, then months). Only
 * {@link StrictMath} is used, lists (never hash order) are iterated, and nothing depends on locale or time, so the
 * output is identical on every JVM. For each procedure, attempts are made in sequence until one is accepted:
 * <ol>
 *   <li><b>Factors with exact counts.</b> For every boolean factor a count of the risk (or "yes") level is drawn
 *       uniformly from the procedure's plausible range ({@link #RANGES}; data dictionary §4, with §1.4's
 *       no-empty-cell feasibility windows for the study's independent factors), and that many patients, chosen by a
 *       random permutation, get it. {@code postoperativeRadiotherapy} gets exactly the published count.
 *       {@code primaryTumorGrowth} gets drawn counts of SLOW and MODERATE (rest RAPID), {@code frankelGrade} a drawn
 *       count of non-ambulatory patients (A&ndash;C, split A/B/C 15/25/60 %; the others D/E 60/40 %), and
 *       {@code vertebraeInvolved} takes 1&ndash;5 in fixed quotas (35/30/20/10/5 % of n, largest remainder),
 *       randomly assigned.</li>
 *   <li><b>Outcome from a logistic latent variable.</b> Each patient gets a linear predictor {@code eta} with the
 *       published directions ({@link #LOG_ODDS}: malnutrition, poor performance status, metastasis during
 *       chemotherapy, no targeted therapy, no radiotherapy and Frankel A&ndash;C lower the log-odds of good efficacy;
 *       visceral and extraspinal bone metastasis lower it a little, as presumed by data dictionary §2(9)&ndash;(10)),
 *       plus standard logistic noise. The patients with the highest latent values, exactly as many as the published
 *       good-efficacy count, are good; this fixes the count without rejection.</li>
 *   <li><b>Acceptance.</b> The attempt is rejected unless, for each of the study's independent factors
 *       ({@link FactorCatalogue#studyPredictors(Procedure)}) and for visceral and extraspinal bone metastasis, the
 *       2&times;2 table of risk level against good efficacy has no empty cell and a sample odds ratio of good efficacy
 *       for the risk level below 1 ({@code ad < bc}) &mdash; for the independent factors other than radiotherapy
 *       also between {@link #MIN_OR} and {@link #MAX_OR}, so no effect is trivially weak or nearly separated
 *       (radiotherapy's table is pinned by its published count: with 5/34 only 4 good / 1 poor among the treated
 *       gives the published direction without an empty cell, OR 0.48; with 4/18 only 3 / 1, OR 0.83); and, for PVP
 *       only, unless the multivariable design (intercept
 *       plus the five independent factors) is free of complete and quasi-complete separation (linear-programming
 *       check of Albert &amp; Anderson's condition). DECOMPRESSION (6 predictors, 5 poor outcomes) is not required
 *       to be unseparated; whether it is is recorded in {@link #separated(Procedure)}.</li>
 *   <li><b>Survival and relief.</b> With the outcome fixed, the published survival and relief counts are placed by
 *       weighted sampling without replacement (Efraimidis&ndash;Spirakis keys), weights {@code exp(-eta)} for early
 *       death and {@code exp(eta)} for long survival: the early deaths (survival &le; 3 months) are drawn from the
 *       poor-efficacy patients (good efficacy requires surviving 3 months); survival &gt; 12 months from the other
 *       survivors; relief &gt; 1 month is given to all good patients plus a uniform draw of the remaining count
 *       among the poor ones. Months are then drawn uniformly, in tenths, inside each patient's band: relief &le;
 *       survival always, and no value equals 1.0, 3.0 or 12.0, so the one-decimal CSV cannot round across a
 *       threshold. Survival is at most 44 months (the study's admission window).</li>
 * </ol>
 *
 * <p>The CSV is written by {@link CohortCsvWriter}; {@link #isReference(String)} recognises it by its SHA-256, which
 * the training pipeline uses to label a model's provenance. {@link #run(String...)} is the command line
 * ({@code reference-cohort --out FILE}).
 */
public final class ReferenceCohort {

    /** The fixed seed. Changing it changes the committed CSV and every model trained on it. */
    public static final long SEED = 20_170_501L;

    /** Where the project keeps the generated file, relative to the repository root. */
    public static final String DEFAULT_PATH = "models/cohort/reference-cohort.csv";

    /** Safety bound on attempts per procedure; the accepted attempt numbers are far below it. */
    static final int MAX_ATTEMPTS = 1_000_000;

    /**
     * Published counts per procedure (data dictionary §1.3): n, good efficacy, relief &gt; 1 month, survival &gt; 3
     * months, survival &gt; 12 months, postoperative radiotherapy.
     */
    public record Published(int n, int good, int reliefOver1, int survivalOver3, int survivalOver12,
                            int radiotherapy) {
    }

    /** The abstract's counts. */
    public static final Map<Procedure, Published> PUBLISHED = Map.of(
            Procedure.PVP, new Published(34, 23, 27, 28, 9, 5),
            Procedure.DECOMPRESSION, new Published(18, 13, 15, 14, 3, 4));

    /**
     * Plausible prevalence of a factor level, as a fraction range, for one procedure. The generator draws a count
     * inside {@code [ceil(min*n), floor(max*n)]}; the test checks the result falls inside the same range.
     *
     * @param factorId the factor
     * @param level    the level counted ({@code "true"} for booleans, a level name, or {@code "A-C"})
     * @param min      smallest plausible fraction
     * @param max      largest plausible fraction
     * @param basis    why
     */
    public record Range(String factorId, String level, double min, double max, String basis) {

        public int minCount(int n) {
            return (int) StrictMath.ceil(min * n - 1e-9);
        }

        public int maxCount(int n) {
            return (int) StrictMath.floor(max * n + 1e-9);
        }
    }

    /** Plausible ranges, per procedure, in catalogue order (radiotherapy is fixed by the published count). */
    public static final Map<Procedure, List<Range>> RANGES = Map.of(
            Procedure.PVP, List.of(
                    new Range("malnutrition", "true", 0.30, 0.40, "hypoalbuminaemia 30-40 % (§4; Gelfand 2021: 36 %)"),
                    new Range("poorPerformanceStatus", "true", 0.20, 0.40,
                            "poor KPS/ADL in a minority; inside the §1.4 window 5-23/34"),
                    new Range("leukopenia", "true", 0.10, 0.25, "not reported; a minority"),
                    new Range("primaryTumorGrowth", "SLOW", 0.20, 0.33, "Tomita/Zeng mix (§2(4), §4)"),
                    new Range("primaryTumorGrowth", "MODERATE", 0.12, 0.24, "Tomita/Zeng mix (§2(4), §4)"),
                    new Range("targetedTherapy", "true", 0.32, 0.45,
                            "15-45 % (§4) intersected with the §1.4 feasibility window 11-29/34"),
                    new Range("metastasisDuringChemotherapy", "true", 0.20, 0.40,
                            "a minority; inside the §1.4 window 5-23/34"),
                    new Range("primaryRadicallyResected", "true", 0.20, 0.40, "not reported; a minority"),
                    new Range("extraspinalBoneMetastasis", "true", 0.30, 0.60, "§4 (Tokuhashi series)"),
                    new Range("visceralMetastasis", "true", 0.40, 0.75, "40-75 % (§4; Yibin cohort 74.8 %)")),
            Procedure.DECOMPRESSION, List.of(
                    new Range("malnutrition", "true", 0.30, 0.40, "hypoalbuminaemia 30-40 % (§4); window 4-7/18"),
                    new Range("poorPerformanceStatus", "true", 0.22, 0.39, "§1.4 window 4-7/18"),
                    new Range("leukopenia", "true", 0.10, 0.25, "not reported; a minority"),
                    new Range("primaryTumorGrowth", "SLOW", 0.16, 0.34, "Tomita/Zeng mix (§2(4), §4)"),
                    new Range("primaryTumorGrowth", "MODERATE", 0.11, 0.23, "Tomita/Zeng mix (§2(4), §4)"),
                    new Range("targetedTherapy", "true", 0.61, 0.78,
                            "§1.4 feasibility window 11-14/18, which §4 says overrides the 15-45 % prior"),
                    new Range("metastasisDuringChemotherapy", "true", 0.22, 0.39, "§1.4 window 4-7/18"),
                    new Range("primaryRadicallyResected", "true", 0.20, 0.40, "not reported; a minority"),
                    new Range("extraspinalBoneMetastasis", "true", 0.30, 0.60, "§4 (Tokuhashi series)"),
                    new Range("visceralMetastasis", "true", 0.40, 0.75, "40-75 % (§4; Yibin cohort 74.8 %)"),
                    new Range("frankelGrade", "A-C", 0.22, 0.39,
                            "non-ambulatory a minority (§4); §1.4 window 4-7/18")));

    /**
     * Log-odds of good efficacy per unit of each factor in the latent model; the intercept is irrelevant because the
     * good patients are the top {@code good} latent values. Keys are factor ids (boolean: value true; frankelGrade:
     * A-C).
     */
    static final Map<String, Double> LOG_ODDS = orderedMap(
            "malnutrition", -1.3,
            "poorPerformanceStatus", -1.3,
            "targetedTherapy", 1.1,
            "metastasisDuringChemotherapy", -1.1,
            "extraspinalBoneMetastasis", -0.4,
            "visceralMetastasis", -0.5,
            "postoperativeRadiotherapy", 1.2,
            "frankelGrade", -1.4);

    /** Band for the sample odds ratio of each independent factor except radiotherapy (acceptance step). */
    static final double MIN_OR = 0.10;
    static final double MAX_OR = 0.80;

    /** Factors whose univariate direction the acceptance step also requires (presumed, data dictionary §2). */
    static final List<String> PRESUMED_RISK_TRUE = List.of("extraspinalBoneMetastasis", "visceralMetastasis");

    private static final double[] VERTEBRAE_WEIGHTS = {0.35, 0.30, 0.20, 0.10, 0.05};
    private static final int MAX_SURVIVAL_TENTHS = 440;

    private static volatile ReferenceCohort instance;

    private final List<Patient> patients;
    private final byte[] csv;
    private final Map<Procedure, Integer> attempts = new LinkedHashMap<>();
    private final Map<Procedure, Boolean> separated = new LinkedHashMap<>();

    /** Generates the cohort with {@link #SEED}. Deterministic; a few milliseconds. */
    public ReferenceCohort() {
        SplittableRandom rng = new SplittableRandom(SEED);
        List<Patient> all = new ArrayList<>();
        for (Procedure procedure : List.of(Procedure.PVP, Procedure.DECOMPRESSION)) {
            all.addAll(generate(procedure, rng));
        }
        this.patients = List.copyOf(all);
        StringBuilder out = new StringBuilder();
        try {
            CohortCsvWriter.write(patients, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.csv = out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The generated cohort, computed once. */
    public static ReferenceCohort instance() {
        ReferenceCohort r = instance;
        if (r == null) {
            synchronized (ReferenceCohort.class) {
                r = instance;
                if (r == null) {
                    r = new ReferenceCohort();
                    instance = r;
                }
            }
        }
        return r;
    }

    /** 34 PVP then 18 DECOMPRESSION patients, in file order. */
    public List<Patient> patients() {
        return patients;
    }

    /** The CSV file's exact bytes (UTF-8, LF line ends). */
    public byte[] csvBytes() {
        return csv.clone();
    }

    /** Lower-case hex SHA-256 of {@link #csvBytes()}. */
    public String sha256() {
        return io.spinemet.efficacy.Sha256.hex(csv);
    }

    /** The number of the accepted attempt (1-based) for a procedure. */
    public int attempts(Procedure procedure) {
        return attempts.get(procedure);
    }

    /** Whether the procedure's multivariable design (intercept + study predictors) is (quasi-)separated. */
    public boolean separated(Procedure procedure) {
        return separated.get(procedure);
    }

    /** True iff {@code sha256OfCsv} (hex, any case) is the SHA-256 of the generated reference CSV. */
    public static boolean isReference(String sha256OfCsv) {
        return sha256OfCsv != null && sha256OfCsv.trim().equalsIgnoreCase(instance().sha256());
    }

    /**
     * Markdown tables of the generated cohort: the prevalence of every factor level per procedure, and the 2&times;2
     * table and sample odds ratio of good efficacy for each of the study's independent factors (risk level against
     * the rest). The README quotes this text verbatim; a test keeps the two in step.
     */
    public String summaryMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| factor | level | PVP (n = 34) | DECOMPRESSION (n = 18) |\n|---|---|---|---|\n");
        for (Factor f : FactorCatalogue.FACTORS) {
            List<String> levels = switch (f.type()) {
                case BOOLEAN -> List.of("true");
                case CATEGORICAL -> f.id().equals("frankelGrade") ? List.of("A-C", "A", "B", "C", "D", "E")
                        : f.levels();
                case INTEGER -> List.of("1", "2", "3", "4", "5", "mean");
            };
            for (String level : levels) {
                sb.append("| `").append(f.id()).append("` | ").append(level).append(" |");
                for (Procedure procedure : List.of(Procedure.PVP, Procedure.DECOMPRESSION)) {
                    List<Patient> ps = of(procedure);
                    if (!f.usedIn(procedure)) {
                        sb.append(" n/a |");
                    } else if (level.equals("mean")) {
                        double mean = ps.stream().mapToInt(p -> (Integer) p.factors().get(f.id())).average()
                                .orElse(Double.NaN);
                        sb.append(String.format(Locale.ROOT, " %.2f |", mean));
                    } else {
                        long k = ps.stream().filter(p -> hasLevel(f, p.factors().get(f.id()), level)).count();
                        sb.append(String.format(Locale.ROOT, " %d/%d (%.1f %%) |", k, ps.size(),
                                100.0 * k / ps.size()));
                    }
                }
                sb.append('\n');
            }
        }
        sb.append("\n| procedure | factor | risk level | risk: good / poor | other: good / poor "
                + "| sample OR of good, risk vs other | direction |\n|---|---|---|---|---|---|---|\n");
        for (Procedure procedure : List.of(Procedure.PVP, Procedure.DECOMPRESSION)) {
            for (Factor f : FactorCatalogue.studyPredictors(procedure)) {
                int[] t = new int[4];
                for (Patient p : of(procedure)) {
                    boolean risk = isRisk(f.id(), p.factors().get(f.id()), false);
                    t[(risk ? 0 : 2) + (p.goodEfficacy() == 1 ? 0 : 1)]++;
                }
                double or = (double) t[0] * t[3] / ((double) t[1] * t[2]);
                sb.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %d / %d | %d / %d | %.2f | %s |%n",
                        procedure.name(), f.id(), f.id().equals("frankelGrade") ? "A-C" : f.riskValue(),
                        t[0], t[1], t[2], t[3], or, or < 1 ? "< 1, as published" : "WRONG"));
            }
        }
        return sb.toString().replace("\r\n", "\n");
    }

    private List<Patient> of(Procedure procedure) {
        return patients.stream().filter(p -> p.procedure() == procedure).toList();
    }

    private static boolean hasLevel(Factor f, Object value, String level) {
        if (level.equals("A-C")) {
            return isRisk(f.id(), value, true);
        }
        return String.valueOf(value).equals(level);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Command line

    /**
     * {@code reference-cohort --out FILE}: writes the CSV ({@code -} for standard output).
     *
     * @return 0 on success, 2 on bad options, 1 when the file cannot be written
     */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    static int run(PrintStream stdout, PrintStream stderr, String... args) {
        String usage = "usage: reference-cohort --out FILE   (writes the synthetic reference cohort CSV; "
                + "FILE '-' = standard output)";
        String out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                stdout.println(usage);
                return 0;
            } else if (a.equals("--out")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    stderr.println("reference-cohort: --out needs a file name");
                    stderr.println(usage);
                    return 2;
                }
                if (out != null) {
                    stderr.println("reference-cohort: --out given more than once");
                    return 2;
                }
                out = args[++i];
            } else if (a.startsWith("--out=")) {
                stderr.println("reference-cohort: write '--out FILE' (separate arguments), not '" + a + "'");
                return 2;
            } else {
                stderr.println("reference-cohort: unknown option '" + a + "'");
                stderr.println(usage);
                return 2;
            }
        }
        if (out == null) {
            stderr.println("reference-cohort: --out FILE is required");
            stderr.println(usage);
            return 2;
        }
        ReferenceCohort cohort = instance();
        try {
            if (out.equals("-")) {
                stdout.write(cohort.csv);
                stdout.flush();
            } else {
                Path path = Path.of(out).toAbsolutePath();
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.write(path, cohort.csv);
                stderr.println("reference-cohort: wrote " + cohort.patients.size() + " synthetic patients to " + out
                        + " (sha256 " + cohort.sha256() + ")");
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            stderr.println("reference-cohort: cannot write " + out + ": " + e);
            return 1;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Generation

    private List<Patient> generate(Procedure procedure, SplittableRandom rng) {
        Published pub = PUBLISHED.get(procedure);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Draft d = drawFactors(procedure, pub, rng);
            drawOutcome(d, pub, rng);
            if (!accepted(d, procedure)) {
                continue;
            }
            boolean sep = isSeparated(design(d, procedure), d.good);
            if (procedure == Procedure.PVP && sep) {
                continue;
            }
            attempts.put(procedure, attempt);
            separated.put(procedure, sep);
            return months(d, procedure, pub, rng);
        }
        throw new IllegalStateException("no acceptable " + procedure + " cohort in " + MAX_ATTEMPTS + " attempts");
    }

    /** One attempt's patients, column-wise. */
    private static final class Draft {
        final int n;
        final Map<String, Object[]> values = new LinkedHashMap<>();
        final double[] eta;
        final boolean[] good;

        Draft(int n) {
            this.n = n;
            this.eta = new double[n];
            this.good = new boolean[n];
        }
    }

    private static Draft drawFactors(Procedure procedure, Published pub, SplittableRandom rng) {
        int n = pub.n();
        Draft d = new Draft(n);
        for (Factor f : FactorCatalogue.candidates(procedure)) {
            Object[] column = new Object[n];
            switch (f.id()) {
                case "postoperativeRadiotherapy" -> fillBoolean(column, pub.radiotherapy(), rng);
                case "vertebraeInvolved" -> {
                    int[] quota = quotas(VERTEBRAE_WEIGHTS, n);
                    int[] order = permutation(n, rng);
                    int k = 0;
                    for (int v = 0; v < quota.length; v++) {
                        for (int c = 0; c < quota[v]; c++) {
                            column[order[k++]] = v + 1;
                        }
                    }
                }
                case "primaryTumorGrowth" -> {
                    int slow = drawCount(range(procedure, f.id(), "SLOW"), n, rng);
                    int moderate = drawCount(range(procedure, f.id(), "MODERATE"), n, rng);
                    int[] order = permutation(n, rng);
                    for (int k = 0; k < n; k++) {
                        column[order[k]] = k < slow ? "SLOW" : k < slow + moderate ? "MODERATE" : "RAPID";
                    }
                }
                case "frankelGrade" -> {
                    int nonAmbulatory = drawCount(range(procedure, f.id(), "A-C"), n, rng);
                    int[] order = permutation(n, rng);
                    for (int k = 0; k < n; k++) {
                        column[order[k]] = k < nonAmbulatory
                                ? new String[] {"A", "B", "C"}[weighted(new double[] {0.15, 0.25, 0.60}, rng)]
                                : new String[] {"D", "E"}[weighted(new double[] {0.60, 0.40}, rng)];
                    }
                }
                default -> {
                    if (f.type() != FactorType.BOOLEAN) {
                        throw new IllegalStateException("no generation rule for " + f.id());
                    }
                    fillBoolean(column, drawCount(range(procedure, f.id(), "true"), n, rng), rng);
                }
            }
            d.values.put(f.id(), column);
        }
        return d;
    }

    private static void drawOutcome(Draft d, Published pub, SplittableRandom rng) {
        double[] latent = new double[d.n];
        for (int i = 0; i < d.n; i++) {
            double eta = 0;
            for (Map.Entry<String, Double> e : LOG_ODDS.entrySet()) {
                Object[] column = d.values.get(e.getKey());
                if (column != null && isRisk(e.getKey(), column[i], true)) {
                    eta += e.getValue();
                }
            }
            d.eta[i] = eta;
            double u = rng.nextDouble();
            while (u == 0.0) {
                u = rng.nextDouble();
            }
            latent[i] = eta + StrictMath.log(u / (1 - u));
        }
        for (int i : topK(latent, pub.good())) {
            d.good[i] = true;
        }
    }

    /**
     * Whether a value is the "positive" level of a factor: for booleans {@code true} (or the catalogue risk value
     * when {@code literal} is false), for Frankel grade A-C.
     */
    private static boolean isRisk(String factorId, Object value, boolean literal) {
        if (factorId.equals("frankelGrade")) {
            return value.equals("A") || value.equals("B") || value.equals("C");
        }
        if (literal) {
            return Boolean.TRUE.equals(value);
        }
        String risk = FactorCatalogue.get(factorId).riskValue();
        return String.valueOf(value).equals(risk);
    }

    private static boolean accepted(Draft d, Procedure procedure) {
        for (Factor f : FactorCatalogue.studyPredictors(procedure)) {
            int[] t = twoByTwo(d, f.id(), false);
            if (!publishedDirectionWithoutEmptyCell(t)) {
                return false;
            }
            // Radiotherapy's table is pinned by its published count (see the class comment); the others must show
            // an effect that is neither trivially weak nor nearly separated.
            double or = (double) t[0] * t[3] / ((double) t[1] * t[2]);
            if (!f.id().equals("postoperativeRadiotherapy") && (or < MIN_OR || or > MAX_OR)) {
                return false;
            }
        }
        for (String id : PRESUMED_RISK_TRUE) {
            if (!publishedDirectionWithoutEmptyCell(twoByTwo(d, id, true))) {
                return false;
            }
        }
        return true;
    }

    /** {riskGood, riskPoor, otherGood, otherPoor}. */
    private static int[] twoByTwo(Draft d, String factorId, boolean literal) {
        int[] t = new int[4];
        Object[] column = d.values.get(factorId);
        for (int i = 0; i < d.n; i++) {
            boolean risk = isRisk(factorId, column[i], literal);
            t[(risk ? 0 : 2) + (d.good[i] ? 0 : 1)]++;
        }
        return t;
    }

    /** No empty cell and odds ratio of good efficacy for the risk level below 1: a*d < b*c. */
    private static boolean publishedDirectionWithoutEmptyCell(int[] t) {
        for (int cell : t) {
            if (cell == 0) {
                return false;
            }
        }
        return (long) t[0] * t[3] < (long) t[1] * t[2];
    }

    /** Intercept plus the study predictors, coded 0/1 as in the models (risk-agnostic: true / A-C = 1). */
    private static double[][] design(Draft d, Procedure procedure) {
        List<Factor> predictors = FactorCatalogue.studyPredictors(procedure);
        double[][] x = new double[d.n][predictors.size() + 1];
        for (int i = 0; i < d.n; i++) {
            x[i][0] = 1;
            for (int j = 0; j < predictors.size(); j++) {
                String id = predictors.get(j).id();
                x[i][j + 1] = isRisk(id, d.values.get(id)[i], true) ? 1 : 0;
            }
        }
        return x;
    }

    /**
     * Albert &amp; Anderson (1984): the data are completely or quasi-completely separated iff some non-zero direction
     * {@code b} has {@code s_i x_i b >= 0} for every row ({@code s_i = +1} good, {@code -1} poor) with at least one
     * strict inequality. Solved as the LP: maximise {@code sum s_i x_i b} subject to those inequalities and
     * {@code -1 <= b_j <= 1}; separation iff the optimum is positive.
     */
    static boolean isSeparated(double[][] x, boolean[] good) {
        int p = x[0].length;
        double[] objective = new double[p];
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double s = good[i] ? 1 : -1;
            double[] row = new double[p];
            for (int j = 0; j < p; j++) {
                row[j] = s * x[i][j];
                objective[j] += row[j];
            }
            constraints.add(new LinearConstraint(row, Relationship.GEQ, 0));
        }
        for (int j = 0; j < p; j++) {
            double[] unit = new double[p];
            unit[j] = 1;
            constraints.add(new LinearConstraint(unit, Relationship.LEQ, 1));
            constraints.add(new LinearConstraint(unit, Relationship.GEQ, -1));
        }
        PointValuePair solution = new SimplexSolver().optimize(new MaxIter(10_000),
                new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints),
                GoalType.MAXIMIZE, new NonNegativeConstraint(false));
        return solution.getValue() > 1e-7;
    }

    /** Places the survival and relief counts and draws months in tenths; builds the patients. */
    private static List<Patient> months(Draft d, Procedure procedure, Published pub, SplittableRandom rng) {
        int n = d.n;
        // Early deaths (survival <= 3 months): only poor-efficacy patients, weighted towards a worse prognosis.
        int early = n - pub.survivalOver3();
        boolean[] died3 = pick(n, early, i -> !d.good[i], i -> StrictMath.exp(-d.eta[i]), rng);
        // Survival > 12 months among the rest, weighted towards a better prognosis.
        boolean[] over12 = pick(n, pub.survivalOver12(), i -> !died3[i], i -> StrictMath.exp(d.eta[i]), rng);
        // Relief > 1 month: every good patient, plus a uniform draw among the poor.
        int extra = pub.reliefOver1() - pub.good();
        boolean[] poorOver1 = pick(n, extra, i -> !d.good[i], i -> 1.0, rng);

        String prefix = procedure == Procedure.PVP ? "PVP-" : "DEC-";
        List<Patient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int survival;
            int relief;
            if (died3[i]) {
                if (poorOver1[i]) {
                    survival = uniform(15, 29, rng);
                    relief = uniformAvoiding(11, survival, rng);
                } else {
                    survival = uniformAvoiding(2, 29, rng);
                    relief = uniformAvoiding(1, StrictMath.min(9, survival), rng);
                }
            } else {
                survival = over12[i] ? 121 + (int) StrictMath.min(MAX_SURVIVAL_TENTHS - 121,
                        StrictMath.floor(-StrictMath.log(1 - rng.nextDouble()) * 80)) : uniform(31, 119, rng);
                if (d.good[i]) {
                    relief = uniformAvoiding(31, survival, rng);
                } else if (poorOver1[i]) {
                    relief = uniform(11, 29, rng);
                } else {
                    relief = uniform(1, 9, rng);
                }
            }
            Map<String, Object> factors = new LinkedHashMap<>();
            for (Map.Entry<String, Object[]> e : d.values.entrySet()) {
                factors.put(e.getKey(), e.getValue()[i]);
            }
            out.add(new Patient(prefix + String.format(Locale.ROOT, "%02d", i + 1), procedure, factors,
                    relief / 10.0, survival / 10.0, d.good[i] ? 1 : 0));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Random helpers (all consume the one stream in a fixed order)

    private static Range range(Procedure procedure, String factorId, String level) {
        return RANGES.get(procedure).stream().filter(r -> r.factorId().equals(factorId) && r.level().equals(level))
                .findFirst().orElseThrow(() -> new IllegalStateException("no range for " + factorId + "=" + level));
    }

    private static int drawCount(Range r, int n, SplittableRandom rng) {
        return uniform(r.minCount(n), r.maxCount(n), rng);
    }

    private static void fillBoolean(Object[] column, int count, SplittableRandom rng) {
        int[] order = permutation(column.length, rng);
        for (int k = 0; k < column.length; k++) {
            column[order[k]] = k < count;
        }
    }

    /** Fisher-Yates permutation of 0..n-1. */
    private static int[] permutation(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int weighted(double[] weights, SplittableRandom rng) {
        double u = rng.nextDouble();
        double acc = 0;
        for (int k = 0; k < weights.length - 1; k++) {
            acc += weights[k];
            if (u < acc) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /** Largest-remainder apportionment of n to the weights (ties to the earlier level). */
    static int[] quotas(double[] weights, int n) {
        int[] q = new int[weights.length];
        double[] rest = new double[weights.length];
        int used = 0;
        for (int k = 0; k < weights.length; k++) {
            double exact = weights[k] * n;
            q[k] = (int) StrictMath.floor(exact + 1e-9);
            rest[k] = exact - q[k];
            used += q[k];
        }
        for (int k : topK(rest, n - used)) {
            q[k]++;
        }
        return q;
    }

    /** Uniform integer in [lo, hi]. */
    private static int uniform(int lo, int hi, SplittableRandom rng) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    /** Uniform tenths in [lo, hi], redrawn while on a threshold (1.0, 3.0, 12.0 months). */
    private static int uniformAvoiding(int lo, int hi, SplittableRandom rng) {
        int v;
        do {
            v = uniform(lo, hi, rng);
        } while (v == 10 || v == 30 || v == 120);
        return v;
    }

    /** Indices of the k largest values (ties by lower index). */
    private static int[] topK(double[] values, int k) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i));
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = idx[j];
        }
        return out;
    }

    private interface IntPredicate {
        boolean test(int i);
    }

    private interface IntWeight {
        double weight(int i);
    }

    /**
     * Weighted sampling of k eligible indices without replacement (Efraimidis-Spirakis: the k largest keys
     * {@code log(u)/w}). Every index consumes one draw, eligible or not, so the stream stays aligned.
     */
    private static boolean[] pick(int n, int k, IntPredicate eligible, IntWeight weight, SplittableRandom rng) {
        double[] keys = new double[n];
        int eligibleCount = 0;
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            while (u == 0.0) {
                u = rng.nextDouble();
            }
            if (eligible.test(i)) {
                keys[i] = StrictMath.log(u) / weight.weight(i);
                eligibleCount++;
            } else {
                keys[i] = Double.NEGATIVE_INFINITY;
            }
        }
        if (eligibleCount < k) {
            throw new IllegalStateException("cannot place " + k + " of " + eligibleCount + " eligible patients");
        }
        boolean[] chosen = new boolean[n];
        for (int i : topK(keys, k)) {
            chosen[i] = true;
        }
        return chosen;
    }

    private static Map<String, Double> orderedMap(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
