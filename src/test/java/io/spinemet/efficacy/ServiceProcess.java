package io.spinemet.efficacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) running in its own JVM on free ports, with its
 * output in a file: started, waited for until it listens, and stopped with SIGTERM as Kubernetes stops a pod.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile(
            "Listening on: http://([0-9.a-z]+):(\\d+)\\. Management interface listening on http://([0-9.a-z]+):(\\d+)");

    private final Process process;
    private final Path output;
    private String host;
    private int port;
    private int managementPort;

    private ServiceProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the jar with these JVM options (ports default to free ones) and waits until it listens. */
    public static ServiceProcess start(List<String> jvmOptions, Duration timeout) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-XX:+UseSerialGC", "-Xmx128m", "-Dquarkus.http.port=0",
                "-Dquarkus.management.port=0"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Path output = Files.createTempFile("spinemet-service", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, output);
        service.awaitListening(timeout);
        return service;
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = LISTENING.matcher(output());
            if (m.find()) {
                host = m.group(1);
                port = Integer.parseInt(m.group(2));
                managementPort = Integer.parseInt(m.group(4));
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not start within " + timeout + ":\n" + output());
    }

    public String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** The host it says it listens on. */
    public String host() {
        return host;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    /** SIGTERM, as Kubernetes sends at the end of a pod's preStop hook; returns without waiting. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to exit; its exit status, or -1 if it was still running (it is then killed). */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor();
        return -1;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        Files.deleteIfExists(output);
    }
}
