package io.spinemet.efficacy.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates in the JSON measurements: exactly YYYY-MM-DD in ASCII digits, and a day the calendar has. */
class MeasurementJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Measurements.Result read(String date) throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree("{\"spinalMetastasisDiagnosisDate\":" + JSON.writeValueAsString(date)
                + "}");
        return MeasurementJson.read(m, Measurements.builder(LocalDate.of(2026, 12, 3))).build();
    }

    @Test
    void aCalendarDateIsRead() throws Exception {
        Measurements.Result r = read("2024-02-29");
        assertTrue(r.valid(), r.problems().toString());
        assertEquals(LocalDate.of(2024, 2, 29),
                r.measurements().date(MeasurementCatalogue.SPINAL_DIAGNOSIS).orElseThrow());
    }

    @Test
    void anythingElseIsRefusedWithoutSayingWhatWasSent() throws Exception {
        for (String bad : List.of("2025-02-30", "2023-02-29", "2025-2-03", "2025-02-3", "2025/02/03", "20250203",
                "+2025-02-03", "2025-02-03T00:00", " 2025-02-03", "2025-13-01", "2025-00-10", "\u0662\u0660\u0662\u0665-02-03",
                "２０２５-02-03", "")) {
            Measurements.Result r = read(bad);
            assertEquals(1, r.problems().size(), bad);
            assertEquals("not a calendar date YYYY-MM-DD", r.problems().get(0).detail(), bad);
        }
    }
}
