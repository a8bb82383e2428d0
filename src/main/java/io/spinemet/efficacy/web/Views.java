package io.spinemet.efficacy.web;

import io.quarkus.qute.RawString;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.modelfile.card.CardView;
import io.spinemet.efficacy.scoring.LoadedModel;
import java.util.List;
import java.util.Map;

/** What the page templates show: records computed once from the loaded models. */
public final class Views {

    private Views() {
    }

    /** The links every page's head needs. */
    public record Links(String css, String js, String icon) {
    }

    /** A loaded model as the pages name it. */
    public record ModelSummary(String slug, String procedure, String label, String id, String version,
                               String sha256, boolean reconstructed, int n, int events) {

        static ModelSummary of(LoadedModel m) {
            ModelFile f = m.file();
            return new ModelSummary(m.procedure().slug(), m.procedure().name(), m.procedure().label(), f.modelId(),
                    f.modelVersion(), m.sha256(), f.cohort().reconstructed(), f.cohort().n(), f.cohort().events());
        }
    }

    /**
     * The calculator's shell; the form itself is built in the browser from {@code /api/v1/factors} and
     * {@code /api/v1/measurements}.
     *
     * @param reconstructed whether any served model was trained on the reconstructed cohort (the caveat then stays)
     * @param authRequired  whether {@code /api/v1} needs a bearer token (rendered as {@code data-auth-required}, so
     *                      the page offers its sign-in control at once; a setting, never a secret)
     */
    public record Calculator(Links links, List<ModelSummary> models, boolean reconstructed, boolean authRequired) {
    }

    /**
     * A model card page: the card's content (the same view model as the Markdown card) and the charts drawn from the
     * model file, each placed in a section of the card.
     *
     * @param figures by card section id ({@code coefficients}, {@code performance}), the charts that illustrate it
     */
    public record ModelPage(Links links, List<ModelSummary> models, ModelSummary summary, CardView card,
                            Map<String, List<Figure>> figures) {
    }

    /** A chart with its heading and a sentence on how to read it. */
    public record Figure(String id, String title, String caption, RawString svg) {
    }
}
