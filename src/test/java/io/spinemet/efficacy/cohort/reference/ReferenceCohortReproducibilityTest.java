package io.spinemet.efficacy.cohort.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.Sha256;
import io.spinemet.efficacy.cohort.Patient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** (a) Regenerating reproduces the committed CSV byte for byte, whatever the locale or time zone. */
class ReferenceCohortReproducibilityTest {

    @Test
    void regeneratingReproducesTheCommittedCsvByteForByte() throws Exception {
        byte[] committed = Files.readAllBytes(ReferenceCohortFiles.CSV);
        assertArrayEquals(committed, new ReferenceCohort().csvBytes(),
                "models/cohort/reference-cohort.csv differs from the generator's output; regenerate it with "
                        + "'reference-cohort --out models/cohort/reference-cohort.csv' and review the change");
    }

    @Test
    void outputDoesNotDependOnLocaleOrTimeZone() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        byte[] reference = new ReferenceCohort().csvBytes();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            assertArrayEquals(reference, new ReferenceCohort().csvBytes());
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertArrayEquals(reference, new ReferenceCohort().csvBytes());
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void csvIsUtf8WithLfLineEndsAndPatientsMatchTheFile() throws Exception {
        String text = new String(ReferenceCohort.instance().csvBytes(), StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("\n"));
        List<Patient> read = ReferenceCohortFiles.committed().patients();
        List<Patient> generated = ReferenceCohort.instance().patients();
        assertEquals(read.size(), generated.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(read.get(i), generated.get(i), "patients() must be exactly what reading the CSV gives, row "
                    + (i + 1));
        }
    }

    @Test
    void isReferenceRecognisesTheCommittedFileOnly() throws Exception {
        byte[] committed = Files.readAllBytes(ReferenceCohortFiles.CSV);
        String sha = Sha256.hex(committed);
        assertTrue(ReferenceCohort.isReference(sha));
        assertTrue(ReferenceCohort.isReference(sha.toUpperCase(Locale.ROOT)));
        byte[] edited = committed.clone();
        edited[edited.length - 2] = (byte) (edited[edited.length - 2] == '0' ? '1' : '0');
        assertFalse(ReferenceCohort.isReference(Sha256.hex(edited)));
        assertFalse(ReferenceCohort.isReference(null));
        assertFalse(ReferenceCohort.isReference(""));
    }

    @Test
    void pvpDesignIsNotSeparatedAndTheSeparationCheckWorks() {
        assertFalse(ReferenceCohort.instance().separated(Procedure.PVP),
                "the PVP multivariable design must not be (quasi-)separated");
        // Complete separation: x = 1 exactly for the good outcomes.
        double[][] x = {{1, 0}, {1, 0}, {1, 1}, {1, 1}};
        assertTrue(ReferenceCohort.isSeparated(x, new boolean[] {false, false, true, true}));
        // Quasi-complete: x = 1 only among good, x = 0 in both groups.
        assertTrue(ReferenceCohort.isSeparated(new double[][] {{1, 0}, {1, 0}, {1, 0}, {1, 1}},
                new boolean[] {false, true, true, true}));
        // Overlap: not separated.
        assertFalse(ReferenceCohort.isSeparated(new double[][] {{1, 0}, {1, 1}, {1, 0}, {1, 1}},
                new boolean[] {false, false, true, true}));
    }
}
