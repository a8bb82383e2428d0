package io.spinemet.efficacy.training;

import io.spinemet.efficacy.cohort.Cohort;
import io.spinemet.efficacy.cohort.reference.ReferenceCohort;

/** Says where a training cohort's patients came from, so every model and prediction can carry it. */
final class CohortProvenance {

    private CohortProvenance() {
    }

    /** True when the file is the bundled reference cohort (same bytes as the generator's output). */
    static boolean isReconstructed(Cohort cohort) {
        return ReferenceCohort.isReference(cohort.sha256());
    }

    static String describe(Cohort cohort) {
        return origin(cohort) + derivations(cohort);
    }

    private static String origin(Cohort cohort) {
        return isReconstructed(cohort)
                ? "Reconstructed reference cohort: synthetic patients generated to match the published summary of "
                        + "the study (34 PVP, 18 decompression); NOT real patients. See models/cohort/README.md."
                : "Cohort supplied by the training site (" + cohort.source() + ", SHA-256 " + cohort.sha256() + ").";
    }

    /** Which measurement-catalogue rule produced each factor derived from measurement columns; empty if none. */
    private static String derivations(Cohort cohort) {
        if (cohort.derivations().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" Factors derived from measurement columns by the measurement "
                + "catalogue's rules:");
        cohort.derivations().forEach((factor, rules) -> text.append(' ').append(factor).append(" <- ")
                .append(String.join(" | ", rules)).append(';'));
        text.setLength(text.length() - 1);
        return text.append('.').toString();
    }
}
