package io.spinemet.efficacy;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.spinemet.efficacy.cohort.reference.ReferenceCohort;
import io.spinemet.efficacy.training.TrainCommand;
import java.util.Arrays;

/**
 * Entry point. {@code train ...} runs the training pipeline as a plain program (no HTTP server, no port bound) and
 * exits with its status; anything else starts the prediction service.
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
        Quarkus.run(args);
    }
}
