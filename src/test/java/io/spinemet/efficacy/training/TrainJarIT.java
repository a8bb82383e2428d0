package io.spinemet.efficacy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.PackagedJar;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented command, run from the packaged jar as a user would. */
class TrainJarIT {

    @TempDir
    Path out;

    private static PackagedJar.Run jar(String... args) throws IOException, InterruptedException {
        PackagedJar.Run run = PackagedJar.run(List.of(), List.of(args), 120);
        assertTrue(run.finished(), "train did not finish");
        return run;
    }

    @Test
    void trainsFromTheJarWithoutStartingTheServer() throws Exception {
        // Hold the service's port: a train command that started the HTTP server would fail to bind it.
        try (ServerSocket held = new ServerSocket(8080, 1, InetAddress.getLoopbackAddress())) {
            PackagedJar.Run r = jar("train", "--cohort", "models/cohort/reference-cohort.csv", "--out", out.toString(),
                    "--procedure", "PVP", "--bootstrap", "50");
            assertEquals(0, r.status(), r.output());
            assertTrue(r.output().contains("PVP: bootstrap 50/50"), r.output());
            assertFalse(r.output().contains("Listening on"), r.output());
            assertTrue(Files.size(out.resolve("pvp.json")) > 0);
        }
    }

    @Test
    void badOptionsFromTheJarExitNonZeroWithAMessage() throws Exception {
        PackagedJar.Run r = jar("train", "--cohort", "models/cohort/reference-cohort.csv", "--out", out.toString(),
                "--method", "lasso");
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().contains("--method must be firth or ml"), r.output());
    }

    /** An unknown subcommand or option prints the usage and exits 2: it used to start the server on port 8080. */
    @Test
    void unknownCommandPrintsUsageAndExitsTwo() throws Exception {
        for (String[] args : new String[][] {{"trian"}, {"--port", "9000"}}) {
            PackagedJar.Run r = jar(args);
            assertEquals(2, r.status(), r.output());
            assertTrue(r.output().contains("Usage: java -jar quarkus-run.jar"), r.output());
            assertFalse(r.output().contains("Listening on"), r.output());
        }
        PackagedJar.Run version = jar("--version");
        assertEquals(0, version.status(), version.output());
        assertTrue(version.output().startsWith("spinemet-efficacy "), version.output());
    }
}
