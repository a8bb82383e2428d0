package io.spinemet.efficacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service refuses to start, with a message, on what it must not serve with. */
class ServiceJarIT {

    @TempDir
    Path models;

    /** Starts the packaged service with the given system properties; it is expected to exit by itself. */
    private static PackagedJar.Run service(String... properties) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0",
                "-Dquarkus.management.port=0", "-Dspinemet.security.auth-enabled=false"));
        options.addAll(List.of(properties));
        PackagedJar.Run run = PackagedJar.run(options, List.of(), 60);
        assertTrue(run.finished(), "the service started instead of refusing to:\n" + run.output());
        return run;
    }

    @Test
    void aNegativeMemoSizeStopsStartUp() throws Exception {
        PackagedJar.Run r = service("-Dspinemet.predictions.memo-size=-1");
        assertNotEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("spinemet.predictions.memo-size must be from 0 to 100000; got -1"),
                r.output());
        assertFalse(r.output().contains("Listening on"), r.output());
    }

    @Test
    void aModelFileThatFailsItsChecksumStopsStartUp() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("models"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, models.resolve(f.getFileName()));
            }
        }
        Files.writeString(models.resolve("pvp.json"), " ", StandardOpenOption.APPEND);
        PackagedJar.Run r = service("-Dspinemet.models.dir=" + models);
        assertNotEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("pvp.json: SHA-256"), r.output());
        assertTrue(r.output().contains("does not match"), r.output());
        assertFalse(r.output().contains("Listening on"), r.output());
    }

    @Test
    void aModelFileEditedWithItsChecksumRecomputedStopsStartUp() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("models"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, models.resolve(f.getFileName()));
            }
        }
        // An edit with the checksum recomputed: the events per variable inflated (the sidecar alone would pass it).
        String json = Files.readString(models.resolve("pvp.json"))
                .replace("\"eventsPerVariable\" : 2.2,", "\"eventsPerVariable\" : 12.0,");
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("12.0"), "the edit was made");
        Files.writeString(models.resolve("pvp.json"), json);
        Files.writeString(models.resolve("pvp.json.sha256"),
                Sha256.hex(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "  pvp.json\n");
        PackagedJar.Run r = service("-Dspinemet.models.dir=" + models);
        assertNotEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("pvp.json: cohort.eventsPerVariable 12.0 disagrees with the file"),
                r.output());
        assertFalse(r.output().contains("Listening on"), r.output());
    }
}
