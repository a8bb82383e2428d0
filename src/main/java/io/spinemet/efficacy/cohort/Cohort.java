package io.spinemet.efficacy.cohort;

import io.spinemet.efficacy.catalogue.Procedure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cohort read in full from a CSV file.
 *
 * @param source   the file name (without directories), recorded as the model's provenance
 * @param sha256   lower-case hex SHA-256 of the file's bytes
 * @param patients the rows, in file order
 * @param derivations factors derived from measurement columns: factor id to the rules that produced them
 *                 ("measurement: rule (cut-off; source)"); empty for a file of factor columns only
 */
public record Cohort(String source, String sha256, List<Patient> patients, Map<String, List<String>> derivations) {

    public Cohort {
        patients = List.copyOf(patients);
        derivations = Collections.unmodifiableMap(new LinkedHashMap<>(derivations));
    }

    public Cohort(String source, String sha256, List<Patient> patients) {
        this(source, sha256, patients, Map.of());
    }

    /** The patients who had one procedure, in file order. */
    public List<Patient> of(Procedure procedure) {
        return patients.stream().filter(p -> p.procedure() == procedure).toList();
    }
}
