package io.spinemet.efficacy.cohort;

import static io.spinemet.efficacy.cohort.CohortColumns.GOOD_EFFICACY;
import static io.spinemet.efficacy.cohort.CohortColumns.PATIENT_ID;
import static io.spinemet.efficacy.cohort.CohortColumns.PROCEDURE;
import static io.spinemet.efficacy.cohort.CohortColumns.RELIEF_MONTHS;
import static io.spinemet.efficacy.cohort.CohortColumns.SURVIVAL_MONTHS;

import io.spinemet.efficacy.Sha256;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.measurement.DerivedFactor;
import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.MeasurementColumns;
import io.spinemet.efficacy.measurement.MeasurementProblem;
import io.spinemet.efficacy.measurement.Measurements;
import java.util.TreeMap;
import java.util.TreeSet;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Strict reader of the cohort CSV format. It collects every problem in the file, each with its line, column and
 * value, and returns a cohort only when there are none: nothing is trained from a file read in part.
 *
 * <p>A file may carry measurement columns ({@link MeasurementColumns}, e.g. {@code serumAlbumin_g_L}) in place of, or
 * beside, factor columns. Each row's factors are then derived by {@link FactorDerivation}, the same rules the API
 * applies; a factor cell that contradicts its derivation is a problem, and the cohort records which rule produced
 * each derived factor.
 */
public final class CohortCsvReader {

    /** Whether the outcome columns must be present. */
    public enum Mode {
        /** Training: every column, with {@code goodEfficacy} on every row. */
        TRAINING,
        /** Scoring: outcome columns may be left out; when present they are checked as in training. */
        SCORING
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(false).setIgnoreEmptyLines(true).get();

    private CohortCsvReader() {
    }

    /** Reads a training cohort from a file. */
    public static Cohort read(Path file) throws IOException, CohortException {
        return read(file.getFileName().toString(), Files.readAllBytes(file), Mode.TRAINING);
    }

    /** Reads a cohort from UTF-8 bytes; {@code source} names it in the result. */
    public static Cohort read(String source, byte[] bytes, Mode mode) throws CohortException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CohortException(List.of(new CohortProblem(1, null, null, "the file is not UTF-8 text")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CohortProblem> problems = new ArrayList<>();
        List<Patient> patients = new ArrayList<>();
        Map<String, Set<String>> rules = new TreeMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header, mode, problems);
            if (!problems.isEmpty()) {
                throw new CohortException(problems);
            }
            Set<String> ids = new HashSet<>();
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                if (!row.isConsistent()) {
                    problems.add(new CohortProblem(line, null, null, "the row has " + row.size()
                            + " fields; the header has " + header.size()));
                    continue;
                }
                String id = row.get(PATIENT_ID);
                if (!id.isEmpty() && !ids.add(id)) {
                    problems.add(new CohortProblem(line, PATIENT_ID, id, "duplicate patientId"));
                }
                Patient patient = new RowReader(row, line, header, mode, problems, rules).read();
                if (patient != null) {
                    patients.add(patient);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new CohortProblem(1, null, null, "not a readable CSV file: " + e.getMessage()));
        }
        if (problems.isEmpty() && patients.isEmpty()) {
            problems.add(new CohortProblem(2, null, null, "the file has no patients"));
        }
        if (!problems.isEmpty()) {
            throw new CohortException(problems);
        }
        Map<String, List<String>> derivations = new LinkedHashMap<>();
        for (Factor f : FactorCatalogue.FACTORS) {
            if (rules.containsKey(f.id())) {
                derivations.put(f.id(), List.copyOf(rules.get(f.id())));
            }
        }
        return new Cohort(source, Sha256.hex(bytes), patients, derivations);
    }

    private static void checkHeader(List<String> header, Mode mode, List<CohortProblem> problems) {
        List<String> expected = CohortColumns.header();
        Set<String> seen = new HashSet<>();
        Set<String> derivable = new HashSet<>();
        for (String name : header) {
            var column = MeasurementColumns.find(name);
            column.ifPresent(c -> c.measurement().derives().forEach(d -> derivable.add(d.factor())));
            if (!expected.contains(name) && column.isEmpty()) {
                problems.add(new CohortProblem(1, name, name, "unknown column; allowed: " + String.join(", ", expected)
                        + ", or measurement columns (" + String.join(", ", MeasurementColumns.COLUMNS.stream()
                        .map(MeasurementColumns.Column::name).toList()) + ")"));
            } else if (!seen.add(name)) {
                problems.add(new CohortProblem(1, name, name, "duplicate column"));
            }
        }
        for (String name : expected) {
            boolean optional = mode == Mode.SCORING && CohortColumns.OUTCOME.contains(name)
                    || derivable.contains(name);
            if (!header.contains(name) && !optional) {
                problems.add(new CohortProblem(1, name, null, "missing column"));
            }
        }
    }

