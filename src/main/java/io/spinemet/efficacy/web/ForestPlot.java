package io.spinemet.efficacy.web;

import io.spinemet.efficacy.modelfile.ModelFile.Coefficient;
import java.util.ArrayList;
import java.util.List;

/**
 * Forest plot of a fit's odds ratios with their 95% CIs on a log axis (the intercept left out). Each point carries
 * its values as {@code data-or}, {@code data-lower} and {@code data-upper}, so a test can compare the picture with
 * the model card's numbers.
 *
 * <p>The axis spans {@code [min(lower, 1) / 1.25, max(upper, 1) · 1.25]}, so OR = 1 is always shown; ticks are
 * {1, 2, 5} × 10^k inside it.
 */
final class ForestPlot {

    static final double WIDTH = 640;
    static final double LEFT = 230;
    static final double RIGHT = 620;
    static final double TOP = 24;
    static final double ROW = 30;

    private ForestPlot() {
    }

    static String svg(List<Coefficient> coefficients, String ciKind) {
        List<Coefficient> rows = coefficients.stream().filter(c -> !c.term().equals("(Intercept)")
                && c.oddsRatio() != null && c.oddsRatioCiLower() != null && c.oddsRatioCiUpper() != null).toList();
        double height = TOP + ROW * rows.size() + 48;
        Scale x = axis(rows);
        Svg svg = new Svg("forest-plot", WIDTH, height, "Forest plot: odds ratios with 95% " + ciKind + " CIs",
                "Odds ratio of good efficacy for each term, log scale; a point left of 1 lowers the odds.");
        double bottom = TOP + ROW * rows.size();
        svg.line(x.at(1), TOP - 8, x.at(1), bottom, "ref");
        for (int i = 0; i < rows.size(); i++) {
            Coefficient c = rows.get(i);
            double y = TOP + ROW * i + ROW / 2;
            svg.text(LEFT - 10, y + 4, "end", "label", c.term());
            svg.line(x.at(c.oddsRatioCiLower()), y, x.at(c.oddsRatioCiUpper()), y, "ci");
            svg.empty("rect", "class", "or-point", "data-term", c.term(), "data-or", String.valueOf(c.oddsRatio()),
                    "data-lower", String.valueOf(c.oddsRatioCiLower()),
                    "data-upper", String.valueOf(c.oddsRatioCiUpper()),
                    "x", Svg.num(x.at(c.oddsRatio()) - 5), "y", Svg.num(y - 5), "width", "10", "height", "10");
        }
        svg.line(LEFT, bottom, RIGHT, bottom, "axis");
        for (double t : ticks(x.d0(), x.d1())) {
            svg.line(x.at(t), bottom, x.at(t), bottom + 5, "axis");
            svg.text(x.at(t), bottom + 18, "middle", "tick", tickLabel(t));
        }
        svg.text((LEFT + RIGHT) / 2, bottom + 38, "middle", "axis-title", "Odds ratio (log scale)");
        return svg.toString();
    }

    /** The log axis for these rows. */
    static Scale axis(List<Coefficient> rows) {
        double lo = 1;
        double hi = 1;
        for (Coefficient c : rows) {
            lo = Math.min(lo, c.oddsRatioCiLower());
            hi = Math.max(hi, c.oddsRatioCiUpper());
        }
        return Scale.log(lo / 1.25, hi * 1.25, LEFT, RIGHT);
    }

    /** {1, 2, 5} × 10^k within [lo, hi]. */
    static List<Double> ticks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (double m : new double[] {1, 2, 5}) {
                double t = m * Math.pow(10, k);
                if (t >= lo && t <= hi) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static String tickLabel(double t) {
        return t >= 1 ? String.valueOf((long) Math.rint(t)) : String.valueOf(t).replaceAll("0+$", "");
    }
}
