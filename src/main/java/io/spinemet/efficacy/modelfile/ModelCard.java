package io.spinemet.efficacy.modelfile;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.spinemet.efficacy.modelfile.card.CardView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders a model file as a Markdown model card: {@link CardView} (the content) through the Qute template
 * {@code templates/card/card.md} (the layout). Qute runs here without CDI, so the {@code train} command can use it.
 */
public final class ModelCard {
    private static final String TEMPLATE = "/templates/card/card.md";
    private static final Template MARKDOWN = Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver()).build().parse(resource(TEMPLATE));

    private ModelCard() {
    }

    /**
     * @param sha256 the SHA-256 of the model file's bytes, printed so a reader can check which file the card describes
     */
    public static String markdown(ModelFile m, String sha256) {
        return MARKDOWN.data("view", CardView.of(m, sha256)).render().stripTrailing() + "\n";
    }

    /** A template's text from the class path ({@code /templates/...}), for engines built without CDI. */
    public static String resource(String path) {
        try (InputStream in = ModelCard.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
