package io.spinemet.efficacy.cohort;

/**
 * One thing wrong with a cohort CSV.
 *
 * @param line    1-based line in the file (the header is line 1)
 * @param column  the column's name, or {@code null} for a whole-row or whole-file problem
 * @param value   the offending cell as written, or {@code null}
 * @param message what is wrong and what is allowed
 */
public record CohortProblem(long line, String column, String value, String message) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column)
                + (value == null ? "" : ", value '" + value + "'") + ": " + message;
    }
}
