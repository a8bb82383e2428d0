package io.spinemet.efficacy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented command, run from the packaged jar as a user would. */
class TrainJarIT {

    @TempDir
    Path out;

    private record Result(int status, String output) {
    }

    private static Result jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", "target/quarkus-app/quarkus-run.jar"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "train did not finish");
        return new Result(process.exitValue(), output);
    }

    @Test
    void trainsFromTheJarWithoutStartingTheServer() throws Exception {
        // Hold the service's port: a train command that started the HTTP server would fail to bind it.
        try (ServerSocket held = new ServerSocket(8080, 1, InetAddress.getLoopbackAddress())) {
            Result r = jar("train", "--cohort", "models/cohort/reference-cohort.csv", "--out", out.toString(),
                    "--procedure", "PVP", "--bootstrap", "50");
            assertEquals(0, r.status(), r.output());
            assertTrue(r.output().contains("PVP: bootstrap 50/50"), r.output());
            assertFalse(r.output().contains("Listening on"), r.output());
            assertTrue(Files.size(out.resolve("pvp.json")) > 0);
        }
    }

    @Test
    void badOptionsFromTheJarExitNonZeroWithAMessage() throws Exception {
        Result r = jar("train", "--cohort", "models/cohort/reference-cohort.csv", "--out", out.toString(),
                "--method", "lasso");
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().contains("--method must be firth or ml"), r.output());
    }
}
