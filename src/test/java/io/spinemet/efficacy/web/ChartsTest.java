package io.spinemet.efficacy.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.scoring.TestModels;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG builders against coordinates and points worked out by hand. */
class ChartsTest {

    /**
     * β: intercept 0.5; malnutrition −2; frankelGrade=A-C −1; vertebraeInvolved −0.25 per vertebra (values 1, 2:
     * none in the cohort, so the catalogue minimum and one more); primaryTumorGrowth MODERATE 0.4, RAPID 1.2.
     */
    static final ModelFile MODEL = TestModels.file(Procedure.DECOMPRESSION,
            List.of("malnutrition", "frankelGrade", "vertebraeInvolved", "primaryTumorGrowth"),
            new double[] {0.5, -2.0, -1.0, -0.25, 0.4, 1.2}, identity(6),
            new TestModels.Cohort(20, 10, 2.0, true, false, List.of()));

    @Test
    void nomogramPointsAreRmsPoints() {
        Nomogram.Layout l = Nomogram.layout(MODEL);
        // widest range: malnutrition, |−2| → 100 points; 50 points per unit of log-odds
        assertEquals(0.02, l.logOddsPerPoint(), 1e-12);
        assertEquals(Map.of("No", 100.0, "Yes", 0.0), ticks(l, "malnutrition"));
        assertEquals(Map.of("A, B, C", 0.0, "D, E", 50.0), ticks(l, "frankelGrade"));
        assertEquals(Map.of("1", 12.5, "2", 0.0), ticks(l, "vertebraeInvolved"));
        assertEquals(Map.of("SLOW", 0.0, "MODERATE", 20.0, "RAPID", 60.0), ticks(l, "primaryTumorGrowth"));
        // 100 + 50 + 12.5 + 60; steps of 25 (222.5 / 20 > 10 intervals)
        assertEquals(222.5, l.maxTotal(), 1e-12);
        assertEquals(25, l.totalStep());
        assertEquals(225, l.totalAxisEnd());
        // log-odds at 0 points: 0.5 − 2 − 1 − 0.5 + 0
        assertEquals(-3.0, l.logOddsAtZero(), 1e-12);
        // p = 0.5 → (0 + 3) · 50 = 150; p = 0.8 → (ln 4 + 3) · 50 = 219.31; 0.01 and 0.9 are out of reach
        List<Double> probabilities = l.probabilities().stream().map(Nomogram.ProbabilityTick::probability).toList();
        assertEquals(List.of(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8), probabilities);
        assertEquals(150.0, total(l, 0.5), 1e-9);
        assertEquals((Math.log(4) + 3) * 50, total(l, 0.8), 1e-9);
        assertEquals((Math.log(0.05 / 0.95) + 3) * 50, total(l, 0.05), 1e-9);
    }

    @Test
    void nomogramSvgPlacesTicksOnTheirScales() {
        String svg = Nomogram.svg(MODEL);
        // points scale 0..100 on x 260..700: 60 points (RAPID) at 260 + 0.6 · 440 = 524
        assertTrue(svg.contains("data-level=\"RAPID\" data-points=\"60.0\" x1=\"524\""), svg);
        // total scale 0..225 on x 260..700: p = 0.5 at 150 points → 260 + 150/225 · 440 = 553.33
        assertTrue(svg.contains("data-probability=\"0.5\" data-total-points=\"150.0\" x1=\"553.33\""), svg);
        assertTrue(svg.contains(">Total points</text>"));
        assertFalse(svg.contains("style="), "no inline style: the CSP forbids it");
    }

