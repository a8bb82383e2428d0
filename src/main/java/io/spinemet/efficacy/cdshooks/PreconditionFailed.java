package io.spinemet.efficacy.cdshooks;

import java.util.List;

/** The hook's data could be had neither by prefetch nor by fetch: answered with 412 and an OperationOutcome. */
public final class PreconditionFailed extends RuntimeException {

    private final List<PatientData.Unavailable> unavailable;

    public PreconditionFailed(List<PatientData.Unavailable> unavailable) {
        super("412", null, false, false);
        this.unavailable = List.copyOf(unavailable);
    }

    public List<PatientData.Unavailable> unavailable() {
        return unavailable;
    }
}
