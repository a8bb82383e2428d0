package io.spinemet.efficacy.scoring;

import io.spinemet.efficacy.Sha256;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.modelfile.ModelFileCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code <slug>.json} for every procedure, with its SHA-256 sidecar {@code <slug>.json.sha256} (sha256sum
 * format) and its Markdown card {@code <slug>.md}, from a directory or from {@code models/} on the class path.
 * Any problem with any file is collected and reported together; nothing is served from a partly loaded set.
 */
public final class ModelLoader {

    /** The class-path folder the build bundles the top-level {@code models/} directory into. */
    public static final String CLASSPATH_DIR = "models/";

    private static final Pattern SHA256SUM = Pattern.compile("^([0-9a-fA-F]{64})(?:[ \\t]+\\*?(\\S.*?))?\\s*$");

    private ModelLoader() {
    }

    /** Where model files come from. */
    public interface Source {
        /** The file's bytes, or {@code null} when it does not exist. */
        byte[] read(String name) throws IOException;

        /** How to name the file in messages. */
        String describe(String name);
    }

    /** A directory on disk, e.g. one a hospital mounted. */
    public static Source directory(Path dir) {
        return new Source() {
            @Override
            public byte[] read(String name) throws IOException {
                Path file = dir.resolve(name);
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            }

            @Override
            public String describe(String name) {
                return dir.resolve(name).toAbsolutePath().toString();
            }
        };
    }

    /** {@code models/} on the class path (bundled into the jar). */
    public static Source classpath(ClassLoader loader) {
        return new Source() {
            @Override
            public byte[] read(String name) throws IOException {
                try (InputStream in = loader.getResourceAsStream(CLASSPATH_DIR + name)) {
                    return in == null ? null : in.readAllBytes();
                }
            }

            @Override
            public String describe(String name) {
                return "classpath:" + CLASSPATH_DIR + name;
            }
        };
    }

    /**
     * Loads every procedure's model that the source holds: a procedure with none of its files is not served; one
     * with some of them, or a source with no model at all, is a problem.
     *
     * @throws ModelLoadException naming every file and problem
     */
    public static Map<Procedure, LoadedModel> load(Source source) throws ModelLoadException {
        Map<Procedure, LoadedModel> models = new EnumMap<>(Procedure.class);
        List<String> problems = new ArrayList<>();
        for (Procedure procedure : Procedure.values()) {
            try {
                if (absent(source, procedure)) {
                    continue;
                }
                models.put(procedure, loadOne(source, procedure));
            } catch (ModelLoadException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add(source.describe(procedure.slug() + ".json") + ": cannot be read: " + e.getMessage());
            }
        }
        if (problems.isEmpty() && models.isEmpty()) {
            problems.add(source.describe("") + ": holds no model file (pvp.json or decompression.json)");
        }
        if (!problems.isEmpty()) {
            throw new ModelLoadException(String.join("\n", problems));
        }
        return models;
    }

    /** True when none of a procedure's files is there: a hospital serves only the procedures it trained. */
    private static boolean absent(Source source, Procedure procedure) throws IOException {
        String slug = procedure.slug();
        return source.read(slug + ".json") == null && source.read(slug + ".json.sha256") == null
                && source.read(slug + ".md") == null;
    }

    /**
     * Reads the bundled model files on a daemon thread and discards them. Started before the application, it loads
     * the classes and builds the JSON deserializers that {@link #load} needs on a core that Quarkus' single-threaded
     * start-up leaves idle, so that {@link ModelRegistry} then loads the configured models in milliseconds. Nothing
     * is kept and nothing is reported: the real load checks and reports everything.
     */
    public static void warmUpInBackground(ClassLoader loader) {
        Thread warmUp = new Thread(() -> {
            try {
                load(classpath(loader));
            } catch (ModelLoadException | RuntimeException e) {
                // The real load reports it.
            }
        }, "model-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    static LoadedModel loadOne(Source source, Procedure procedure) throws IOException, ModelLoadException {
        String name = procedure.slug() + ".json";
        String where = source.describe(name);
        byte[] bytes = source.read(name);
        if (bytes == null) {
            throw new ModelLoadException(where + ": the " + procedure.name() + " model file is missing");
        }
        String sha256 = Sha256.hex(bytes);
        byte[] sidecar = source.read(name + ".sha256");
        if (sidecar == null) {
            throw new ModelLoadException(where + ".sha256: the checksum file is missing; create it with "
                    + "'sha256sum " + name + " > " + name + ".sha256'");
        }
        String line = new String(sidecar, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        Matcher m = SHA256SUM.matcher(line);
        if (!m.matches()) {
            throw new ModelLoadException(where + ".sha256: not in sha256sum format ('<64 hex digits>  " + name
                    + "')");
        }
        if (m.group(2) != null && !m.group(2).equals(name)) {
            throw new ModelLoadException(where + ".sha256: names '" + m.group(2) + "', not '" + name + "'");
        }
        String expected = m.group(1).toLowerCase(Locale.ROOT);
        if (!expected.equals(sha256)) {
            throw new ModelLoadException(where + ": SHA-256 " + sha256 + " does not match " + expected
                    + " in " + name + ".sha256; the file was changed or damaged");
        }
        ModelFile file;
        try {
            file = ModelFileCodec.read(where, bytes);
        } catch (ModelFileCodec.InvalidModelFileException e) {
            throw new ModelLoadException(e.getMessage());
        }
        if (file.procedure() != procedure) {
            throw new ModelLoadException(where + ": is a model for " + file.procedure().name() + ", not "
                    + procedure.name());
        }
        byte[] card = source.read(procedure.slug() + ".md");
        try {
            return new LoadedModel(file, sha256, where, card == null ? null : new String(card, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(where + ": " + e.getMessage());
        }
    }

    /** A model set that cannot be served; the service does not start. */
    public static final class ModelLoadException extends Exception {
        public ModelLoadException(String message) {
            super(message);
        }
    }
}
