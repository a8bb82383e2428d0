package io.spinemet.efficacy.web;

import io.spinemet.efficacy.modelfile.ModelFile;
import java.util.List;

/**
 * Reads the chart data that newer model files carry (contract A: {@code performance.calibrationCurve} and
 * {@code performance.roc}); older files lack them, and the charts then say so.
 */
final class ModelCharts {

    private ModelCharts() {
    }

    static CalibrationPlot.Curve calibrationCurve(ModelFile f) {
        return null;
    }

    static List<RocPlot.Point> rocPoints(ModelFile f) {
        return null;
    }
}
