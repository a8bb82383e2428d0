package io.spinemet.efficacy.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.Startup;
import io.spinemet.efficacy.Sha256;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.modelfile.card.CardView;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.ModelRegistry;
import io.spinemet.efficacy.security.SecuritySettings;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pages, rendered once from the loaded models (they change only when the service serves other
 * models). The calculator's template is checked at build time; a model whose card page cannot be drawn still serves
 * predictions, and its page says that the card cannot be shown (the error is logged).
 */
@Startup
@Singleton
public class Pages {

    private static final Logger LOG = Logger.getLogger(Pages.class);

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance calculator(Views.Calculator page);

        static native TemplateInstance model(Views.ModelPage page);

        static native TemplateInstance notFound(Views.Calculator page);

        static native TemplateInstance cardUnavailable(Views.Calculator page, Views.ModelSummary model);
    }

    /** A rendered page with its validator. */
    record Rendered(byte[] body, EntityTag etag) {

        static Rendered of(String html) {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            return new Rendered(bytes, new EntityTag(Sha256.hex(bytes).substring(0, 16)));
        }
    }

    private final Assets assets = new Assets();
    private final Rendered calculator;
    private final Rendered notFound;
    private final Map<Procedure, OnFirstUse> models = new EnumMap<>(Procedure.class);

    public Pages(ModelRegistry registry, SecuritySettings security) {
        Views.Links links = new Views.Links(assets.get("app.css").url(), assets.get("app.js").url(),
                assets.get("icon.svg").url());
        List<Views.ModelSummary> summaries = registry.all().stream().map(Views.ModelSummary::of).toList();
        Views.Calculator page = new Views.Calculator(links, summaries,
                summaries.stream().anyMatch(Views.ModelSummary::reconstructed), security.authEnabled());
        this.calculator = Rendered.of(Templates.calculator(page).render());
        this.notFound = Rendered.of(Templates.notFound(page).render());
        // Model pages draw four SVG charts each: drawn when first asked for (or by the warm-up after start-up), not
        // during start-up.
        for (LoadedModel m : registry.all()) {
            models.put(m.procedure(), new OnFirstUse(() -> renderModel(links, summaries, page, m)));
        }
    }

    private static Rendered renderModel(Views.Links links, List<Views.ModelSummary> summaries, Views.Calculator page,
                                        LoadedModel m) {
        try {
            return Rendered.of(Templates.model(modelPage(links, summaries, m)).render());
        } catch (RuntimeException e) {
            // The model itself passed every check and is served; only its page cannot be drawn. Say so on the
            // page and in the log rather than refuse to serve predictions.
            LOG.errorf(e, "The model card page of %s cannot be rendered", m.info().id());
            return Rendered.of(Templates.cardUnavailable(page, Views.ModelSummary.of(m)).render());
        }
    }

    /** A page rendered once, by the first caller; later callers get the same bytes. */
    static final class OnFirstUse {
        private final Supplier<Rendered> render;
        private volatile Rendered rendered;

        OnFirstUse(Supplier<Rendered> render) {
            this.render = render;
        }

        Rendered get() {
            Rendered r = rendered;
            if (r == null) {
                synchronized (this) {
                    r = rendered;
                    if (r == null) {
                        rendered = r = render.get();
                    }
                }
            }
            return r;
        }
    }

    static Views.ModelPage modelPage(Views.Links links, List<Views.ModelSummary> all, LoadedModel m) {
        ModelFile f = m.file();
        ModelFile.Performance perf = f.performance();
        Views.Figure forest = new Views.Figure("forest", "Forest plot", "The served fit's odds ratios with their 95% "
                + "CIs on a log scale; left of 1 lowers the odds of good efficacy.",
                new RawString(ForestPlot.svg(f.coefficients(), f.method().equals("firth") ? "profile" : "Wald")));
        Views.Figure nomogram = new Views.Figure("nomogram", "Nomogram", "Drawn as R's rms::nomogram draws it: read "
                + "each factor's points on the top scale (the factor with the widest effect spans 100 points), add "
                + "them, and read the probability below the total.", new RawString(Nomogram.svg(f)));
        Views.Figure calibration = new Views.Figure("calibration", "Calibration", "Observed against predicted "
                + "probability: the apparent and the bootstrap optimism-corrected lowess curves (rms::calibrate) "
                + "against the ideal diagonal, with the predicted probabilities' histogram.",
                new RawString(CalibrationPlot.svg(ModelCharts.calibrationCurve(f), new CalibrationPlot.Figures(
                        perf.calibrationInterceptApparent(), perf.calibrationInterceptOptimismCorrected(),
                        perf.calibrationSlopeApparent(), perf.calibrationSlopeOptimismCorrected(),
                        perf.brierApparent(), perf.brierOptimismCorrected()))));
        Views.Figure roc = new Views.Figure("roc", "ROC curve", "Sensitivity against 1 − specificity of the served "
                + "fit, with the apparent and the optimism-corrected AUC.",
                new RawString(RocPlot.svg(ModelCharts.rocPoints(f), perf.aucApparent(), perf.aucOptimismCorrected())));
        return new Views.ModelPage(links, all, Views.ModelSummary.of(m), CardView.of(f, m.sha256()),
                Map.of("coefficients", List.of(forest, nomogram), "performance", List.of(calibration, roc)));
    }

    Rendered calculator() {
        return calculator;
    }

    Rendered notFound() {
        return notFound;
    }

    /** {@code null} when no model is served for the procedure. */
    Rendered model(Procedure procedure) {
        OnFirstUse page = models.get(procedure);
        return page == null ? null : page.get();
    }

    /** Draws every model page now (the warm-up after start-up), so no visitor waits for the charts. */
    public void renderAll() {
        models.values().forEach(OnFirstUse::get);
    }

    Assets assets() {
        return assets;
    }
}
