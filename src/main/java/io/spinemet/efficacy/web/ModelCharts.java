package io.spinemet.efficacy.web;

import io.spinemet.efficacy.modelfile.ModelFile;
import java.util.List;

/**
 * Reads the chart data that newer model files carry (CONTRACTS.md A: {@code performance.calibrationCurve} and
 * {@code performance.roc}); older files lack them, and the charts then say so.
 */
final class ModelCharts {

    private ModelCharts() {
    }

    static CalibrationPlot.Curve calibrationCurve(ModelFile f) {
        ModelFile.CalibrationCurve c = f.performance().calibrationCurve();
        if (c == null) {
            return null;
        }
        ModelFile.Histogram h = c.histogram();
        return new CalibrationPlot.Curve(c.grid(), c.apparent(), c.optimismCorrected(),
                h == null ? List.of() : h.breaks(), h == null ? List.of() : h.counts());
    }

    static List<RocPlot.Point> rocPoints(ModelFile f) {
        ModelFile.Roc roc = f.performance().roc();
        return roc == null || roc.points() == null ? null
                : roc.points().stream().map(p -> new RocPlot.Point(p.fpr(), p.tpr())).toList();
    }
}
