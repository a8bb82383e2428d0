package io.spinemet.efficacy;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.spinemet.efficacy.api.StartupArchiveTraining;
import io.spinemet.efficacy.cohort.reference.ReferenceCohort;
import io.spinemet.efficacy.scoring.ModelLoader;
import io.spinemet.efficacy.training.TrainCommand;
import io.spinemet.efficacy.training.ProjectVersion;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point. {@code train ...} and {@code reference-cohort ...} run as plain programs (no HTTP server, no port
 * bound) and exit with their status; {@code startup-archive-training} is the build's class-data-sharing training
 * run; no command (or {@code serve}) starts the prediction service; {@code --help} and {@code --version} print and
 * exit 0; anything else prints the usage and exits 2.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    /** What the jar does, printed by {@code --help} and after a bad argument. */
    static final String USAGE = """
            Usage: java -jar quarkus-run.jar [COMMAND] [OPTIONS]

            Commands:
              (none) | serve     start the prediction service (port: quarkus.http.port, default 8080)
              train              fit the models from a cohort CSV and write model files and cards
                                 (train --help lists its options)
              reference-cohort   write the reconstructed reference cohort (reference-cohort --help)

            Options:
              -h, --help         show this help and exit
              -V, --version      show the version and exit
            """;

    public static void main(String... args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            System.exit(0);
        } else if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println("spinemet-efficacy " + ProjectVersion.get());
            System.exit(0);
        } else if (args.length > 0 && args[0].equals("serve")) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        String refused = refused(args);
        if (refused != null) {
            System.err.println("spinemet-efficacy: " + refused);
            System.err.print(USAGE);
            System.exit(2);
        }
        if (args.length > 0 && args[0].equals("train")) {
            System.exit(TrainCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        } else if (args.length > 0 && args[0].equals("reference-cohort")) {
            System.exit(ReferenceCohort.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        ModelLoader.warmUpInBackground(Main.class.getClassLoader());
        if (args.length > 0 && args[0].equals(StartupArchiveTraining.COMMAND)) {
            StartupArchiveTraining.chooseLoopbackPort();
            Quarkus.run(StartupArchiveTraining.class, Arrays.copyOfRange(args, 1, args.length));
        } else {
            Quarkus.run(args);
        }
    }

    /**
     * Why the arguments cannot start anything, or null: the service takes no arguments, so an unknown command or
     * option is refused rather than starting the server and taking its port.
     */
    static String refused(String... args) {
        if (args.length == 0 || List.of("train", "reference-cohort", StartupArchiveTraining.COMMAND)
                .contains(args[0])) {
            return null;
        }
        return args[0].startsWith("-") ? "unknown option '" + args[0] + "'" : "unknown command '" + args[0] + "'";
    }
}
