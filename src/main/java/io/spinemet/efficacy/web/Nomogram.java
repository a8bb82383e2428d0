package io.spinemet.efficacy.web;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Term;
import io.spinemet.efficacy.modelfile.ModelFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A nomogram of a logistic model drawn as R's {@code rms::nomogram} draws it (Harrell, Regression Modeling
 * Strategies, 2nd ed., §5.5; Iasonos et al., J Clin Oncol 2008;26:1364).
 *
 * <p>For factor {@code f} taking value {@code v}, let {@code s_f(v) = Σ_t β_t·x_t(v)} over its terms. With
 * {@code R = max_f (max_v s_f − min_v s_f)} (the factor with the widest range gets 100 points):
 * <pre>
 *   points_f(v) = 100 · (s_f(v) − min_v s_f) / R
 *   total       = Σ_f points_f(v_f)
 *   x'β         = β0 + Σ_f min_v s_f + total · R / 100
 *   total(p)    = 100 · (logit(p) − β0 − Σ_f min_v s_f) / R      (the probability axis)
 * </pre>
 * Values of a count are those seen in the training cohort; levels with equal points share one tick.
 */
final class Nomogram {

    /** Probabilities marked on the probability axis, where the model can reach them. */
    static final double[] PROBABILITIES = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    static final double WIDTH = 730;
    static final double LEFT = 260;
    static final double RIGHT = 700;
    static final double ROW = 46;

    /** A tick on a factor's axis: the level(s) and their points. */
    record Tick(String label, double points) {
    }

    /** One factor's axis. */
    record FactorAxis(String factorId, String label, List<Tick> ticks) {
    }

    /** A probability and where it falls on the total-points axis. */
    record ProbabilityTick(double probability, double totalPoints) {
    }

    /**
     * @param factors        one axis per model factor
     * @param logOddsPerPoint {@code R / 100}
     * @param logOddsAtZero  {@code β0 + Σ min s_f}: the log-odds at 0 total points
     * @param maxTotal       the largest total a patient can reach
     * @param totalAxisEnd   the total-points axis' last tick
     * @param totalStep      its tick spacing
     * @param probabilities  the probability axis
     */
    record Layout(List<FactorAxis> factors, double logOddsPerPoint, double logOddsAtZero, double maxTotal,
                  double totalAxisEnd, double totalStep, List<ProbabilityTick> probabilities) {
    }

    private Nomogram() {
    }

    static Layout layout(ModelFile m) {
        Map<String, Double> beta = new LinkedHashMap<>();
        m.coefficients().forEach(c -> beta.put(c.term(), c.estimate()));
        List<Map<String, Double>> scores = new ArrayList<>();
        double widest = 0;
        double minSum = 0;
        for (ModelFile.Predictor p : m.predictors()) {
            Map<String, Double> s = linearScores(FactorCatalogue.get(p.factorId()), values(p, m), beta);
            double min = s.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = s.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            widest = Math.max(widest, max - min);
            minSum += min;
            scores.add(s);
        }
        if (!(widest > 0)) {
            throw new IllegalArgumentException("no factor changes the prediction: nothing to draw");
        }
        List<FactorAxis> axes = new ArrayList<>();
        double maxTotal = 0;
        for (int i = 0; i < scores.size(); i++) {
            Map<String, Double> s = scores.get(i);
            double min = s.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            Map<Double, String> byPoints = new LinkedHashMap<>();
            double top = 0;
            for (Map.Entry<String, Double> e : s.entrySet()) {
                double pts = 100 * (e.getValue() - min) / widest;
                byPoints.merge(pts, e.getKey(), (a, b) -> a + ", " + b);
                top = Math.max(top, pts);
            }
            maxTotal += top;
            ModelFile.Predictor p = m.predictors().get(i);
            axes.add(new FactorAxis(p.factorId(), p.label(), byPoints.entrySet().stream()
                    .map(e -> new Tick(e.getValue(), e.getKey())).toList()));
        }
        double perPoint = widest / 100;
        double atZero = intercept(m) + minSum;
        double step = step(maxTotal);
        double end = Math.ceil(maxTotal / step - 1e-9) * step;
        List<ProbabilityTick> probs = new ArrayList<>();
        for (double pr : PROBABILITIES) {
            double total = (Math.log(pr / (1 - pr)) - atZero) / perPoint;
            if (total >= -1e-9 && total <= maxTotal + 1e-9) {
                probs.add(new ProbabilityTick(pr, total));
            }
        }
        return new Layout(List.copyOf(axes), perPoint, atZero, maxTotal, end, step, List.copyOf(probs));
    }

