package io.spinemet.efficacy.cdshooks;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolvers;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Modifiability;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.fhir.Findings;
import io.spinemet.efficacy.fhir.MeasurementMapping;
import io.spinemet.efficacy.fhir.Skipped;
import io.spinemet.efficacy.measurement.DerivedFactor;
import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.Measurement;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import io.spinemet.efficacy.measurement.MeasurementProblem;
import io.spinemet.efficacy.modelfile.ModelCard;
import io.spinemet.efficacy.scores.Score;
import io.spinemet.efficacy.scores.Scores;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.Prediction;
import io.spinemet.efficacy.scoring.Scorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the one card a hook answers with: the probability of good efficacy with its 95% CI for each operation
 * (the selected one first), what each factor came from, what is missing, the Tokuhashi and Tomita scores, and the
 * models. Plain Java: every number comes from {@link Scorer}, every factor from {@link FactorDerivation}.
 */
public final class CardBuilder {

    /** Card summaries must stay under this many characters (CDS Hooks: "&lt;140-character summary"). */
    public static final int SUMMARY_LIMIT = 140;

    /** The machine-readable extension's key. */
    public static final String EXTENSION = "io.spinemet.efficacy";

    /**
     * The detail's layout, {@code templates/cds/detail.md}, parsed once. Qute runs here without CDI (as for the model
     * card) so that the builder stays a plain class; every value it prints is Markdown-escaped ({@link MarkdownText}).
     */
    static final Template DETAIL = Engine.builder().addDefaults().removeStandaloneLines(true)
            .addValueResolver(new ReflectionValueResolver()).addValueResolver(ValueResolvers.rawResolver())
            .addResultMapper(new MarkdownText()).build().parse(ModelCard.resource("/templates/cds/detail.md"));

    private final String serviceUrl;
    private final Function<Procedure, LoadedModel> models;

    /** Parses the detail template now (class initialisation), off the first hook call's path. */
    public static void warmUp() {
        DETAIL.getId();
    }

    public CardBuilder(String serviceUrl, Function<Procedure, LoadedModel> models) {
        this.serviceUrl = serviceUrl;
        this.models = models;
    }

    /** A probability under assumed values of planned treatments (empty when nothing was assumed). */
    record Scenario(Map<String, Boolean> assumed, Scorer.Brief brief) {
    }

    /** One operation's result: scenarios, or the factors that are missing. */
    record Outcome(Procedure procedure, LoadedModel model, List<Scenario> scenarios, List<String> missing) {
        boolean predicted() {
            return !scenarios.isEmpty();
        }
    }

    /**
     * @param procedures the operations to show, the selected one first
     * @param selected   whether the first was selected in an order (order-select/-sign) rather than compared
     */
    public CdsJson.Card card(List<Procedure> procedures, boolean selected, Findings findings,
                             MeasurementMapping.Mapped mapped, FactorDerivation.Derivation derivation) {
        return card(procedures, selected, findings, mapped, derivation, List.of());
    }

