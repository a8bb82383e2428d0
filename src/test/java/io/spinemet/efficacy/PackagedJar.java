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

    /** A service started in the background, its output collected, listening on {@code port}. */
    public record Service(Process process, int port, StringBuffer output) {
    }

    /**
     * Starts the packaged service on a free port ({@code quarkus.http.port=0}) and waits until it listens.
     *
     * @throws IllegalStateException when it exits or does not listen within {@code seconds}
     */
    public static Service start(List<String> jvmOptions, long seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        java.util.concurrent.CompletableFuture<Integer> port = new java.util.concurrent.CompletableFuture<>();
        java.util.regex.Pattern listening = java.util.regex.Pattern.compile("Listening on: http://[^:]+:(\\d+)");
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.append(line).append('\n');
                    java.util.regex.Matcher m = listening.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("the service ended:\n" + output));
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Service(process, port.get(seconds, TimeUnit.SECONDS), output);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the service did not start:\n" + output, e);
        }
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
        // Read while it runs: a long start-up failure fills the pipe and would block the process forever.
        java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output;
        try {
            output = new String(out.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            output = "(output unreadable: " + e + ")";
        }
        return new Run(finished, process.exitValue(), output);
    }
}
