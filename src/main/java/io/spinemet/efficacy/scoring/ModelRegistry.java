package io.spinemet.efficacy.scoring;

import io.quarkus.runtime.Startup;
import io.spinemet.efficacy.catalogue.Procedure;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The models being served, loaded once at start-up. A missing, damaged or invalid model file stops start-up with a
 * message naming the file and every problem.
 */
@Startup
@Singleton
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final Map<Procedure, LoadedModel> models;

    public ModelRegistry(@ConfigProperty(name = "spinemet.models.dir") Optional<String> modelsDir) {
        ModelLoader.Source source;
        if (modelsDir.isPresent() && !modelsDir.get().isBlank()) {
            Path dir = Path.of(modelsDir.get());
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("Cannot start: spinemet.models.dir " + dir.toAbsolutePath()
                        + " is not a directory");
            }
            source = ModelLoader.directory(dir);
        } else {
            source = ModelLoader.classpath(Thread.currentThread().getContextClassLoader());
        }
        try {
            this.models = Map.copyOf(ModelLoader.load(source));
        } catch (ModelLoader.ModelLoadException e) {
            throw new IllegalStateException("Cannot start: the model files cannot be served:\n" + e.getMessage(), e);
        }
        for (LoadedModel m : all()) {
            LOG.infof("Loaded model %s %s (%s) from %s, sha256 %s", m.info().id(), m.info().version(),
                    m.procedure().name(), m.source(), m.sha256());
            m.markdownCard().ifPresentOrElse(c -> { }, () -> LOG.warnf("No Markdown card %s.md beside %s",
                    m.procedure().slug(), m.source()));
        }
    }

    /** The procedure's model, or {@code null} when this service does not hold one. */
    public LoadedModel get(Procedure procedure) {
        return models.get(procedure);
    }

    /** The loaded models, in procedure order; a procedure without a model is absent. */
    public Collection<LoadedModel> all() {
        return java.util.Arrays.stream(Procedure.values()).map(models::get).filter(java.util.Objects::nonNull)
                .toList();
    }
}
