package io.spinemet.efficacy.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.stats.OptimismBootstrap;
import org.junit.jupiter.api.Test;

/** A model is refused when fewer than half of its bootstrap replicates could be used. */
class BootstrapRefusalTest {
    private static final double[][] X = new double[20][];
    private static final double[] Y = new double[20];

    static {
        for (int i = 0; i < 20; i++) {
            X[i] = new double[] {1, i % 2, (i / 2) % 3};
            Y[i] = i % 3 == 0 ? 1 : 0;
        }
    }

    /** A fit that fails unless the resample holds at least 9 events (expected 7 of 20): most replicates fail. */
    private static double[] fragile(double[][] x, double[] y) {
        double events = 0;
        for (double v : y) {
            events += v;
        }
        if (x.length == 20 && events < 9 && y != Y) {
            throw new ArithmeticException("did not converge");
        }
        return io.spinemet.efficacy.stats.Firth.coefficients(x, y);
    }

    @Test
    void refusesWhenFewerThanHalfAreUsable() {
        OptimismBootstrap.Result r = OptimismBootstrap.validate(X, Y, BootstrapRefusalTest::fragile, 200, 5L, null);
        assertTrue(r.used() < 100, "used " + r.used());
        TrainingException e = assertThrows(TrainingException.class, () -> ModelTrainer.requireUsable(r, Procedure.PVP));
        assertTrue(e.getMessage().contains("of 200 bootstrap replicates") && e.getMessage().contains("failed fit "),
                e.getMessage());
    }

    @Test
    void acceptsWhenMostAreUsable() {
        OptimismBootstrap.Result r = OptimismBootstrap.validate(X, Y, io.spinemet.efficacy.stats.Firth::coefficients, 50, 5L,
                null);
        assertDoesNotThrow(() -> ModelTrainer.requireUsable(r, Procedure.PVP));
    }
}
