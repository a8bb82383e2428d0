package io.spinemet.efficacy.scoring;

import io.spinemet.efficacy.Sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Procedure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading fails, with a message naming the file and the problem, on anything but a complete, intact model set. */
class ModelLoaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixture-models");

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixtures() throws IOException {
        for (String name : List.of("pvp.json", "pvp.json.sha256", "pvp.md", "decompression.json",
                "decompression.json.sha256", "decompression.md")) {
            Files.copy(FIXTURES.resolve(name), dir.resolve(name));
        }
    }

    @Test
    void loadsBothModelsWithTheirChecksumsAndCards() throws Exception {
        Map<Procedure, LoadedModel> models = ModelLoader.load(ModelLoader.directory(dir));
        assertEquals(2, models.size());
        LoadedModel pvp = models.get(Procedure.PVP);
        assertEquals(Sha256.hex(Files.readAllBytes(dir.resolve("pvp.json"))), pvp.sha256());
        assertEquals(Files.readString(dir.resolve("pvp.md")), pvp.markdownCard().orElseThrow());
        assertEquals("fixture-decompression", models.get(Procedure.DECOMPRESSION).info().id());
    }

    @Test
    void aChangedFileDoesNotMatchItsChecksum() throws Exception {
        String json = Files.readString(dir.resolve("pvp.json")).replace("\"estimate\": 1.0", "\"estimate\": 1.5");
        Files.writeString(dir.resolve("pvp.json"), json);
        var e = assertThrows(ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        assertTrue(e.getMessage().contains("pvp.json: SHA-256"), e.getMessage());
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void aFileThatFailsTheSchemaStopsLoadingEvenWithAMatchingChecksum() throws Exception {
        String json = Files.readString(dir.resolve("decompression.json")).replace("\"schemaVersion\": 1",
                "\"schemaVersion\": 7");
        writeWithChecksum("decompression.json", json);
        var e = assertThrows(ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        assertTrue(e.getMessage().contains("decompression.json"), e.getMessage());
        assertTrue(e.getMessage().contains("schemaVersion 7 is not supported"), e.getMessage());
    }

    @Test
    void notJsonAtAll() throws Exception {
        writeWithChecksum("pvp.json", "{ not json");
        var e = assertThrows(ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        assertTrue(e.getMessage().contains("not a valid model file"), e.getMessage());
    }

    @Test
    void aModelFileForTheWrongProcedure() throws Exception {
        writeWithChecksum("pvp.json", Files.readString(dir.resolve("decompression.json")));
        var e = assertThrows(ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        assertTrue(e.getMessage().contains("is a model for DECOMPRESSION, not PVP"), e.getMessage());
    }

    @Test
    void missingFilesAndSidecarsAreAllReported() throws Exception {
        Files.delete(dir.resolve("pvp.json.sha256"));
        Files.delete(dir.resolve("decompression.json"));
        var e = assertThrows(ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        assertTrue(e.getMessage().contains("pvp.json.sha256: the checksum file is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("the DECOMPRESSION model file is missing"), e.getMessage());
    }

    @Test
    void sidecarMustBeSha256sumFormatNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("pvp.json.sha256"), "abc  pvp.json\n");
        var e = assertThrows(ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        assertTrue(e.getMessage().contains("not in sha256sum format"), e.getMessage());
        String sha = Sha256.hex(Files.readAllBytes(dir.resolve("pvp.json")));
        Files.writeString(dir.resolve("pvp.json.sha256"), sha + "  other.json\n");
        e = assertThrows(ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        assertTrue(e.getMessage().contains("names 'other.json'"), e.getMessage());
        // upper-case hex and the binary-mode star are what sha256sum may write: accepted
        Files.writeString(dir.resolve("pvp.json.sha256"), sha.toUpperCase() + " *pvp.json\n");
        assertEquals(sha, ModelLoader.load(ModelLoader.directory(dir)).get(Procedure.PVP).sha256());
    }

    @Test
    void aMissingCardIsAllowed() throws Exception {
        Files.delete(dir.resolve("pvp.md"));
        assertTrue(ModelLoader.load(ModelLoader.directory(dir)).get(Procedure.PVP).markdownCard().isEmpty());
    }

    @Test
    void theRegistryRefusesToStartWithABadDirectory() {
        var e = assertThrows(IllegalStateException.class,
                () -> new ModelRegistry(java.util.Optional.of(dir.resolve("nowhere").toString())));
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
        writeQuietly(dir.resolve("pvp.json.sha256"), "0".repeat(64) + "  pvp.json\n");
        e = assertThrows(IllegalStateException.class, () -> new ModelRegistry(java.util.Optional.of(dir.toString())));
        assertTrue(e.getMessage().startsWith("Cannot start: the model files cannot be served"), e.getMessage());
    }

    private void writeWithChecksum(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
        String sha = Sha256.hex(content.getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve(name + ".sha256"), sha + "  " + name + "\n");
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A PVP-only hospital: the directory holds no decompression file at all, and only PVP is served. */
    @Test
    void servesWhateverValidModelsTheDirectoryHolds() throws Exception {
        for (String f : List.of("decompression.json", "decompression.json.sha256", "decompression.md")) {
            Files.delete(dir.resolve(f));
        }
        Map<Procedure, LoadedModel> models = ModelLoader.load(ModelLoader.directory(dir));
        assertEquals(java.util.Set.of(Procedure.PVP), models.keySet());
        for (String f : List.of("pvp.json", "pvp.json.sha256", "pvp.md")) {
            Files.delete(dir.resolve(f));
        }
        ModelLoader.ModelLoadException none = org.junit.jupiter.api.Assertions.assertThrows(
                ModelLoader.ModelLoadException.class, () -> ModelLoader.load(ModelLoader.directory(dir)));
        assertTrue(none.getMessage().contains("holds no model file"), none.getMessage());
    }
}
