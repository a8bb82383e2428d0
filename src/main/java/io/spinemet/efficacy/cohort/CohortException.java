package io.spinemet.efficacy.cohort;

import java.util.List;
import java.util.stream.Collectors;

/** A cohort CSV that cannot be used; carries every problem found, not just the first. */
public class CohortException extends Exception {

    private final transient List<CohortProblem> problems;

    public CohortException(List<CohortProblem> problems) {
        super(problems.size() + " problem(s) in the cohort file:\n" + problems.stream()
                .map(CohortProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CohortProblem> problems() {
        return problems;
    }
}
