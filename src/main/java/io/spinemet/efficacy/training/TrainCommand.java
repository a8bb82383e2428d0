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
 * bootstrap progress on stderr. Exit status: 0 success, 1 unusable data, 2 bad options.
 */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true,
        description = "Fits the efficacy models from a cohort CSV and writes model files and cards.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--cohort", required = true, paramLabel = "FILE", description = "Cohort CSV to train on.")
    Path cohortFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the model files.")
    Path out;

    @Option(names = "--procedure", paramLabel = "PVP|DECOMPRESSION",
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

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

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
        for (Procedure p : procedure == null ? List.of(Procedure.values()) : List.of(procedure)) {
            List<Factor> chosen = predictors(p);
            if (chosen == null) {
                return 2;
            }
            plans.add(new TrainingOptions(p, chosen, m, bootstrap, seed, command(p, m)));
        }
        Files.createDirectories(out);
        for (TrainingOptions plan : plans) {
            ModelFile model;
            try {
                model = ModelTrainer.train(cohort, plan, progress(plan));
            } catch (TrainingException e) {
                err.println("train: " + e.getMessage());
                return 1;
            }
            write(model);
        }
        return 0;
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
                + " --bootstrap " + bootstrap + " --seed " + seed;
    }

    private IntConsumer progress(TrainingOptions plan) {
        int step = Math.max(1, plan.bootstrap() / 10);
        return b -> {
            if (b % step == 0 || b == plan.bootstrap()) {
                err.printf("%s: bootstrap %d/%d%n", plan.procedure().name(), b, plan.bootstrap());
            }
        };
    }

    private void write(ModelFile model) throws IOException {
        String slug = model.procedure().slug();
        byte[] json = ModelFileCodec.write(model);
        String sha = Sha256.hex(json);
        Files.write(out.resolve(slug + ".json"), json);
        Files.writeString(out.resolve(slug + ".json.sha256"), sha + "  " + slug + ".json\n");
        Files.writeString(out.resolve(slug + ".md"), ModelCard.markdown(model, sha));
        err.printf("%s: wrote %s (sha256 %s)%n", model.procedure().name(), out.resolve(slug + ".json"), sha);
    }
}
