package io.spinemet.efficacy.cohort.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** (e) The command line: {@code reference-cohort --out FILE}. */
class ReferenceCohortCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReferenceCohort.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/cohort.csv");
        assertEquals(0, run("--out", file.toString()), stderr());
        assertArrayEquals(Files.readAllBytes(ReferenceCohortFiles.CSV), Files.readAllBytes(file));
    }

    @Test
    void dashWritesToStandardOutput() throws Exception {
        assertEquals(0, run("--out", "-"));
        assertArrayEquals(Files.readAllBytes(ReferenceCohortFiles.CSV), out.toByteArray());
    }

    @Test
    void unknownOptionFails() {
        assertNotEquals(0, run("--bogus"));
        assertTrue(stderr().contains("unknown option '--bogus'"), stderr());
        assertTrue(stderr().contains("usage:"), stderr());
    }

    @Test
    void missingOutFails() {
        assertNotEquals(0, run());
        assertTrue(stderr().contains("--out FILE is required"), stderr());
    }

    @Test
    void outWithoutValueFails() {
        assertNotEquals(0, run("--out"));
        assertTrue(stderr().contains("--out needs a file name"), stderr());
    }

    @Test
    void repeatedOutAndStrayArgumentsFail(@TempDir Path dir) {
        assertNotEquals(0, run("--out", dir.resolve("a.csv").toString(), "--out", dir.resolve("b.csv").toString()));
        assertNotEquals(0, run("--out", dir.resolve("a.csv").toString(), "extra"));
        assertNotEquals(0, run("--out=" + dir.resolve("a.csv")));
    }

    @Test
    void unwritableTargetFailsWithAMessage(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        assertNotEquals(0, run("--out", blocker.resolve("child.csv").toString()));
        assertTrue(stderr().contains("cannot write"), stderr());
    }

    @Test
    void helpSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage:"));
    }
}
