package io.spinemet.efficacy.training;

/** The {@code train} command line (being written). */
public final class TrainCommand {

    private TrainCommand() {
    }

    public static int run(String... args) {
        System.err.println("train: not available yet");
        return 2;
    }
}
