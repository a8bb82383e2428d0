package io.spinemet.efficacy.training;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorType;
import io.spinemet.efficacy.cohort.Patient;
import io.spinemet.efficacy.modelfile.ModelFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Describes a procedure's training patients for the model file: prevalences and observed covariate patterns. */
final class CohortDescription {

    private CohortDescription() {
    }

    /** Count and proportion of each value of each candidate factor, in catalogue and level order. */
    static List<ModelFile.Prevalence> prevalence(List<Patient> patients, List<Factor> candidates) {
        List<ModelFile.Prevalence> rows = new ArrayList<>();
        int n = patients.size();
        for (Factor f : candidates) {
            for (String value : values(f, patients)) {
                int count = (int) patients.stream()
                        .filter(p -> String.valueOf(p.factors().get(f.id())).equals(value)).count();
                rows.add(new ModelFile.Prevalence(f.id(), value, count, Numbers.round((double) count / n)));
            }
        }
        return rows;
    }

    /** The values reported for a factor: {@code true} for booleans, each level, or each observed count. */
    private static List<String> values(Factor f, List<Patient> patients) {
        if (f.type() == FactorType.BOOLEAN) {
            return List.of("true");
        }
        if (f.type() == FactorType.CATEGORICAL) {
            return f.levels();
        }
        TreeMap<Integer, String> observed = new TreeMap<>();
        patients.forEach(p -> observed.put((Integer) p.factors().get(f.id()), String.valueOf(p.factors().get(f.id()))));
        return List.copyOf(observed.values());
    }

    /**
     * Every combination of the predictors' values that occurs, in order of first occurrence, with its size and
     * number of good outcomes. The service warns when a patient's combination is not among them.
     */
    static List<ModelFile.Pattern> patterns(List<Patient> patients, List<Factor> predictors) {
        Map<List<Object>, int[]> counts = new LinkedHashMap<>();
        for (Patient p : patients) {
            List<Object> key = predictors.stream().map(f -> p.factors().get(f.id())).toList();
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            c[1] += p.goodEfficacy();
        }
        List<ModelFile.Pattern> patterns = new ArrayList<>();
        counts.forEach((key, c) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int j = 0; j < predictors.size(); j++) {
                values.put(predictors.get(j).id(), key.get(j));
            }
            patterns.add(new ModelFile.Pattern(values, c[0], c[1]));
        });
        return patterns;
    }
}
