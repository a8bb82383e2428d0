package io.spinemet.efficacy.fhir;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a value came from: the FHIR resources, as relative references ({@code Observation/123}), and the clinical date
 * of the newest one. A reference carries no patient data beyond the EHR's own resource id.
 *
 * @param references the resources the value was read from, in the order they were used
 * @param date       the effective (or onset, or authored) date of the value, or {@code null} when it has none
 */
public record Provenance(List<String> references, LocalDate date) {

    public Provenance {
        references = List.copyOf(references);
    }

    public static Provenance of(String reference, LocalDate date) {
        return new Provenance(List.of(reference), date);
    }
}
