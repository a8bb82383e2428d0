package io.spinemet.efficacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM, as a user would. */
public final class PackagedJar {

    /** How it ended: {@code finished} false when it was still running at the time limit (and was then killed). */
    public record Run(boolean finished, int status, String output) {
    }

    private PackagedJar() {
    }

    /**
     * @param jvmOptions options before {@code -jar}, e.g. system properties
     * @param args       the command line after the jar
     * @param seconds    how long to wait for it to exit by itself
     */
    public static Run run(List<String> jvmOptions, List<String> args, long seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(finished, process.exitValue(), output);
    }
}
