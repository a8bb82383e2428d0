package io.spinemet.efficacy.training;

import io.spinemet.efficacy.Sha256;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.Cohort;
import io.spinemet.efficacy.cohort.CohortCsvReader;
import io.spinemet.efficacy.cohort.CohortException;
import io.spinemet.efficacy.modelfile.ModelCard;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.modelfile.ModelFileCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train}: fits the models from a cohort CSV and writes, per procedure, {@code <procedure>.json}, its
 * {@code .sha256} and the Markdown model card {@code <procedure>.md}. It runs without the HTTP server and reports
 * bootstrap progress on stderr. It writes all of its files or none (a temporary directory, then moves), and refuses
 * to replace existing model files without {@code --force}. Exit status: 0 success, 1 unusable data or existing
 * files, 2 bad options.
 */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true, versionProvider = TrainCommand.Version.class,
        description = "Fits the efficacy models from a cohort CSV and writes model files and cards.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--cohort", required = true, paramLabel = "FILE", description = "Cohort CSV to train on.")
    Path cohortFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the model files.")
    Path out;

    @Option(names = "--procedure", paramLabel = "PVP|DECOMPRESSION", converter = ProcedureConverter.class,
            description = "Train one procedure's model; default both.")
    Procedure procedure;

    @Option(names = "--predictors", split = ",", paramLabel = "a,b,c",
            description = "Multivariable predictors (factor ids); default the study's independent factors.")
    List<String> predictors;

    @Option(names = "--method", paramLabel = "firth|ml", defaultValue = "firth",
            description = "Served estimator: firth (default) or ml.")
    String method;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + TrainingOptions.DEFAULT_BOOTSTRAP,
            description = "Bootstrap replicates for optimism correction (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + TrainingOptions.DEFAULT_SEED,
            description = "Seed of the bootstrap resampling (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--site", paramLabel = "TEXT",
            description = "Where the patients were treated, for the model card (default: not stated).")
    String site;

    @Option(names = "--period", paramLabel = "TEXT",
            description = "When they were treated, e.g. 2019-2023, for the model card (default: not stated).")
    String period;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "One sentence on how the patients were selected, for the model card (default: not stated).")
    String description;

    @Option(names = "--force", description = "Replace model files that already exist in --out.")
    boolean force;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show the version.")
    boolean version;

    private final PrintWriter err;

    private TrainCommand(PrintWriter err) {
        this.err = err;
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new TrainCommand(err))
                .setCaseInsensitiveEnumValuesAllowed(false)
                .setErr(err);
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            err.println("train: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Method m = parseMethod();
        if (m == null || bootstrap < 1) {
            err.println("train: " + (m == null ? "--method must be firth or ml" : "--bootstrap must be at least 1"));
            return 2;
        }
        Cohort cohort;
        try {
            cohort = CohortCsvReader.read(cohortFile);
        } catch (CohortException e) {
            err.println("train: " + cohortFile + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("train: cannot read " + cohortFile + ": " + e.getMessage());
            return 1;
        }
        List<TrainingOptions> plans = new ArrayList<>();
        ModelFile.StudyMetadata study = new ModelFile.StudyMetadata(blankToNull(site), blankToNull(period),
                blankToNull(description));
        for (Procedure p : procedure == null ? List.of(Procedure.values()) : List.of(procedure)) {
            if (procedure == null && cohort.of(p).isEmpty()) {
                err.printf("%s: the cohort has no %s patients; only the other procedure's model is trained%n",
                        p.name(), p.name());
                continue;
            }
            List<Factor> chosen = predictors(p);
            if (chosen == null) {
                return 2;
            }
            plans.add(new TrainingOptions(p, chosen, m, bootstrap, seed, command(p, m), study));
        }
        List<String> existing = plans.stream().flatMap(plan -> files(plan.procedure()).stream())
                .filter(f -> Files.exists(out.resolve(f))).toList();
        if (!existing.isEmpty() && !force) {
            err.println("train: " + out + " already holds " + String.join(", ", existing)
                    + "; nothing was written. Use --force to replace them.");
            return 1;
        }
        List<ModelFile> models = new ArrayList<>();
        for (TrainingOptions plan : plans) {
            try {
                models.add(ModelTrainer.train(cohort, plan, progress(plan)));
            } catch (TrainingException e) {
                err.println("train: " + e.getMessage() + " Nothing was written.");
                return 1;
            }
        }
        models.forEach(this::warnAboutDroppedReplicates);
        write(models);
        return 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> files(Procedure p) {
        return List.of(p.slug() + ".json", p.slug() + ".json.sha256", p.slug() + ".md");
    }

    private void warnAboutDroppedReplicates(ModelFile model) {
        ModelFile.BootstrapAccount b = model.performance().bootstrap();
        int dropped = b.requested() - b.used();
        if (dropped > 0.1 * b.requested()) {
            err.printf("%s: warning: %d of %d bootstrap replicates were dropped (single outcome class %d, constant "
                    + "term %d, aliased design %d, failed fit %d); the optimism is underestimated%n",
                    model.procedure().name(), dropped, b.requested(), b.singleClass(), b.constantColumn(),
                    b.aliasedDesign(), b.failedFit());
        }
    }

    private Method parseMethod() {
        for (Method candidate : Method.values()) {
            if (candidate.id().equals(method)) {
                return candidate;
            }
        }
        return null;
    }

    /** The requested predictors for a procedure, or the study's; {@code null} after reporting a bad id. */
    private List<Factor> predictors(Procedure p) {
        if (predictors == null) {
            return FactorCatalogue.studyPredictors(p);
        }
        List<Factor> chosen = new ArrayList<>();
        for (String id : predictors) {
            Factor f = FactorCatalogue.find(id.trim()).orElse(null);
            if (f == null || !f.usedIn(p) || chosen.contains(f)) {
                err.println("train: --predictors: '" + id + "' " + (f == null ? "is not a factor id"
                        : chosen.contains(f) ? "is given twice" : "is not a factor of " + p.name())
                        + "; allowed for " + p.name() + ": " + String.join(", ",
                        FactorCatalogue.candidates(p).stream().map(Factor::id).toList()));
                return null;
            }
            chosen.add(f);
        }
        return chosen;
    }

    /** The command that reproduces one model, without directories so the file does not depend on where it ran. */
    private String command(Procedure p, Method m) {
        return "train --cohort " + cohortFile.getFileName() + " --procedure " + p.name() + " --method " + m.id()
                + (predictors == null ? "" : " --predictors " + String.join(",", predictors))
                + " --bootstrap " + bootstrap + " --seed " + seed + quoted("--site", site)
                + quoted("--period", period) + quoted("--description", description);
    }

    private static String quoted(String option, String value) {
        return blankToNull(value) == null ? "" : " " + option + " '" + value.strip().replace("'", "'\\''") + "'";
    }

    private IntConsumer progress(TrainingOptions plan) {
        int step = Math.max(1, plan.bootstrap() / 10);
        return b -> {
            if (b % step == 0 || b == plan.bootstrap()) {
                err.printf("%s: bootstrap %d/%d%n", plan.procedure().name(), b, plan.bootstrap());
            }
        };
    }

    /** Accepts a procedure's id or slug in any case: {@code PVP}, {@code pvp}, {@code Decompression}. */
    static final class ProcedureConverter implements CommandLine.ITypeConverter<Procedure> {
        @Override
        public Procedure convert(String value) {
            return Procedure.parse(value).orElseThrow(
                    () -> new CommandLine.TypeConversionException("must be one of " + Procedure.allowed()
                            + " (any case)"));
        }
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"spinemet-efficacy " + ProjectVersion.get()};
        }
    }

    /**
     * Writes every model's files into a new temporary directory beside {@code --out}, then moves each into place,
     * so an interrupted or failed run leaves no half-written set.
     */
    private void write(List<ModelFile> models) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, ".train-");
        try {
            List<String> written = new ArrayList<>();
            for (ModelFile model : models) {
                String slug = model.procedure().slug();
                byte[] json = ModelFileCodec.write(model);
                String sha = Sha256.hex(json);
                Files.write(staging.resolve(slug + ".json"), json);
                Files.writeString(staging.resolve(slug + ".json.sha256"), sha + "  " + slug + ".json\n");
                Files.writeString(staging.resolve(slug + ".md"), ModelCard.markdown(model, sha));
                written.add(model.procedure().name() + ": wrote " + out.resolve(slug + ".json") + " (sha256 " + sha + ")");
            }
            for (ModelFile model : models) {
                for (String f : files(model.procedure())) {
                    move(staging.resolve(f), target.resolve(f));
                }
            }
            written.forEach(err::println);
        } finally {
            try (var left = Files.list(staging)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