    @Test
    void nomogramRefusesAModelWhoseFactorsChangeNothing() {
        ModelFile flat = TestModels.file(Procedure.PVP, List.of("malnutrition"), new double[] {0.3, 0.0},
                identity(2), new TestModels.Cohort(20, 10, 10.0, true, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Nomogram.layout(flat));
    }

    @Test
    void forestPlotIsOnALogScaleThroughOne() {
        List<ModelFile.Coefficient> rows = List.of(
                new ModelFile.Coefficient("(Intercept)", 1.0, 0.5, 2.7, 1.0, 7.0, 0.1),
                new ModelFile.Coefficient("a", 0.0, 0.3, 1.0, 0.5, 2.0, 1.0),
                new ModelFile.Coefficient("b", -0.7, 0.6, 0.5, 0.25, 4.0, 0.3));
        // axis [0.25 / 1.25, 4 · 1.25] = [0.2, 5], symmetric in log around 1 → OR 1 mid-way: 230 + 390 / 2 = 425
        Scale x = ForestPlot.axis(rows.subList(1, 3));
        assertEquals(0.2, x.d0(), 1e-12);
        assertEquals(5.0, x.d1(), 1e-12);
        assertEquals(425, x.at(1), 1e-9);
        assertEquals(List.of(0.2, 0.5, 1.0, 2.0, 5.0), ForestPlot.ticks(0.2, 5));
        String svg = ForestPlot.svg(rows, "profile");
        assertFalse(svg.contains("(Intercept)"), "the intercept is not an odds ratio to plot");
        // b's point: x(0.5) = 230 + (ln 0.5 − ln 0.2) / (ln 5 − ln 0.2) · 390 = 340.47; the square is 10 wide
        double xb = 230 + (Math.log(0.5) - Math.log(0.2)) / (Math.log(5) - Math.log(0.2)) * 390;
        assertTrue(svg.contains("data-term=\"b\" data-or=\"0.5\" data-lower=\"0.25\" data-upper=\"4.0\" x=\""
                + Svg.num(xb - 5) + "\""), svg);
        assertEquals(2, count(svg, "class=\"or-point\""));
    }

    @Test
    void calibrationCurvesAreDrawnInTheUnitSquare() {
        CalibrationPlot.Curve curve = new CalibrationPlot.Curve(List.of(0.0, 0.5, 1.0), List.of(0.0, 0.5, 1.2),
                List.of(0.1, 0.4, 0.8), List.of(0.0, 0.5, 1.0), List.of(3, 6));
        // x: 60 + p · 340; y: 360 − o · 340, the apparent 1.2 clipped to the frame's top (20)
        assertArrayEquals(new double[] {60, 360, 230, 190, 400, 20},
                CalibrationPlot.points(curve.grid(), curve.apparent()), 1e-9);
        String svg = CalibrationPlot.svg(curve, new CalibrationPlot.Figures(0.01, 0.3, 1.2, 0.61, 0.178, 0.243));
        assertTrue(svg.contains("data-series=\"apparent\""));
        assertTrue(svg.contains("points=\"60,326 230,224 400,88\""), "corrected curve: " + svg);
        // the taller bar (6) is 40 high; the other half of it, from x 60 to 229 (one pixel gap)
        assertTrue(svg.contains("data-count=\"6\" x=\"230\" y=\"320\" width=\"169\" height=\"40\""), svg);
        assertTrue(svg.contains("data-count=\"3\" x=\"60\" y=\"340\" width=\"169\" height=\"20\""), svg);
        // three significant digits, as the model card prints them
        assertTrue(svg.contains("Intercept 0.0100 / 0.300") && svg.contains("Slope 1.20 / 0.610")
                && svg.contains("Brier 0.178 / 0.243"), svg);
    }

    @Test
    void calibrationPlotSaysWhenTheFileHasNoCurve() {
        String svg = CalibrationPlot.svg(null, new CalibrationPlot.Figures(null, null, null, null, null, null));
        assertTrue(svg.contains("holds no calibration curve"));
        assertTrue(svg.contains("Intercept n/a / n/a"));
    }

    @Test
    void rocCurveRunsFromCornerToCorner() {
        List<RocPlot.Point> pts = List.of(new RocPlot.Point(0, 0), new RocPlot.Point(0.25, 0.75),
                new RocPlot.Point(1, 1));
        assertArrayEquals(new double[] {60, 360, 145, 105, 400, 20}, RocPlot.pixels(pts), 1e-9);
        String svg = RocPlot.svg(pts, 0.713, 0.578);
        assertTrue(svg.contains("points=\"60,360 145,105 400,20\""));
        assertTrue(svg.contains("AUC apparent 0.713") && svg.contains("AUC corrected 0.578"));
        assertTrue(RocPlot.svg(null, 0.7, null).contains("holds no ROC points"));
    }

    @Test
    void svgWriterEscapesAndRounds() {
        assertEquals("0", Svg.num(-0.001));
        assertEquals("12.35", Svg.num(12.345678));
        assertEquals("3", Svg.num(3.0));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Svg.escape("a <b> & \"c\""));
        assertThrows(IllegalArgumentException.class, () -> Scale.log(0, 1, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> Scale.linear(1, 1, 0, 100));
    }

    private static Map<String, Double> ticks(Nomogram.Layout l, String factor) {
        return l.factors().stream().filter(a -> a.factorId().equals(factor)).findFirst().orElseThrow().ticks()
                .stream().collect(java.util.stream.Collectors.toMap(Nomogram.Tick::label, Nomogram.Tick::points));
    }

    private static double total(Nomogram.Layout l, double p) {
        return l.probabilities().stream().filter(t -> t.probability() == p).findFirst().orElseThrow().totalPoints();
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}