    /** Reads one row, adding its problems to the shared list. */
    private record RowReader(CSVRecord row, long line, List<String> header, Mode mode, List<CohortProblem> problems,
                             Map<String, Set<String>> rules) {

        Patient read() {
            int before = problems.size();
            FactorDerivation.Derivation derived = derive();
            String id = cell(PATIENT_ID);
            if (id.isEmpty()) {
                problem(PATIENT_ID, id, "patientId is required");
            }
            String procedureText = cell(PROCEDURE);
            Procedure procedure = Procedure.parse(procedureText).orElse(null);
            if (procedure == null) {
                problem(PROCEDURE, procedureText, "must be one of " + Procedure.allowed());
            }
            Map<String, Object> factors = new LinkedHashMap<>();
            for (Factor factor : FactorCatalogue.FACTORS) {
                readFactor(factor, procedure, factors, derived);
            }
            Double relief = months(RELIEF_MONTHS);
            Double survival = months(SURVIVAL_MONTHS);
            Integer good = outcome();
            if (relief != null && good != null && (relief > Patient.GOOD_EFFICACY_MONTHS) != (good == 1)) {
                problem(GOOD_EFFICACY, cell(GOOD_EFFICACY), "disagrees with reliefMonths " + cell(RELIEF_MONTHS)
                        + ": good efficacy means relief of more than 3 months");
            }
            if (relief != null && survival != null && relief > survival) {
                problem(RELIEF_MONTHS, cell(RELIEF_MONTHS), "relief is longer than survival (" + cell(SURVIVAL_MONTHS)
                        + " months)");
            }
            if (problems.size() != before) {
                return null;
            }
            for (DerivedFactor d : derived.derived()) {
                if (factors.containsKey(d.factor())) {
                    rules.computeIfAbsent(d.factor(), k -> new TreeSet<>()).add(String.join(" + ", d.inputs().stream()
                            .map(DerivedFactor.Input::measurement).toList()) + ": " + d.rule() + " (cut-off "
                            + d.cutoff() + "; source: " + d.source() + ")");
                }
            }
            return new Patient(id, procedure, factors, relief, survival, good);
        }

        /** The row's measurement cells, validated and turned into factors; problems name the cell. */
        private FactorDerivation.Derivation derive() {
            Measurements.Builder builder = Measurements.builder();
            Map<String, String> columnOf = new LinkedHashMap<>();
            for (String name : header) {
                MeasurementColumns.find(name).ifPresent(c -> {
                    String text = row.get(name).trim();
                    if (text.isEmpty()) {
                        return;
                    }
                    String other = columnOf.putIfAbsent(c.measurement().id(), name);
                    if (other != null) {
                        problem(name, text, "the row also gives " + other + "; give one unit per measurement");
                    } else {
                        MeasurementColumns.read(c, text, builder);
                    }
                });
            }
            Measurements.Result result = builder.build();
            FactorDerivation.Derivation derivation = FactorDerivation.derive(result.measurements());
            List<MeasurementProblem> all = new ArrayList<>(result.problems());
            all.addAll(derivation.problems());
            for (MeasurementProblem p : all) {
                String column = columnOf.getOrDefault(p.measurement(), p.measurement());
                problem(column, cell(column), p.detail() + "; allowed: " + p.allowed());
            }
            return derivation;
        }

        private void readFactor(Factor factor, Procedure procedure, Map<String, Object> factors,
                                FactorDerivation.Derivation derived) {
            String text = cell(factor.id());
            if (procedure == null) {
                // Which factors apply is unknown, but a value that fits no procedure is still a problem to report.
                if (!text.isEmpty()) {
                    try {
                        factor.parseCsv(text);
                    } catch (IllegalArgumentException e) {
                        problem(factor.id(), text, e.getMessage());
                    }
                }
                return;
            }
            if (!factor.usedIn(procedure)) {
                if (!text.isEmpty()) {
                    problem(factor.id(), text, "must be empty for " + procedure.name() + " patients");
                }
                return;
            }
            Object fromMeasurements = derived.factors().get(factor.id());
            if (text.isEmpty()) {
                if (fromMeasurements != null) {
                    factors.put(factor.id(), fromMeasurements);
                } else {
                    List<String> needed = derived.incomplete().getOrDefault(factor.id(), List.of());
                    problem(factor.id(), text, "missing; required for " + procedure.name() + " patients"
                            + (needed.isEmpty() ? "" : " (the measurement cells also need "
                            + String.join(", ", needed) + ")"));
                }
                return;
            }
            try {
                Object value = factor.parseCsv(text);
                if (fromMeasurements != null && !fromMeasurements.equals(value)) {
                    problem(factor.id(), text, "contradicts the value " + factor.formatCsv(fromMeasurements)
                            + " derived from the measurement cells ("
                            + derived.of(factor.id()).orElseThrow().rule() + ")");
                    return;
                }
                factors.put(factor.id(), value);
            } catch (IllegalArgumentException e) {
                problem(factor.id(), text, e.getMessage());
            }
        }

        private Double months(String column) {
            String text = cell(column);
            if (text.isEmpty()) {
                return null;
            }
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value) && value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(column, text, "must be empty or a number of months >= 0");
            return null;
        }

        private Integer outcome() {
            String text = cell(GOOD_EFFICACY);
            if (text.isEmpty() && (mode == Mode.SCORING)) {
                return null;
            }
            if (text.equals("0") || text.equals("1")) {
                return Integer.valueOf(text);
            }
            problem(GOOD_EFFICACY, text, text.isEmpty() ? "missing; must be 0 or 1" : "must be 0 or 1");
            return null;
        }

        private String cell(String column) {
            return header.contains(column) ? row.get(column) : "";
        }

        private void problem(String column, String value, String message) {
            problems.add(new CohortProblem(line, column, value, message));
        }
    }

}
