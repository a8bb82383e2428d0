package io.spinemet.efficacy.cohort.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.Patient;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * (b) The committed CSV, read with the strict reader, reproduces every count the abstract publishes. The expected
 * numbers below are copied from the abstract (data dictionary §1.3), not from the generator.
 */
class ReferenceCohortPublishedCountsTest {

    private static long count(List<Patient> ps, Predicate<Patient> p) {
        return ps.stream().filter(p).count();
    }

    private static void assertCounts(Procedure procedure, int n, int good, int reliefOver1, int survivalOver3,
                                     int survivalOver12, int radiotherapy) throws Exception {
        List<Patient> ps = ReferenceCohortFiles.committed(procedure);
        String g = procedure.name() + ": ";
        assertEquals(n, ps.size(), g + "patients");
        assertEquals(good, count(ps, p -> p.goodEfficacy() == 1), g + "good efficacy");
        assertEquals(good, count(ps, p -> p.reliefMonths() > 3.0), g + "relief > 3 months");
        assertEquals(reliefOver1, count(ps, p -> p.reliefMonths() > 1.0), g + "relief > 1 month");
        assertEquals(survivalOver3, count(ps, p -> p.survivalMonths() > 3.0), g + "survival > 3 months");
        assertEquals(survivalOver12, count(ps, p -> p.survivalMonths() > 12.0), g + "survival > 12 months");
        assertEquals(radiotherapy, count(ps, p -> (Boolean) p.factors().get("postoperativeRadiotherapy")),
                g + "postoperative radiotherapy");
    }

    @Test
    void pvpReproducesTheAbstract() throws Exception {
        // "79%(27/34) ... more than one month, 67%(23/34) ... more than three months. 82%(28/34) ... survived more
        // than three months, 26%(9/34) ... more than one year. 14%(5/34) ... postoperative radiotherapy."
        assertCounts(Procedure.PVP, 34, 23, 27, 28, 9, 5);
    }

    @Test
    void decompressionReproducesTheAbstract() throws Exception {
        // "83%(15/18) ... more than one month, 72%(13/18) ... more than three months. 77%(14/18) ... survived more
        // than three months, 16%(3/18) ... more than one year. 39%(4/18) ... postoperative radiotherapy."
        // 4/18 is 22.2 %, not 39 %; the count is kept (data dictionary §1.4 item 1).
        assertCounts(Procedure.DECOMPRESSION, 18, 13, 15, 14, 3, 4);
    }

    @Test
    void fileOrderAndIds() throws Exception {
        List<Patient> all = ReferenceCohortFiles.committed().patients();
        assertEquals(52, all.size());
        for (int i = 0; i < all.size(); i++) {
            Patient p = all.get(i);
            Procedure expected = i < 34 ? Procedure.PVP : Procedure.DECOMPRESSION;
            assertEquals(expected, p.procedure(), "row " + (i + 1));
            String id = i < 34 ? String.format("PVP-%02d", i + 1) : String.format("DEC-%02d", i - 33);
            assertEquals(id, p.patientId());
        }
    }

    @Test
    void logicalConstraintsHoldAndNoValueSitsOnAThreshold() throws Exception {
        for (Patient p : ReferenceCohortFiles.committed().patients()) {
            String id = p.patientId();
            assertTrue(p.reliefMonths() <= p.survivalMonths(), id + ": relief <= survival");
            assertTrue(p.goodEfficacy() == 0 || p.survivalMonths() > 3.0, id + ": good requires survival > 3");
            assertTrue(p.survivalMonths() <= 44.0, id + ": survival within the study window");
            for (double v : new double[] {p.reliefMonths(), p.survivalMonths()}) {
                for (double threshold : new double[] {1.0, 3.0, 12.0}) {
                    assertTrue(Math.abs(v - threshold) >= 0.1 - 1e-9,
                            id + ": " + v + " is within 0.1 of the " + threshold + "-month threshold");
                }
            }
        }
    }
}
