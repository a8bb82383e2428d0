package io.spinemet.efficacy.api;

import java.util.List;

/** Ends a request with a problem response. Carries no stack trace: it is control flow, not a fault. */
public final class ProblemException extends RuntimeException {

    public static final String INVALID_REQUEST = "urn:spinemet:problem:invalid-request";
    public static final String MALFORMED_JSON = "urn:spinemet:problem:malformed-json";
    public static final String TOO_LARGE = "urn:spinemet:problem:too-large";
    public static final String INVALID_CSV = "urn:spinemet:problem:invalid-csv";
    public static final String UNKNOWN_MODEL = "urn:spinemet:problem:unknown-model";
    /** A known procedure whose model this service does not hold. */
    public static final String MODEL_NOT_SERVED = "urn:spinemet:problem:model-not-served";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(title, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    /** A 400 naming every offending field. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, INVALID_REQUEST, "The request is not valid",
                errors.size() + " problem(s) in the request; see errors.", errors);
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public int status() {
        return status;
    }

    public int errorCount() {
        return errors == null ? 0 : errors.size();
    }
}
