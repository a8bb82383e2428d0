package io.spinemet.efficacy.cohort;

import io.spinemet.efficacy.catalogue.Procedure;
import java.util.List;

/**
 * A cohort read in full from a CSV file.
 *
 * @param source   the file name (without directories), recorded as the model's provenance
 * @param sha256   lower-case hex SHA-256 of the file's bytes
 * @param patients the rows, in file order
 */
public record Cohort(String source, String sha256, List<Patient> patients) {

    public Cohort {
        patients = List.copyOf(patients);
    }

    /** The patients who had one procedure, in file order. */
    public List<Patient> of(Procedure procedure) {
        return patients.stream().filter(p -> p.procedure() == procedure).toList();
    }
}