    /**
     * @param incomplete data read only in part (a FHIR search cut off at the page cap), in words: the card says so
     *                   and is a warning
     */
    public CdsJson.Card card(List<Procedure> procedures, boolean selected, Findings findings,
                             MeasurementMapping.Mapped mapped, FactorDerivation.Derivation derivation,
                             List<String> incomplete) {
        Map<String, Object> values = new LinkedHashMap<>(derivation.factors());
        mapped.factors().forEach(values::putIfAbsent);
        List<Outcome> outcomes = procedures.stream().map(p -> outcome(p, values)).toList();
        Scores scores = derivation.problems().isEmpty() ? Scores.of(mapped.measurements().measurements(), derivation)
                : null;
        List<String> problems = problems(mapped, derivation);
        boolean allPredicted = outcomes.stream().allMatch(Outcome::predicted);
        String indicator = allPredicted && problems.isEmpty() && incomplete.isEmpty() ? "info" : "warning";
        String summary = summary(outcomes, selected);
        String detail = DETAIL.data("detail", detailView(outcomes, selected, values, findings, mapped, derivation,
                scores, problems, incomplete)).render();
        List<CdsJson.Link> links = outcomes.stream().map(o -> new CdsJson.Link("Model card: "
                + o.procedure().label() + " (" + o.model().info().id() + " " + o.model().info().version() + ")",
                serviceUrl + modelPage(o.procedure()), "absolute")).toList();
        String label = "spinemet-efficacy: " + outcomes.stream().map(o -> o.model().info().id() + " "
                + o.model().info().version()).collect(Collectors.joining(", "));
        return new CdsJson.Card(CardIds.next(), summary, indicator, detail,
                new CdsJson.Source(label, serviceUrl + modelPage(outcomes.get(0).procedure()), null),
                links, Map.of(EXTENSION, extension(outcomes, values, mapped, derivation, incomplete)));
    }

