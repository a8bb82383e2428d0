package io.spinemet.efficacy;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.spinemet.efficacy.api.StartupArchiveTraining;
import io.spinemet.efficacy.cohort.reference.ReferenceCohort;
import io.spinemet.efficacy.scoring.ModelLoader;
import io.spinemet.efficacy.training.TrainCommand;
import java.util.Arrays;

/**
 * Entry point. {@code train ...} and {@code reference-cohort ...} run as plain programs (no HTTP server, no port
 * bound) and exit with their status; {@code startup-archive-training} is the build's class-data-sharing training
 * run; anything else starts the prediction service.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
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
}
