package io.spinemet.efficacy.stats;

/**
 * The Fisher information of the logistic model, I(β) = X'WX with W = diag(π_i(1 − π_i)), and its inverse: the
 * asymptotic covariance of an estimate, used for the Wald confidence interval of a prediction x'β ± z·sqrt(x'I⁻¹x).
 */
public final class FisherInformation {

    private FisherInformation() {
    }

    /** I(β)⁻¹ at the given coefficients. */
    public static double[][] inverse(double[][] x, double[] beta) {
        int p = beta.length;
        double[][] info = new double[p][p];
        for (double[] row : x) {
            double pi = Design.expit(Design.dot(row, beta));
            double w = pi * (1.0 - pi);
            for (int j = 0; j < p; j++) {
                for (int k = 0; k <= j; k++) {
                    info[j][k] += w * row[j] * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = j + 1; k < p; k++) {
                info[j][k] = info[k][j];
            }
        }
        return Cholesky.of(info).inverse();
    }
}
