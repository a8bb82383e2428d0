package io.spinemet.efficacy.api.problem;

import io.spinemet.efficacy.api.Problem.FieldError;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of field errors that keeps the first {@code cap} and only counts the rest, so that a request with 150,000
 * unknown keys costs a counter, not 150,000 retained objects. Validators add to it as to any list.
 */
public final class ErrorList extends AbstractList<FieldError> {

    /** Errors listed in one problem response (or for one batch record); the rest are counted. */
    public static final int CAP = 100;

    private final List<FieldError> kept;
    private final int cap;
    private long total;

    public ErrorList() {
        this(CAP);
    }

    /** @param cap most errors kept, at least 1 */
    public ErrorList(int cap) {
        this.cap = Math.max(1, cap);
        this.kept = new ArrayList<>(Math.min(this.cap, 16));
    }

    @Override
    public boolean add(FieldError error) {
        total++;
        if (kept.size() < cap) {
            kept.add(error);
        }
        return true;
    }

    @Override
    public FieldError get(int index) {
        return kept.get(index);
    }

    /** The errors kept (at most the cap). */
    @Override
    public int size() {
        return kept.size();
    }

    /** Every error reported, kept or not. */
    public long total() {
        return total;
    }

    /** Errors counted but not kept. */
    public long omitted() {
        return total - kept.size();
    }

    /** Errors of any list: its total when it is an {@code ErrorList}, its size otherwise. */
    public static long total(List<FieldError> errors) {
        return errors instanceof ErrorList e ? e.total() : errors.size();
    }

    /** Errors of any list that were counted but not kept. */
    public static long omitted(List<FieldError> errors) {
        return errors instanceof ErrorList e ? e.omitted() : 0;
    }
}