    static String svg(ModelFile m) {
        Layout l = layout(m);
        int rows = l.factors().size() + 3;
        double height = 20 + ROW * rows;
        Svg svg = new Svg("nomogram", WIDTH, height, "Nomogram of the " + m.procedure().label() + " model",
                "Read each factor's points on the top scale, add them, and read the probability of good efficacy "
                        + "below the total.");
        Scale points = Scale.linear(0, 100, LEFT, RIGHT);
        double y = 30;
        axis(svg, "Points", y, points, 0, 100, 10, "points-axis");
        for (FactorAxis a : l.factors()) {
            y += ROW;
            svg.open("g", "class", "factor-axis", "data-factor", a.factorId());
            svg.text(LEFT - 12, y + 4, "end", "label", a.label());
            double lo = a.ticks().stream().mapToDouble(Tick::points).min().orElse(0);
            double hi = a.ticks().stream().mapToDouble(Tick::points).max().orElse(0);
            svg.line(points.at(lo), y, points.at(hi), y, "axis");
            boolean above = false;
            for (Tick t : a.ticks()) {
                double x = points.at(t.points());
                svg.empty("line", "class", "axis level-tick", "data-level", t.label(),
                        "data-points", String.valueOf(t.points()), "x1", Svg.num(x), "y1", Svg.num(y), "x2",
                        Svg.num(x), "y2", Svg.num(y + 5));
                svg.text(x, above ? y - 7 : y + 18, "middle", "tick", t.label());
                above = !above;
            }
            svg.end("g");
        }
        y += ROW;
        Scale total = Scale.linear(0, l.totalAxisEnd(), LEFT, RIGHT);
        axis(svg, "Total points", y, total, 0, l.totalAxisEnd(), l.totalStep(), "total-axis");
        y += ROW;
        svg.open("g", "class", "probability-axis");
        svg.text(LEFT - 12, y + 4, "end", "label", "Probability of good efficacy");
        List<ProbabilityTick> probs = l.probabilities();
        if (!probs.isEmpty()) {
            svg.line(total.at(probs.get(0).totalPoints()), y, total.at(probs.get(probs.size() - 1).totalPoints()),
                    y, "axis");
        }
        boolean above = false;
        for (ProbabilityTick t : probs) {
            double x = total.at(t.totalPoints());
            svg.empty("line", "class", "axis", "data-probability", String.valueOf(t.probability()),
                    "data-total-points", String.valueOf(t.totalPoints()), "x1", Svg.num(x), "y1", Svg.num(y),
                    "x2", Svg.num(x), "y2", Svg.num(y + 5));
            svg.text(x, above ? y - 7 : y + 18, "middle", "tick", trim(t.probability()));
            above = !above;
        }
        svg.end("g");
        return svg.toString();
    }

    private static void axis(Svg svg, String title, double y, Scale s, double from, double to, double step,
                             String cssClass) {
        svg.open("g", "class", cssClass);
        svg.text(LEFT - 12, y + 4, "end", "label", title);
        svg.line(s.at(from), y, s.at(to), y, "axis");
        for (double v = from; v <= to + 1e-9; v += step) {
            svg.line(s.at(v), y, s.at(v), y + 5, "axis");
            svg.text(s.at(v), y + 18, "middle", "tick", trim(v));
        }
        svg.end("g");
    }

    /** The tick spacing of the total-points axis: 10, 20, 25, 50 or 100, for at most 10 intervals. */
    static double step(double maxTotal) {
        for (double s : new double[] {10, 20, 25, 50, 100}) {
            if (maxTotal / s <= 10) {
                return s;
            }
        }
        return 100 * Math.ceil(maxTotal / 1000);
    }

    /** The factor's value → {@code s_f(v)}, in display order; boolean values are written No/Yes. */
    static Map<String, Double> linearScores(Factor f, List<Object> values, Map<String, Double> beta) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Object v : values) {
            double s = 0;
            for (Term t : f.terms()) {
                Double b = beta.get(t.name());
                if (b == null) {
                    throw new IllegalArgumentException("model has no coefficient for term " + t.name());
                }
                s += b * t.encode(v);
            }
            out.put(v instanceof Boolean b ? (b ? "Yes" : "No") : String.valueOf(v), s);
        }
        return out;
    }

    /** The values a factor's axis shows: No/Yes, the levels, or the counts seen in the cohort. */
    static List<Object> values(ModelFile.Predictor p, ModelFile m) {
        Factor f = FactorCatalogue.get(p.factorId());
        return switch (f.type()) {
            case BOOLEAN -> List.of(false, true);
            case CATEGORICAL -> List.copyOf(f.levels());
            case INTEGER -> {
                List<Object> seen = m.cohort().prevalence().stream().filter(v -> v.factorId().equals(f.id()))
                        .map(v -> (Object) Integer.valueOf(v.value())).sorted().distinct().toList();
                yield seen.isEmpty() ? List.of(f.minimum(), f.minimum() + 1) : seen;
            }
        };
    }

    private static double intercept(ModelFile m) {
        return m.coefficients().stream().filter(c -> c.term().equals("(Intercept)")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model has no intercept")).estimate();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
