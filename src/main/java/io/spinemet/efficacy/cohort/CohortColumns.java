package io.spinemet.efficacy.cohort;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import java.util.ArrayList;
import java.util.List;

/** The cohort CSV's columns: identity, the catalogue's factors in order, then the outcome. */
public final class CohortColumns {

    public static final String PATIENT_ID = "patientId";
    public static final String PROCEDURE = "procedure";
    public static final String RELIEF_MONTHS = "reliefMonths";
    public static final String SURVIVAL_MONTHS = "survivalMonths";
    public static final String GOOD_EFFICACY = "goodEfficacy";

    /** Outcome columns: required for training, optional for scoring. */
    public static final List<String> OUTCOME = List.of(RELIEF_MONTHS, SURVIVAL_MONTHS, GOOD_EFFICACY);

    private CohortColumns() {
    }

    /** The full header, in order. */
    public static List<String> header() {
        List<String> header = new ArrayList<>();
        header.add(PATIENT_ID);
        header.add(PROCEDURE);
        FactorCatalogue.FACTORS.stream().map(Factor::id).forEach(header::add);
        header.addAll(OUTCOME);
        return List.copyOf(header);
    }
}
