package io.spinemet.efficacy.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Exact linear-programming check for (quasi-)complete separation (Albert &amp; Anderson 1984;
 * Konis 2007, R package safeBinaryRegression). With s_i = 2y_i − 1 the ML estimate exists iff
 * the only b with s_i x_i'b ≥ 0 for all i is one that makes every s_i x_i'b zero. We solve
 * <pre>  max Σ s_i x_i'b  s.t.  s_i x_i'b ≥ 0,  −1 ≤ b_j ≤ 1</pre>
 * and report separation when the optimum is positive. Separation is complete when moreover
 * max t s.t. t ≤ s_i x_i'b, t ≤ 1 has t &gt; 0 (every point strictly on its side).
 */
public final class Separation {
    private static final double TOL = 1e-7;

    private Separation() {
    }

    /**
     * The diagnosis.
     *
     * @param separated        whether the LP found a separating direction.
     * @param type             "none", "quasi-complete" or "complete".
     * @param objective        the LP optimum Σ s_i x_i'b.
     * @param pointsSeparated  n under complete separation; otherwise the points with s_i x_i'b &gt; 0 at the LP
     *                         optimum (depends on the optimal vertex).
     * @param direction        the optimal b (a direction of recession of the likelihood when separated).
     */
    public record Result(boolean separated, String type, double objective, int pointsSeparated, double[] direction) {
    }

    /**
     * Runs the check.
     *
     * @param x design, column 0 the intercept.
     * @param y 0/1 outcomes.
     * @return the diagnosis.
     */
    public static Result check(double[][] x, double[] y) {
        Checks.design(x, y);
        int n = x.length;
        int p = x[0].length;
        double[][] a = new double[n][p];
        double[] sum = new double[p];
        for (int i = 0; i < n; i++) {
            double s = 2.0 * y[i] - 1.0;
            for (int j = 0; j < p; j++) {
                a[i][j] = s * x[i][j];
                sum[j] += a[i][j];
            }
        }
        List<LinearConstraint> constraints = boxAndSides(a, p, 0);
        PointValuePair opt = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(sum, 0.0),
                new LinearConstraintSet(constraints), GoalType.MAXIMIZE, new NonNegativeConstraint(false));
        double[] b = opt.getPoint();
        double scale = 0.0;
        for (double[] r : a) {
            for (double v : r) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double tol = TOL * Math.max(1.0, scale);
        if (!(opt.getValue() > tol)) {
            return new Result(false, "none", opt.getValue(), 0, b);
        }
        int separated = 0;
        for (double[] r : a) {
            if (Design.dot(r, b) > tol) {
                separated++;
            }
        }
        boolean complete = complete(a, p, tol);
        // Under complete separation some direction predicts every patient perfectly.
        return new Result(true, complete ? "complete" : "quasi-complete", opt.getValue(), complete ? n : separated, b);
    }

    /** Second LP: max t s.t. s_i x_i'b − t ≥ 0, t ≤ 1, |b_j| ≤ 1; complete separation iff t &gt; 0. */
    private static boolean complete(double[][] a, int p, double tol) {
        double[] c = new double[p + 1];
        c[p] = 1.0;
        List<LinearConstraint> constraints = boxAndSides(a, p, 1);
        constraints.add(new LinearConstraint(c, Relationship.LEQ, 1.0));
        PointValuePair opt = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(c, 0.0),
                new LinearConstraintSet(constraints), GoalType.MAXIMIZE, new NonNegativeConstraint(false));
        return opt.getValue() > tol;
    }

    /** s_i x_i'b − t·[margin] ≥ 0 and −1 ≤ b_j ≤ 1, over variables (b, t) with margin extra variables. */
    private static List<LinearConstraint> boxAndSides(double[][] a, int p, int margin) {
        List<LinearConstraint> constraints = new ArrayList<>();
        for (double[] r : a) {
            double[] coef = new double[p + margin];
            System.arraycopy(r, 0, coef, 0, p);
            if (margin == 1) {
                coef[p] = -1.0;
            }
            constraints.add(new LinearConstraint(coef, Relationship.GEQ, 0.0));
        }
        for (int j = 0; j < p; j++) {
            double[] e = new double[p + margin];
            e[j] = 1.0;
            constraints.add(new LinearConstraint(e, Relationship.LEQ, 1.0));
            constraints.add(new LinearConstraint(e, Relationship.GEQ, -1.0));
        }
        return constraints;
    }
}
