package io.spinemet.efficacy.modelfile;

import io.spinemet.efficacy.stats.Cholesky;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that a model file is internally consistent, beyond its schema. A SHA-256 sidecar detects damage, not edits:
 * a file edited with its checksum recomputed must still describe one fitted logistic model. Each check names the
 * field and the values that disagree. Runs on a file whose shapes {@link ModelFileCodec} has already checked.
 */
public final class ModelFileTrust {

    /**
     * Largest plausible |β| on the logit scale. An odds ratio of e^50 ≈ 5·10^21 for one factor does not come from a
     * finite fit of a binary outcome on binary factors; it means a diverged (separated) fit or an edited file.
     */
    public static final double MAX_ABS_COEFFICIENT = 50.0;

    /** Relative tolerance for values the file states twice (written with 12 significant digits). */
    static final double RELATIVE_TOLERANCE = 1e-6;

    /** Relative asymmetry |Σ_ij − Σ_ji| / max(|Σ_ij|, |Σ_ji|, tiny) allowed in the covariance. */
    static final double SYMMETRY_TOLERANCE = 1e-9;

    /** Words that say a cohort is not a set of real patients. */
    private static final Pattern NOT_REAL = Pattern.compile(
            "reconstruct|synthetic|simulat|not real|fictitious", Pattern.CASE_INSENSITIVE);

    private ModelFileTrust() {
    }

    /** Every inconsistency found; empty when the file can be trusted as far as it can be checked. */
    static List<String> problems(ModelFile m) {
        List<String> problems = new ArrayList<>();
        coefficients(m, problems);
        covariance(m, problems);
        cohort(m, problems);
        return problems;
    }

    /** Finite, plausible estimates; odds ratio = exp(β) and standard error = sqrt(Σ_jj) where the file states them. */
    private static void coefficients(ModelFile m, List<String> problems) {
        List<List<Double>> cov = m.covariance().matrix();
        for (int j = 0; j < m.coefficients().size(); j++) {
            ModelFile.Coefficient c = m.coefficients().get(j);
            double beta = c.estimate();
            if (Math.abs(beta) > MAX_ABS_COEFFICIENT) {
                problems.add(String.format(Locale.ROOT, "coefficient %s = %s is implausible: |beta| > %s (a "
                        + "diverged fit or an edited file)", c.term(), beta, MAX_ABS_COEFFICIENT));
            }
            if (c.oddsRatio() != null && !close(c.oddsRatio(), Math.exp(beta))) {
                problems.add(String.format(Locale.ROOT, "coefficient %s: oddsRatio %s is not exp(estimate) = %s",
                        c.term(), c.oddsRatio(), Math.exp(beta)));
            }
            double variance = cov.get(j).get(j);
            if (c.stdError() != null && variance > 0 && !close(c.stdError(), Math.sqrt(variance))) {
                problems.add(String.format(Locale.ROOT, "coefficient %s: stdError %s is not sqrt of the "
                        + "covariance's diagonal, %s", c.term(), c.stdError(), Math.sqrt(variance)));
            }
        }
    }

    /** Σ must be symmetric and positive definite (its Cholesky factor exists); a variance is never clamped. */
    private static void covariance(ModelFile m, List<String> problems) {
        List<String> terms = m.covariance().terms();
        List<List<Double>> matrix = m.covariance().matrix();
        int p = matrix.size();
        double[][] a = new double[p][p];
        boolean symmetric = true;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                a[i][j] = matrix.get(i).get(j);
            }
        }
        for (int i = 0; i < p && symmetric; i++) {
            for (int j = i + 1; j < p; j++) {
                double scale = Math.max(Math.max(Math.abs(a[i][j]), Math.abs(a[j][i])), Double.MIN_NORMAL);
                if (Math.abs(a[i][j] - a[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    problems.add(String.format(Locale.ROOT, "covariance is not symmetric: [%s][%s] = %s but "
                            + "[%s][%s] = %s", terms.get(i), terms.get(j), a[i][j], terms.get(j), terms.get(i),
                            a[j][i]));
                    symmetric = false;
                    break;
                }
            }
        }
        for (int i = 0; i < p; i++) {
            if (!(a[i][i] > 0)) {
                problems.add(String.format(Locale.ROOT, "covariance: the variance of %s is %s; a variance must be "
                        + "> 0", terms.get(i), a[i][i]));
            }
        }
        if (symmetric && Cholesky.of(a) == null) {
            problems.add("covariance is not positive definite (no Cholesky factor): some linear combination of "
                    + "the coefficients would have a variance <= 0, so its confidence interval would collapse");
        }
    }

    /** n, events and EPV agree; the reconstructed flag agrees with the provenance text. */
    private static void cohort(ModelFile m, List<String> problems) {
        ModelFile.CohortSummary c = m.cohort();
        int terms = m.coefficients().size() - 1;
        if (terms > 0) {
            double epv = (double) Math.min(c.events(), c.n() - c.events()) / terms;
            if (!close(c.eventsPerVariable(), epv)) {
                problems.add(String.format(Locale.ROOT, "cohort.eventsPerVariable %s disagrees with the file: "
                        + "min(events %d, non-events %d) / %d terms = %s", c.eventsPerVariable(), c.events(),
                        c.n() - c.events(), terms, epv));
            }
        }
        String provenance = c.provenance() == null ? "" : c.provenance();
        boolean saysNotReal = NOT_REAL.matcher(provenance).find()
                || "reference-cohort.csv".equals(c.source());
        if (c.reconstructed() && !saysNotReal) {
            problems.add("cohort.reconstructed is true but cohort.provenance does not say that the patients are "
                    + "reconstructed or synthetic");
        }
        if (!c.reconstructed() && saysNotReal) {
            problems.add("cohort.reconstructed is false but the cohort's provenance or source says its patients "
                    + "are not real (reconstructed or synthetic)");
        }
    }

    private static boolean close(double stated, double implied) {
        return Double.isFinite(stated) && Math.abs(stated - implied)
                <= RELATIVE_TOLERANCE * Math.max(Math.abs(implied), 1e-12);
    }
}
