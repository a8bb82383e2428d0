package io.spinemet.efficacy.web;

import java.util.List;

/**
 * ROC curve of the served fit (sensitivity against 1 − specificity, the apparent curve stored in the model file) with
 * the chance diagonal, and the apparent and bootstrap optimism-corrected AUC printed on it.
 */
final class RocPlot {

    /** One point of the curve (contract A: {@code performance.roc.points}). */
    record Point(double fpr, double tpr) {
    }

    private RocPlot() {
    }

    /** @param points absent in model files written before the curve was stored */
    static String svg(List<Point> points, Double aucApparent, Double aucCorrected) {
        Svg svg = new Svg("roc-curve", CalibrationPlot.SIZE + 240, CalibrationPlot.SIZE, "ROC curve",
                "Sensitivity against 1 minus specificity for every threshold of the predicted probability, with the "
                        + "chance diagonal.");
        CalibrationPlot.frame(svg, "1 − specificity (false-positive rate)", "Sensitivity (true-positive rate)");
        Scale x = CalibrationPlot.X;
        Scale y = CalibrationPlot.Y;
        svg.line(x.at(0), y.at(0), x.at(1), y.at(1), "ideal");
        double lx = CalibrationPlot.RIGHT + 20;
        double ly = CalibrationPlot.TOP + 10;
        if (points == null || points.isEmpty()) {
            svg.text((CalibrationPlot.LEFT + CalibrationPlot.RIGHT) / 2, y.at(0.5), "middle", "note",
                    "This model file holds no ROC points.");
        } else {
            svg.polyline(pixels(points), "apparent", "data-series", "roc");
            CalibrationPlot.legend(svg, lx, ly, "apparent", "Apparent ROC");
        }
        CalibrationPlot.legend(svg, lx, ly + 20, "ideal", "Chance");
        svg.text(lx, ly + 60, "start", "figure", "AUC apparent " + Svg.stat(aucApparent));
        svg.text(lx, ly + 80, "start", "figure", "AUC corrected " + Svg.stat(aucCorrected));
        return svg.toString();
    }

    static double[] pixels(List<Point> points) {
        double[] out = new double[2 * points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[2 * i] = CalibrationPlot.X.at(points.get(i).fpr());
            out[2 * i + 1] = CalibrationPlot.Y.at(points.get(i).tpr());
        }
        return out;
    }
}
