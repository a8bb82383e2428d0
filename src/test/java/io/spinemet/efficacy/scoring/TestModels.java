package io.spinemet.efficacy.scoring;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.catalogue.Term;
import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.modelfile.ModelFileCodec;
import io.spinemet.efficacy.modelfile.Terms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds small model files with hand-chosen numbers, passed through the codec so they are valid files. */
public final class TestModels {

    private TestModels() {
    }

    /** Options that only affect warnings. */
    public record Cohort(int n, int events, double epv, boolean reconstructed, boolean separation,
                         List<Map<String, Object>> patterns) {
    }

    public static ModelFile file(Procedure procedure, List<String> factorIds, double[] beta, double[][] cov,
                                 Cohort cohort) {
        List<ModelFile.Predictor> predictors = new ArrayList<>();
        List<String> terms = new ArrayList<>(List.of(Terms.INTERCEPT));
        for (String id : factorIds) {
            Factor f = FactorCatalogue.get(id);
            predictors.add(new ModelFile.Predictor(id, f.label(), f.type().name(), f.referenceLevel(),
                    f.terms().stream().map(t -> new ModelFile.Encoding(t.name(), "test")).toList()));
            f.terms().stream().map(Term::name).forEach(terms::add);
        }
        List<ModelFile.Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            coefficients.add(new ModelFile.Coefficient(terms.get(j), beta[j], Math.sqrt(cov[j][j]),
                    Math.exp(beta[j]), null, null, null));
        }
        List<List<Double>> matrix = Arrays.stream(cov).map(r -> Arrays.stream(r).boxed().toList()).toList();
        ModelFile file = new ModelFile(ModelFile.SCHEMA_VERSION, "test-" + procedure.slug(), "0-test", procedure,
                new ModelFile.Outcome("goodEfficacy", "relief > 3 months", 1), "firth", "test", predictors,
                coefficients, new ModelFile.Covariance(terms, matrix), null, List.of(),
                new ModelFile.Separation(cohort.separation(), cohort.separation() ? "quasi-complete" : "none", 0,
                        "test"),
                null,
                new ModelFile.CohortSummary("test.csv", "0".repeat(64), cohort.reconstructed(),
                        cohort.reconstructed() ? "test: synthetic patients" : "test", cohort.n(), cohort.events(),
                        impliedEpv(cohort, beta.length - 1), List.of(), cohort.patterns().stream()
                        .map(p -> new ModelFile.Pattern(p, 1, 1)).toList()),
                new ModelFile.Training("test", "test", factorIds, 0, 1L), List.of("test"));
        try {
            return ModelFileCodec.read("test", ModelFileCodec.write(file));
        } catch (ModelFileCodec.InvalidModelFileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events per variable the cohort and the model imply; a stated {@code epv} must agree with it. */
    private static double impliedEpv(Cohort cohort, int terms) {
        double epv = (double) Math.min(cohort.events(), cohort.n() - cohort.events()) / terms;
        if (Math.abs(epv - cohort.epv()) > 1e-9) {
            throw new IllegalArgumentException("epv " + cohort.epv() + " does not follow from n " + cohort.n()
                    + ", events " + cohort.events() + " and " + terms + " terms: " + epv);
        }
        return epv;
    }

    public static LoadedModel loaded(ModelFile file) {
        return new LoadedModel(file, "f".repeat(64), "test", null);
    }
}