    private Outcome outcome(Procedure procedure, Map<String, Object> values) {
        LoadedModel model = models.apply(procedure);
        List<String> planned = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Factor f : model.factors()) {
            if (!values.containsKey(f.id())) {
                (f.modifiability() == Modifiability.AFTER_SURGERY ? planned : missing).add(f.id());
            }
        }
        if (!missing.isEmpty()) {
            return new Outcome(procedure, model, List.of(), missing);
        }
        List<Scenario> scenarios = new ArrayList<>();
        int combinations = 1 << planned.size();
        for (int bits = 0; bits < combinations; bits++) {
            Map<String, Object> filled = new LinkedHashMap<>(values);
            Map<String, Boolean> assumed = new LinkedHashMap<>();
            for (int i = 0; i < planned.size(); i++) {
                boolean v = (bits & (1 << i)) != 0;
                filled.put(planned.get(i), v);
                assumed.put(planned.get(i), v);
            }
            scenarios.add(new Scenario(assumed, Scorer.brief(model, filled)));
        }
        return new Outcome(procedure, model, scenarios, List.of());
    }

    // summary --------------------------------------------------------------------------------------------------

    static String summary(List<Outcome> outcomes, boolean selected) {
        List<String> parts = new ArrayList<>();
        for (Outcome o : outcomes) {
            String name = shortName(o.procedure());
            if (!o.predicted()) {
                parts.add(name + " not predicted (" + o.missing().size() + " input" + (o.missing().size() == 1 ? ""
                        : "s") + " missing)");
            } else if (o.scenarios().size() == 1) {
                Scorer.Estimate e = o.scenarios().get(0).brief().estimate();
                parts.add(name + " " + pct(e.probability()) + " (CI " + pct(e.lower()) + "-" + pct(e.upper()) + ")");
            } else {
                double lo = o.scenarios().stream().mapToDouble(s -> s.brief().estimate().probability()).min()
                        .orElseThrow();
                double hi = o.scenarios().stream().mapToDouble(s -> s.brief().estimate().probability()).max()
                        .orElseThrow();
                parts.add(name + " " + pct(lo) + "-" + pct(hi) + " by planned treatment");
            }
        }
        String text = "Relief >3 months: " + String.join("; ", parts);
        if (selected && outcomes.size() > 1) {
            text = text.replaceFirst(": ", ": selected ");
        }
        return text.length() < SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT - 2) + "…";
    }

    private static String shortName(Procedure p) {
        return p == Procedure.PVP ? "PVP" : "decompression";
    }

    /** A probability as a whole percentage, half up ({@code 0.745} is {@code "75%"}). */
    static String pct(double p) {
        if (!(p >= 0 && p <= 1)) {   // NaN too: a bad number must not print as a plausible one
            throw new IllegalStateException("not a probability: " + p);
        }
        return Math.round(100 * p) + "%";
    }

    // detail (Markdown, through the Qute template) --------------------------------------------------------------

    /** The detail's content, for {@link #DETAIL}: every value worded here, laid out and escaped by the template. */
    static CardDetail detailView(List<Outcome> outcomes, boolean selected, Map<String, Object> values,
                                 Findings findings, MeasurementMapping.Mapped mapped,
                                 FactorDerivation.Derivation derivation, Scores scores, List<String> problems,
                                 List<String> incomplete) {
        List<CardDetail.Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            String name = o.procedure().label() + (selected && i == 0 ? " (selected)" : "");
            if (!o.predicted()) {
                predictions.add(new CardDetail.Prediction(name, false, null, null,
                        String.join(", ", o.missing().stream().map(CardBuilder::label).toList())));
                continue;
            }
            for (Scenario sc : o.scenarios()) {
                Scorer.Estimate e = sc.brief().estimate();
                predictions.add(new CardDetail.Prediction(name, true, pct(e.probability()),
                        pct(e.lower()) + "-" + pct(e.upper()), sc.assumed().isEmpty() ? "as recorded"
                        : sc.assumed().entrySet().stream().map(a -> label(a.getKey()) + ": " + yesNo(a.getValue()))
                                .collect(Collectors.joining("; "))));
            }
        }
        List<CardDetail.FactorRow> factors = new ArrayList<>();
        for (Factor f : FactorCatalogue.FACTORS) {
            if (!values.containsKey(f.id())) {
                continue;
            }
            DerivedFactor d = derivation.of(f.id()).orElse(null);
            List<String> refs = d != null ? references(d, mapped) : mapped.factorReferences().get(f.id());
            factors.add(new CardDetail.FactorRow(f.label(), value(values.get(f.id())),
                    String.join(", ", refs == null ? List.of() : refs),
                    d != null ? d.cutoff() : "planned radiotherapy order"));
        }
        Set<String> missing = new LinkedHashSet<>();
        outcomes.forEach(o -> missing.addAll(o.missing()));
        Set<String> warnings = new LinkedHashSet<>();
        outcomes.forEach(o -> o.scenarios().forEach(sc -> sc.brief().warnings().forEach(w -> warnings.add(w.message()))));
        derivation.derived().stream().map(DerivedFactor::note).filter(java.util.Objects::nonNull).forEach(warnings::add);
        return new CardDetail(predictions, outcomes.stream().anyMatch(o -> o.scenarios().size() > 1), factors,
                missing.stream().map(f -> new CardDetail.Missing(label(f), needs(f, derivation))).toList(),
                problems, incomplete, mapped.notes(),
                scores == null ? null : score("Revised Tokuhashi", scores.tokuhashi()) + "; "
                        + score("Tomita", scores.tomita()),
                List.copyOf(warnings),
                findings.skipped().stream().map(sk -> new CardDetail.Skipped(sk.reference(), sk.reason())).toList(),
                outcomes.stream().map(o -> new CardDetail.Model(o.model().info().id(), o.model().info().version(),
                        o.model().sha256(), withoutTrailingStop(o.model().info().cohort().provenance()))).toList());
    }

    /** The text without the full stops and spaces it ends with (the template adds its own). */
    private static String withoutTrailingStop(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '.' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static List<String> references(DerivedFactor d, MeasurementMapping.Mapped mapped) {
        List<String> refs = new ArrayList<>();
        for (DerivedFactor.Input in : d.inputs()) {
            List<String> r = mapped.references().get(in.measurement());
            if (r != null) {
                r.stream().filter(x -> !refs.contains(x)).forEach(refs::add);
            }
        }
        return refs;
    }

    private static String needs(String factor, FactorDerivation.Derivation derivation) {
        List<String> incomplete = derivation.incomplete().get(factor);
        if (incomplete != null) {
            return "also needs " + String.join(", ", incomplete);
        }
        List<Measurement> from = MeasurementCatalogue.deriving(factor);
        if (from.isEmpty()) {
            return "record it";
        }
        return "record " + from.stream().map(Measurement::label).collect(Collectors.joining(" or "));
    }

    private static List<String> problems(MeasurementMapping.Mapped mapped, FactorDerivation.Derivation derivation) {
        List<String> out = new ArrayList<>();
        List<MeasurementProblem> all = new ArrayList<>(mapped.measurements().problems());
        all.addAll(derivation.problems());
        for (MeasurementProblem p : all) {
            String id = p.path().contains("/") ? p.path().substring(0, p.path().indexOf('/')) : p.path();
            List<String> refs = mapped.references().get(id);
            out.add((refs == null ? id : String.join(", ", refs)) + ": " + p.detail() + " (allowed: " + p.allowed()
                    + ")");
        }
        return out;
    }

    private static String score(String name, Score s) {
        if (s.computed()) {
            return name + " " + s.total() + "/" + s.maximum() + " (band " + s.band().range() + ": "
                    + s.band().prognosis() + ")";
        }
        return name + " not computed (needs " + String.join(", ", s.missingInputs()) + ")";
    }

    private static String label(String factorId) {
        return FactorCatalogue.find(factorId).map(Factor::label).orElse(factorId);
    }

    private static String yesNo(Object v) {
        return Boolean.TRUE.equals(v) ? "yes" : "no";
    }

    private static String value(Object v) {
        return v instanceof Boolean b ? yesNo(b) : String.valueOf(v);
    }

    // extension ------------------------------------------------------------------------------------------------

    private static Map<String, Object> extension(List<Outcome> outcomes, Map<String, Object> values,
                                                 MeasurementMapping.Mapped mapped,
                                                 FactorDerivation.Derivation derivation, List<String> incomplete) {
        List<Map<String, Object>> predictions = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("procedure", o.procedure().name());
            p.put("model", Map.of("id", o.model().info().id(), "version", o.model().info().version(),
                    "sha256", o.model().sha256()));
            if (o.predicted()) {
                p.put("scenarios", o.scenarios().stream().map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (!s.assumed().isEmpty()) {
                        m.put("assumed", s.assumed());
                    }
                    Prediction.ConfidenceInterval ci = s.brief().estimate().interval();
                    m.put("probability", s.brief().estimate().probability());
                    m.put("confidenceInterval", Map.of("level", ci.level(), "lower", ci.lower(), "upper", ci.upper()));
                    return m;
                }).toList());
            } else {
                p.put("missingFactors", o.missing());
            }
            predictions.add(p);
        }
        List<Map<String, Object>> factors = new ArrayList<>();
        for (Factor f : FactorCatalogue.FACTORS) {
            if (!values.containsKey(f.id())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("factor", f.id());
            m.put("value", values.get(f.id()));
            DerivedFactor d = derivation.of(f.id()).orElse(null);
            List<String> refs = d != null ? references(d, mapped) : mapped.factorReferences().get(f.id());
            if (refs != null && !refs.isEmpty()) {
                m.put("sources", refs);
            }
            if (d != null) {
                m.put("inputs", d.inputs());
                m.put("rule", d.rule());
                m.put("cutoff", d.cutoff());
            }
            factors.add(m);
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("predictions", predictions);
        if (!factors.isEmpty()) {
            ext.put("factors", factors);
        }
        if (!incomplete.isEmpty()) {
            ext.put("incompleteData", incomplete);
        }
        return ext;
    }

    /** For tests and docs: the references of the resources skipped. */
    static List<String> skipped(Findings findings) {
        return findings.skipped().stream().map(Skipped::reference).toList();
    }

    /**
     * The model's public page (the HTML model card with its charts, {@code web.PageResource}): what a clinician
     * clicking a card's link in the EHR can open. The JSON card under {@code /api/v1/models} needs a
     * {@code models:read} token when authentication is on.
     */
    static String modelPage(Procedure procedure) {
        return "/models/" + procedure.slug();
    }
}
