package io.spinemet.efficacy.cohort;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes patients in the cohort CSV format (LF line ends, so files are byte-for-byte reproducible). */
public final class CohortCsvWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CohortCsvWriter() {
    }

    /** Writes the header and one line per patient. */
    public static void write(List<Patient> patients, Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(CohortColumns.header());
        for (Patient p : patients) {
            printer.printRecord(cells(p));
        }
        printer.flush();
    }

    /** The row's cells in header order. */
    public static List<String> cells(Patient p) {
        List<String> cells = new ArrayList<>();
        cells.add(p.patientId());
        cells.add(p.procedure().name());
        for (Factor f : FactorCatalogue.FACTORS) {
            Object value = p.factors().get(f.id());
            cells.add(value == null ? "" : f.formatCsv(value));
        }
        cells.add(months(p.reliefMonths()));
        cells.add(months(p.survivalMonths()));
        cells.add(p.goodEfficacy() == null ? "" : p.goodEfficacy().toString());
        return cells;
    }

    private static String months(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
