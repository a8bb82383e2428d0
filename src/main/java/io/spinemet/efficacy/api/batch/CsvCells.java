package io.spinemet.efficacy.api.batch;

import io.spinemet.efficacy.api.Dtos.BatchResult;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.scoring.Prediction;
import java.util.List;

/** The cells of a CSV answer: the result columns of a row, and OWASP CSV-injection neutralisation. */
public final class CsvCells {

    /** Appended to each row of a CSV answer, in this order. */
    public static final List<String> RESULT_COLUMNS = List.of("probability", "lower", "upper", "modelId",
            "modelVersion", "modelSha256", "cohortReconstructed", "status", "warnings", "inputsIgnored", "errors");

    /** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
    private static final String FORMULA_START = "=+-@\t\r";

    private CsvCells() {
    }

    /**
     * A cell a spreadsheet will show as text: one that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or
     * carriage return gets a leading apostrophe, as OWASP recommends.
     */
    public static String neutralise(String cell) {
        return !cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** Appends the result columns of one row. */
    public static void result(BatchResult r, List<String> cells) {
        boolean scored = r.errors() == null;
        cells.add(scored ? Double.toString(r.probability()) : "");
        cells.add(scored ? Double.toString(r.confidenceInterval().lower()) : "");
        cells.add(scored ? Double.toString(r.confidenceInterval().upper()) : "");
        cells.add(scored ? r.model().id() : "");
        cells.add(scored ? r.model().version() : "");
        cells.add(scored ? r.model().sha256() : "");
        cells.add(scored ? Boolean.toString(r.model().cohort().reconstructed()) : "");
        cells.add(scored ? "scored" : "rejected");
        cells.add(scored ? String.join(" ", r.warnings().stream().map(Prediction.Warning::code).toList()) : "");
        cells.add(scored ? String.join(" ", r.inputsIgnored()) : "");
        cells.add(scored ? "" : neutralise(errors(r.errors(), r.errorsOmitted())));
    }

    /** {@code column: detail (allowed: ...)}, joined by {@code " | "}, and how many more when capped. */
    private static String errors(List<FieldError> errors, Long omitted) {
        StringBuilder text = new StringBuilder();
        for (FieldError e : errors) {
            if (!text.isEmpty()) {
                text.append(" | ");
            }
            if (e.column() != null) {
                text.append(e.column()).append(": ");
            }
            text.append(e.detail());
            if (e.allowed() != null) {
                text.append(" (allowed: ").append(e.allowed()).append(')');
            }
        }
        if (omitted != null) {
            text.append(" | and ").append(omitted).append(" more");
        }
        return text.toString();
    }
}
