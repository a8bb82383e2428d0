package io.spinemet.efficacy.cohort;

import io.spinemet.efficacy.catalogue.Procedure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a cohort CSV.
 *
 * @param patientId      the row's identifier, unique within a file
 * @param procedure      the operation the patient had
 * @param factors        factor id to value (Boolean, Integer or level String), in catalogue order; factors the
 *                       procedure does not use are absent
 * @param reliefMonths   months of symptom relief, or {@code null} when not recorded
 * @param survivalMonths months of survival after surgery, or {@code null} when not recorded
 * @param goodEfficacy   1 when relief lasted more than 3 months, 0 otherwise; {@code null} for rows to score
 */
public record Patient(String patientId, Procedure procedure, Map<String, Object> factors, Double reliefMonths,
                      Double survivalMonths, Integer goodEfficacy) {

    /** Relief must last strictly longer than this many months for good efficacy. */
    public static final double GOOD_EFFICACY_MONTHS = 3.0;

    public Patient {
        factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
    }
}
