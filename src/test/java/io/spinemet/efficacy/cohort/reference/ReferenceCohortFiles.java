package io.spinemet.efficacy.cohort.reference;

import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.Cohort;
import io.spinemet.efficacy.cohort.CohortCsvReader;
import io.spinemet.efficacy.cohort.Patient;
import java.nio.file.Path;
import java.util.List;

/** The committed files the tests check (paths relative to the project root, Maven's working directory). */
final class ReferenceCohortFiles {

    static final Path CSV = Path.of("models/cohort/reference-cohort.csv");
    static final Path README = Path.of("models/cohort/README.md");

    private ReferenceCohortFiles() {
    }

    /** The committed CSV, read by the project's strict reader (it rejects any inconsistent row). */
    static Cohort committed() throws Exception {
        return CohortCsvReader.read(CSV);
    }

    static List<Patient> committed(Procedure procedure) throws Exception {
        return committed().of(procedure);
    }
}
