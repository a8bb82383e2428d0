package io.spinemet.efficacy.training;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.Term;
import io.spinemet.efficacy.cohort.Patient;
import io.spinemet.efficacy.modelfile.Terms;
import java.util.ArrayList;
import java.util.List;

/**
 * A design matrix built from the catalogue's term encoding: column 0 is the intercept, then each predictor's terms in
 * the order given.
 *
 * @param factors the predictors
 * @param terms   column names, {@code (Intercept)} first
 * @param x       n rows of design values
 * @param y       outcomes, 1 = good efficacy
 */
public record Design(List<Factor> factors, List<String> terms, double[][] x, double[] y) {

    /** Encodes the patients' predictor values and outcomes. */
    public static Design of(List<Patient> patients, List<Factor> factors) {
        List<String> terms = new ArrayList<>(List.of(Terms.INTERCEPT));
        factors.forEach(f -> f.terms().forEach(t -> terms.add(t.name())));
        double[][] x = new double[patients.size()][];
        double[] y = new double[patients.size()];
        for (int i = 0; i < x.length; i++) {
            Patient p = patients.get(i);
            x[i] = row(factors, p, terms.size());
            y[i] = p.goodEfficacy();
        }
        return new Design(List.copyOf(factors), List.copyOf(terms), x, y);
    }

    private static double[] row(List<Factor> factors, Patient p, int width) {
        double[] row = new double[width];
        row[0] = 1.0;
        int j = 1;
        for (Factor f : factors) {
            Object value = p.factors().get(f.id());
            for (Term t : f.terms()) {
                row[j++] = t.encode(value);
            }
        }
        return row;
    }

    public int n() {
        return y.length;
    }

    public int events() {
        int events = 0;
        for (double v : y) {
            events += (int) v;
        }
        return events;
    }
}
