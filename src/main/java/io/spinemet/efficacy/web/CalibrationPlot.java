package io.spinemet.efficacy.web;

import java.util.List;

/**
 * Calibration plot as {@code rms::calibrate}'s plot shows it: observed against predicted probability on [0, 1] × [0, 1],
 * the ideal line {@code y = x}, the apparent curve and the bootstrap optimism-corrected curve (both a lowess smoother of
 * the outcome on the predicted probability, stored in the model file), a histogram of the predicted probabilities along
 * the bottom, and the calibration intercept, slope and Brier score printed on it.
 */
final class CalibrationPlot {

    static final double SIZE = 420;
    static final double LEFT = 60;
    static final double RIGHT = 400;
    static final double TOP = 20;
    static final double BOTTOM = 360;
    /** Height of the tallest histogram bar. */
    static final double HISTOGRAM = 40;

    /**
     * The curve as the model file stores it (contract A: {@code performance.calibrationCurve}).
     *
     * @param grid              predicted probabilities at which the curves are evaluated
     * @param apparent          the apparent curve at {@code grid}
     * @param optimismCorrected the optimism-corrected curve at {@code grid}
     * @param breaks            histogram bin edges of the predicted probabilities
     * @param counts            patients per bin ({@code breaks.size() - 1} of them)
     */
    record Curve(List<Double> grid, List<Double> apparent, List<Double> optimismCorrected, List<Double> breaks,
                 List<Integer> counts) {
    }

    /** Intercept, slope and Brier score, apparent and optimism-corrected. */
    record Figures(Double interceptApparent, Double interceptCorrected, Double slopeApparent, Double slopeCorrected,
                   Double brierApparent, Double brierCorrected) {
    }

    private CalibrationPlot() {
    }

    static final Scale X = Scale.linear(0, 1, LEFT, RIGHT);
    static final Scale Y = Scale.linear(0, 1, BOTTOM, TOP);

    /** @param curve absent in model files written before the curve was stored */
    static String svg(Curve curve, Figures f) {
        Svg svg = new Svg("calibration-plot", SIZE + 240, SIZE, "Calibration plot",
                "Observed proportion of good efficacy against predicted probability: apparent and "
                        + "optimism-corrected lowess curves against the ideal diagonal, with a histogram of the "
                        + "predicted probabilities.");
        frame(svg, "Predicted probability", "Observed proportion");
        svg.line(X.at(0), Y.at(0), X.at(1), Y.at(1), "ideal");
        double lx = RIGHT + 20;
        legend(svg, lx, TOP + 10, "ideal", "Ideal");
        if (curve == null) {
            svg.text((LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2, "middle", "note",
                    "This model file holds no calibration curve.");
        } else {
            histogram(svg, curve.breaks(), curve.counts());
            svg.polyline(points(curve.grid(), curve.apparent()), "apparent", "data-series", "apparent");
            svg.polyline(points(curve.grid(), curve.optimismCorrected()), "corrected", "data-series",
                    "optimismCorrected");
            legend(svg, lx, TOP + 30, "apparent", "Apparent");
            legend(svg, lx, TOP + 50, "corrected", "Optimism-corrected");
        }
        double y = TOP + 90;
        svg.text(lx, y, "start", "figure-head", "apparent / corrected");
        svg.text(lx, y + 20, "start", "figure", "Intercept " + Svg.stat(f.interceptApparent()) + " / "
                + Svg.stat(f.interceptCorrected()));
        svg.text(lx, y + 40, "start", "figure", "Slope " + Svg.stat(f.slopeApparent()) + " / "
                + Svg.stat(f.slopeCorrected()));
        svg.text(lx, y + 60, "start", "figure", "Brier " + Svg.stat(f.brierApparent()) + " / "
                + Svg.stat(f.brierCorrected()));
        return svg.toString();
    }

    /** Pixel coordinates (x0, y0, x1, y1, ...) of a curve; points outside [0, 1] are clipped to the frame. */
    static double[] points(List<Double> xs, List<Double> ys) {
        double[] out = new double[2 * xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            out[2 * i] = X.at(xs.get(i));
            out[2 * i + 1] = Y.at(Math.max(0, Math.min(1, ys.get(i))));
        }
        return out;
    }

    private static void histogram(Svg svg, List<Double> breaks, List<Integer> counts) {
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (max == 0) {
            return;
        }
        svg.open("g", "class", "histogram");
        for (int i = 0; i < counts.size(); i++) {
            double h = HISTOGRAM * counts.get(i) / max;
            double x0 = X.at(breaks.get(i));
            double x1 = X.at(breaks.get(i + 1));
            svg.empty("rect", "class", "bar", "data-count", String.valueOf(counts.get(i)), "x", Svg.num(x0),
                    "y", Svg.num(BOTTOM - h), "width", Svg.num(Math.max(0, x1 - x0 - 1)), "height", Svg.num(h));
        }
        svg.end("g");
    }

    /** Axes from 0 to 1 with ticks every 0.2, shared with the ROC plot. */
    static void frame(Svg svg, String xTitle, String yTitle) {
        svg.empty("rect", "class", "frame", "x", Svg.num(LEFT), "y", Svg.num(TOP), "width", Svg.num(RIGHT - LEFT),
                "height", Svg.num(BOTTOM - TOP), "fill", "none");
        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            String label = i == 0 ? "0" : i == 5 ? "1" : String.valueOf(v);
            svg.line(X.at(v), BOTTOM, X.at(v), BOTTOM + 5, "axis");
            svg.text(X.at(v), BOTTOM + 18, "middle", "tick", label);
            svg.line(LEFT - 5, Y.at(v), LEFT, Y.at(v), "axis");
            svg.text(LEFT - 8, Y.at(v) + 4, "end", "tick", label);
        }
        svg.text((LEFT + RIGHT) / 2, BOTTOM + 36, "middle", "axis-title", xTitle);
        svg.verticalText(16, (TOP + BOTTOM) / 2, "axis-title", yTitle);
    }

    static void legend(Svg svg, double x, double y, String cssClass, String label) {
        svg.line(x, y, x + 24, y, cssClass);
        svg.text(x + 30, y + 4, "start", "legend", label);
    }
}
