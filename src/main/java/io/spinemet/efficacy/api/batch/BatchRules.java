package io.spinemet.efficacy.api.batch;

import io.spinemet.efficacy.api.problem.ErrorList;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules a batch applies across its records, the same for JSON and CSV: an id may be used once, and the errors
 * of the whole batch are bounded (each record lists at most {@link ErrorList#CAP}; once the batch has listed
 * {@link #MAX_LISTED} errors, each further rejected record lists one and counts the rest).
 */
public final class BatchRules {

    /** Errors listed in one batch answer, over all its records. */
    public static final int MAX_LISTED = 1000;

    private final Map<String, String> firstUse = new HashMap<>();
    private long listed;

    /** A fresh error list for the next record, within the batch's budget. */
    public ErrorList nextErrors() {
        return new ErrorList((int) Math.max(1, Math.min(ErrorList.CAP, MAX_LISTED - listed)));
    }

    /** Counts a finished record's listed errors against the budget. */
    public void done(ErrorList errors) {
        listed += errors.size();
    }

    /**
     * Remembers an id.
     *
     * @param where how to name this record in a message ({@code /patients/3}, {@code line 5})
     * @return where the id was first used, or {@code null} when this is its first use
     */
    public String duplicateOf(String id, String where) {
        return firstUse.putIfAbsent(id, where);
    }
}
