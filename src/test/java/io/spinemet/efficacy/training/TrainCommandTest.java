package io.spinemet.efficacy.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    private static final Path REFERENCE = Path.of("models/cohort/reference-cohort.csv");

    @TempDir
    Path out;

    /** Runs the command, returning its exit status and what it printed on stderr. */
    private record Run(int status, String stderr) {
    }

    private static Run run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int status = TrainCommand.run(args);
            return new Run(status, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    /** Rule 4: retraining on the committed cohort reproduces the committed model files and cards exactly. */
    @Test
    void retrainingTheReferenceCohortReproducesTheCommittedModels() throws Exception {
        Run run = run("--cohort", REFERENCE.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.stderr());
        for (String file : new String[] {"pvp.json", "pvp.json.sha256", "pvp.md", "decompression.json",
                "decompression.json.sha256", "decompression.md"}) {
            assertArrayEquals(Files.readAllBytes(Path.of("models", file)), Files.readAllBytes(out.resolve(file)),
                    file + " differs from the committed file: retrain and commit, or find the nondeterminism");
        }
        assertTrue(run.stderr().contains("PVP: bootstrap 1000/1000"), run.stderr());
    }

    @Test
    void trainsOneProcedureWithChosenPredictorsAndMethod() {
        Run run = run("--cohort", REFERENCE.toString(), "--out", out.toString(), "--procedure", "pvp",
                "--predictors", "malnutrition,poorPerformanceStatus", "--method", "ml", "--bootstrap", "20",
                "--seed", "7");
        assertEquals(0, run.status(), run.stderr());
        assertTrue(Files.exists(out.resolve("pvp.json")));
        assertFalse(Files.exists(out.resolve("decompression.json")));
        assertTrue(run.stderr().contains("PVP: bootstrap 20/20"), run.stderr());
    }

    @Test
    void badOptionsExitWithStatusTwoAndSayWhy() {
        assertBad(2, "Missing required option", "--out", out.toString());
        assertBad(2, "--method must be firth or ml", "--cohort", REFERENCE.toString(), "--out", out.toString(),
                "--method", "bayes");
        assertBad(2, "--bootstrap must be at least 1", "--cohort", REFERENCE.toString(), "--out", out.toString(),
                "--bootstrap", "0");
        assertBad(2, "'frankelGrade' is not a factor of PVP", "--cohort", REFERENCE.toString(), "--out",
                out.toString(), "--procedure", "PVP", "--predictors", "malnutrition,frankelGrade");
        assertBad(2, "'malnutrtion' is not a factor id", "--cohort", REFERENCE.toString(), "--out",
                out.toString(), "--predictors", "malnutrtion");
        assertBad(2, "Invalid value for option '--procedure'", "--cohort", REFERENCE.toString(), "--out",
                out.toString(), "--procedure", "vertebroplasty");
        assertBad(2, "Unknown option", "--cohort", REFERENCE.toString(), "--out", out.toString(), "--folds", "5");
    }

    /** Existing model files are not replaced without --force; with it, all are replaced and no temp dir is left. */
    @Test
    void refusesToOverwriteWithoutForceAndLeavesNoStagingDirectory() throws Exception {
        Files.writeString(out.resolve("pvp.md"), "a hospital's own card");
        Run refused = run("--cohort", REFERENCE.toString(), "--out", out.toString(), "--procedure", "PVP",
                "--bootstrap", "5");
        assertEquals(1, refused.status(), refused.stderr());
        assertTrue(refused.stderr().contains("already holds pvp.md") && refused.stderr().contains("--force"),
                refused.stderr());
        assertEquals("a hospital's own card", Files.readString(out.resolve("pvp.md")));
        assertFalse(Files.exists(out.resolve("pvp.json")));

        Run forced = run("--cohort", REFERENCE.toString(), "--out", out.toString(), "--procedure", "PVP",
                "--bootstrap", "5", "--force");
        assertEquals(0, forced.status(), forced.stderr());
        assertTrue(Files.readString(out.resolve("pvp.md")).startsWith("# Model card"));
        try (var listing = Files.list(out)) {
            assertEquals(java.util.Set.of("pvp.json", "pvp.json.sha256", "pvp.md"),
                    listing.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /** A PVP-only hospital: the decompression model is skipped with a message, the PVP model is written. */
    @Test
    void oneProcedureCohortTrainsThatModelAlone() throws Exception {
        Path csv = out.resolve("pvp-only.csv");
        String[] lines = Files.readString(REFERENCE).split("\n");
        StringBuilder pvp = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].contains(",PVP,")) {
                pvp.append(lines[i]).append('\n');
            }
        }
        Files.writeString(csv, pvp);
        Path models = out.resolve("models");
        Run run = run("--cohort", csv.toString(), "--out", models.toString(), "--bootstrap", "5", "--site",
                "Example Hospital", "--period", "2019-2023");
        assertEquals(0, run.status(), run.stderr());
        assertTrue(run.stderr().contains("the cohort has no DECOMPRESSION patients"), run.stderr());
        assertTrue(Files.exists(models.resolve("pvp.json")));
        assertFalse(Files.exists(models.resolve("decompression.json")));
        String card = Files.readString(models.resolve("pvp.md"));
        assertTrue(card.contains("- **Site:** Example Hospital") && card.contains("- **Period:** 2019-2023"), card);
        assertTrue(card.contains("--site 'Example Hospital' --period '2019-2023'"), card);
    }

    /** One event among 34 (and 3 patients) are refused with exit 1 and nothing written. */
    @Test
    void refusesTooFewEvents() throws Exception {
        String[] lines = Files.readString(REFERENCE).split("\n");
        StringBuilder one = new StringBuilder(lines[0]).append('\n');
        boolean kept = false;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].contains(",PVP,")) {
                continue;
            }
            boolean good = lines[i].endsWith(",1");
            if (good && kept) {
                continue; // keep a single good outcome among the PVP patients with poor efficacy
            }
            kept |= good;
            one.append(lines[i]).append('\n');
        }
        Path csv = out.resolve("one-event.csv");
        Files.writeString(csv, one);
        Path models = out.resolve("models");
        Run run = run("--cohort", csv.toString(), "--out", models.toString(), "--bootstrap", "5");
        assertEquals(1, run.status(), run.stderr());
        assertTrue(run.stderr().contains("1 patients with good efficacy") && run.stderr().contains("at least 5"),
                run.stderr());
        assertTrue(run.stderr().contains("Nothing was written"), run.stderr());
        assertFalse(Files.exists(models));
    }

    @Test
    void badCohortExitsWithStatusOneListingEveryProblemAndWritesNothing() throws Exception {
        Path csv = out.resolve("bad.csv");
        String reference = Files.readString(REFERENCE);
        String[] lines = reference.split("\n");
        lines[1] = lines[1].replaceFirst(",PVP,[01],", ",PVP,maybe,");
        lines[2] = lines[2].replaceFirst(",PVP,", ",SURGERY,");
        Files.writeString(csv, String.join("\n", lines) + "\n");
        Path models = out.resolve("models");
        Run run = run("--cohort", csv.toString(), "--out", models.toString());
        assertEquals(1, run.status(), run.stderr());
        assertTrue(run.stderr().contains("line 2, column malnutrition, value 'maybe'"), run.stderr());
        assertTrue(run.stderr().contains("line 3, column procedure, value 'SURGERY'"), run.stderr());
        assertFalse(Files.exists(models), "nothing is written from a file read only in part");

        Run missing = run("--cohort", out.resolve("absent.csv").toString(), "--out", models.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.stderr().contains("cannot read"), missing.stderr());
    }

    private void assertBad(int status, String message, String... args) {
        Run run = run(args);
        assertEquals(status, run.status(), run.stderr());
        assertTrue(run.stderr().contains(message), () -> "expected '" + message + "' in: " + run.stderr());
    }
}
