package io.spinemet.efficacy.scoring;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.catalogue.Term;
import io.spinemet.efficacy.modelfile.ModelFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A model file checked and prepared for scoring: everything a prediction needs is computed once here, so a request
 * does no parsing and no lookups by name.
 */
public final class LoadedModel {

    private final ModelFile file;
    private final String sha256;
    private final String source;
    private final String markdownCard;
    private final List<Factor> factors;
    private final Term[] terms;
    private final int[] termFactor;
    private final double[] beta;
    private final double[][] covariance;
    private final Set<DesignRow> patterns;
    private final double baselineRate;
    private final ModelInfo info;
    private final Scorer.ModelWarnings warnings;
    private final List<Map<Object, Prediction.Contribution>> contributions;

    /**
     * @param file         a model file that passed {@code ModelFileCodec.read}
     * @param sha256       lower-case hex SHA-256 of the file's bytes
     * @param source       where it was loaded from, for messages
     * @param markdownCard the Markdown model card, or {@code null} when none was found
     */
    public LoadedModel(ModelFile file, String sha256, String source, String markdownCard) {
        this.file = file;
        this.sha256 = sha256;
        this.source = source;
        this.markdownCard = markdownCard;
        this.factors = file.predictors().stream().map(p -> FactorCatalogue.get(p.factorId())).toList();
        List<Term> termList = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            for (Term t : factors.get(i).terms()) {
                termList.add(t);
                owner.add(i);
            }
        }
        this.terms = termList.toArray(Term[]::new);
        this.termFactor = owner.stream().mapToInt(Integer::intValue).toArray();
        int p = terms.length + 1;
        this.beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = file.coefficients().get(j).estimate();
        }
        this.covariance = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                covariance[r][c] = file.covariance().matrix().get(r).get(c);
            }
        }
        Set<DesignRow> seen = new HashSet<>();
        if (file.cohort().patterns() != null) {
            for (ModelFile.Pattern pattern : file.cohort().patterns()) {
                try {
                    seen.add(new DesignRow(Scorer.design(this, pattern.factors())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("cohort pattern " + pattern.factors()
                            + " does not give a value of every model factor the catalogue allows", e);
                }
            }
        }
        this.patterns = Set.copyOf(seen);
        this.baselineRate = (double) file.cohort().events() / file.cohort().n();
        this.warnings = Scorer.ModelWarnings.of(file);
        this.contributions = factors.stream().map(this::contributionsByValue).toList();
        ModelFile.CohortSummary c = file.cohort();
        this.info = new ModelInfo(file.modelId(), file.modelVersion(), file.procedure(), file.method(), sha256,
                new ModelInfo.CohortInfo(c.n(), c.events(), c.source(), c.reconstructed(), c.provenance()),
                cardPath(file.procedure()));
    }

    /** Every value of a boolean or categorical factor with its contribution, built once; counts are built per use. */
    private Map<Object, Prediction.Contribution> contributionsByValue(Factor f) {
        List<Object> values = switch (f.type()) {
            case BOOLEAN -> List.of(Boolean.FALSE, Boolean.TRUE);
            case CATEGORICAL -> List.copyOf(f.levels());
            case INTEGER -> List.of();
        };
        Map<Object, Prediction.Contribution> byValue = new java.util.HashMap<>();
        values.forEach(v -> byValue.put(v, Scorer.contribution(this, factors.indexOf(f), v)));
        return Map.copyOf(byValue);
    }

    /** The contribution of a factor's value: the shared instance when the factor has few values. */
    Prediction.Contribution contribution(int factorIndex, Object value) {
        Prediction.Contribution shared = contributions.get(factorIndex).get(value);
        return shared != null ? shared : Scorer.contribution(this, factorIndex, value);
    }

    /**
     * The values that recur in every prediction of this model, as shared instances: its description, its fixed
     * warnings and each boolean or categorical factor value's contribution. A serializer may prepare them once.
     */
    public List<Object> sharedValues() {
        List<Object> shared = new ArrayList<>();
        shared.add(info);
        shared.addAll(warnings.all());
        contributions.forEach(byValue -> shared.addAll(byValue.values()));
        return shared;
    }

    /** The URL path of a procedure's model card. */
    public static String cardPath(Procedure procedure) {
        return "/api/v1/models/" + procedure.slug();
    }

    /**
     * Whether the training cohort holds this combination of the model's factor values. Combinations are compared by
     * design row, so levels the model does not tell apart (Frankel A and B) count as the same combination.
     */
    boolean patternSeen(double[] x) {
        return patterns.contains(new DesignRow(x));
    }

    /** A design row as a set element, compared by value. */
    private record DesignRow(double[] x) {
        @Override
        public boolean equals(Object o) {
            return o instanceof DesignRow other && Arrays.equals(x, other.x);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(x);
        }

        @Override
        public String toString() {
            return Arrays.toString(x);
        }
    }

    public ModelFile file() {
        return file;
    }

    public Procedure procedure() {
        return file.procedure();
    }

    public String sha256() {
        return sha256;
    }

    public String source() {
        return source;
    }

    public Optional<String> markdownCard() {
        return Optional.ofNullable(markdownCard);
    }

    /** The factors the model uses, in the model file's order. */
    public List<Factor> factors() {
        return factors;
    }

    public boolean uses(String factorId) {
        for (Factor f : factors) {
            if (f.id().equals(factorId)) {
                return true;
            }
        }
        return false;
    }

    Term[] terms() {
        return terms;
    }

    int[] termFactor() {
        return termFactor;
    }

    double[] beta() {
        return beta;
    }

    double[][] covariance() {
        return covariance;
    }

    /** The warnings that depend only on the model. */
    Scorer.ModelWarnings warnings() {
        return warnings;
    }

    public double baselineRate() {
        return baselineRate;
    }

    public ModelInfo info() {
        return info;
    }
}
