package io.spinemet.efficacy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** R 4.2.2 {@code lowess(p, y, iter = 0)} and {@code approx(ties = mean)} on cohort-a; tolerance 1e-9. */
class LowessTest {
    private static final double TOL = 1e-9;

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    @Test
    void matchesRsLowessAndApprox() {
        JsonNode exp = FixtureCohort.expected("cohort-a.calibration");
        Lowess.Smooth s = Lowess.smooth(doubles(exp.get("p")), doubles(exp.get("y")));
        double[] rx = doubles(exp.get("lowess").get("x"));
        double[] ry = doubles(exp.get("lowess").get("y"));
        assertEquals(rx.length, s.x().length);
        for (int i = 0; i < rx.length; i++) {
            assertEquals(rx[i], s.x()[i], 0.0, "x " + i);
            assertEquals(ry[i], s.y()[i], TOL, "lowess " + i);
        }
        double[] grid = doubles(exp.get("grid").get("x"));
        double[] gy = doubles(exp.get("grid").get("y"));
        double[] at = s.at(grid);
        for (int t = 0; t < grid.length; t++) {
            assertEquals(gy[t], at[t], TOL, "grid " + grid[t]);
        }
    }

    /** Hand calculation: on a straight line every local linear fit is exact. */
    @Test
    void reproducesALine() {
        double[] x = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i] - 1;
        }
        Lowess.Smooth s = Lowess.smooth(x, y);
        for (int i = 0; i < x.length; i++) {
            assertEquals(2 * s.x()[i] - 1, s.y()[i], 1e-12);
        }
    }
}
