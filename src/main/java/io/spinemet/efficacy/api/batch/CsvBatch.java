package io.spinemet.efficacy.api.batch;

import static io.spinemet.efficacy.cohort.CohortColumns.PATIENT_ID;
import static io.spinemet.efficacy.cohort.CohortColumns.PROCEDURE;

import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.api.ProblemException;
import io.spinemet.efficacy.api.problem.ErrorList;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.CohortColumns;
import io.spinemet.efficacy.scoring.LoadedModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a scoring CSV: the rules of a JSON batch, written as rows. Scoring CSV is not training CSV.
 * <ul>
 *   <li>The header needs {@code patientId} and {@code procedure}; every other column must be a catalogue factor or
 *   one of the cohort's outcome columns (echoed, not used). An unknown or repeated column makes the file unusable.</li>
 *   <li>Each row needs the factors its procedure's model uses. Other factor cells, when not empty, are validated as
 *   in JSON and reported as ignored. A bad row gets its own errors; the other rows are still scored.</li>
 *   <li>Comma, semicolon and tab delimiters are detected from the header line. Rows are CSV records: a quoted
 *   newline belongs to its record.</li>
 * </ul>
 * A 400 is only for a file that cannot be read at all: not UTF-8, no delimiter, broken quoting, a bad header.
 */
public final class CsvBatch {

    private static final String DELIMITERS = ",;\t";

    /** The file as read: its delimiter, its header and, per row, the cells as sent and the validated input. */
    public record Parsed(char delimiter, List<String> header, List<Row> rows) {
    }

    /** A data row: its cells as sent, and what validation made of them. */
    public record Row(List<String> cells, BatchInput input) {
    }

    private CsvBatch() {
    }

    /**
     * @param body      the request body
     * @param models    each procedure's model
     * @param maxRows   most rows accepted; more is a 413
     * @param tooMany   the 413 for a row count
     * @throws ProblemException 400 for a file that cannot be read, 413 for too many rows
     */
    public static Parsed read(byte[] body, Function<Procedure, LoadedModel> models, int maxRows,
                              Function<Long, ProblemException> tooMany) {
        String text = text(body);
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        Lines lines = new Lines(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw unreadable("The CSV has no header line.", null);
            }
            List<String> header = records.next().toList();
            checkHeader(header);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i), i);
            }
            BatchRules rules = new BatchRules();
            List<Row> rows = new ArrayList<>();
            long count = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (++count > maxRows) {
                    continue; // counted only, to say how many there were
                }
                long line = lines.lineAt(record.getCharacterPosition());
                ErrorList errors = rules.nextErrors();
                BatchInput input = new RowReader(record, line, (int) count - 1, header, columns, errors, models,
                        rules).read();
                rules.done(errors);
                rows.add(new Row(record.toList(), input));
            }
            if (count > maxRows) {
                throw tooMany.apply(count);
            }
            if (rows.isEmpty()) {
                throw unreadable("The CSV has a header but no rows.", 2L);
            }
            return new Parsed(delimiter, header, rows);
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            // Broken quoting and the like. The parser's message is left out: it can quote a cell.
            throw unreadable("The CSV cannot be parsed (for example, a quote that is never closed).", null);
        }
    }

    /** UTF-8 text without a byte-order mark. */
    private static String text(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable("The CSV is not UTF-8 text.", null);
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (text.isBlank()) {
            throw unreadable("The CSV is empty.", null);
        }
        return text;
    }

    /**
     * The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes.
     *
     * @throws ProblemException naming what was found when the line has none of them
     */
    static char delimiter(String text) {
        int[] counts = new int[DELIMITERS.length()];
        Map<Character, Integer> others = new HashMap<>();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                int d = DELIMITERS.indexOf(c);
                if (d >= 0) {
                    counts[d]++;
                } else if (!Character.isLetterOrDigit(c) && c != '_' && c != ' ') {
                    others.merge(c, 1, Integer::sum);
                }
            }
        }
        int best = 0;
        for (int d = 1; d < counts.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        if (counts[best] > 0) {
            return DELIMITERS.charAt(best);
        }
        String found = others.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> "; the most frequent other separator-like character is '" + printable(e.getKey())
                        + "' (" + e.getValue() + " times)").orElse("");
        throw new ProblemException(400, ProblemException.INVALID_CSV, "The CSV cannot be read",
                "The header line has no comma, semicolon or tab between its columns" + found + ".",
                List.of(new FieldError(null, 1L, null, "no column delimiter found" + found,
                        "columns separated by commas, semicolons or tabs")));
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    /** The header must name patientId and procedure, and only catalogue and outcome columns, each once. */
    private static void checkHeader(List<String> header) {
        ErrorList errors = new ErrorList();
        Set<String> seen = new HashSet<>();
        String allowed = null;
        for (String name : header) {
            boolean known = name.equals(PATIENT_ID) || name.equals(PROCEDURE)
                    || CohortColumns.OUTCOME.contains(name) || FactorCatalogue.find(name).isPresent();
            if (!known) {
                if (allowed == null) {
                    allowed = "the columns " + String.join(", ", CohortColumns.header());
                }
                errors.add(new FieldError(null, 1L, name, "unknown column", allowed));
            } else if (!seen.add(name)) {
                errors.add(new FieldError(null, 1L, name, "repeated column", "each column once"));
            }
        }
        for (String required : List.of(PATIENT_ID, PROCEDURE)) {
            if (!seen.contains(required)) {
                errors.add(new FieldError(null, 1L, required, "missing column", "a " + required + " column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemException.INVALID_CSV, "The CSV cannot be read",
                    ProblemException.summary(errors, "in the header") + " Nothing was scored.", errors);
        }
    }

    private static ProblemException unreadable(String detail, Long line) {
        return new ProblemException(400, ProblemException.INVALID_CSV, "The CSV cannot be read", detail,
                List.of(new FieldError(null, line, null, detail, "a UTF-8 CSV file with a header line and 1 to "
                        + "1,000 rows")));
    }

    /** Line numbers of character positions, computed forwards as the records are read. */
    private static final class Lines {
        private final String text;
        private int position;
        private long line = 1;

        Lines(String text) {
            this.text = text;
        }

        long lineAt(long characterPosition) {
            int target = (int) Math.min(characterPosition, text.length());
            for (; position < target; position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    /** Validates one row by the JSON rules. */
    private record RowReader(CSVRecord record, long line, int index, List<String> header,
                             Map<String, Integer> columns, ErrorList errors,
                             Function<Procedure, LoadedModel> models, BatchRules rules) {

        BatchInput read() {
            if (record.size() != header.size()) {
                errors.add(new FieldError(null, line, null, "the row has " + record.size() + " fields; the header "
                        + "has " + header.size(), header.size() + " fields"));
                return new BatchInput(index, line, null, null, Map.of(), errors, null, null);
            }
            String id = cell(PATIENT_ID);
            if (id.isEmpty()) {
                error(PATIENT_ID, "required", "a non-empty id (not a name or record number)");
                id = null;
            } else {
                String first = rules.duplicateOf(id, "line " + line);
                if (first != null) {
                    error(PATIENT_ID, "repeated id; first used on " + first, "each id once per batch");
                }
            }
            String procedureText = cell(PROCEDURE);
            Procedure procedure = null;
            for (Procedure p : Procedure.values()) {
                if (p.name().equals(procedureText)) {
                    procedure = p;
                }
            }
            if (procedure == null) {
                error(PROCEDURE, procedureText.isEmpty() ? "required" : "not a known procedure",
                        "one of " + Procedure.allowed());
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Factor f : FactorCatalogue.FACTORS) {
                String text = columns.containsKey(f.id()) ? cell(f.id()) : "";
                if (!text.isEmpty()) {
                    try {
                        values.put(f.id(), f.parseCsv(text));
                    } catch (IllegalArgumentException e) {
                        error(f.id(), "not a valid value", e.getMessage().replaceFirst("^must be ", ""));
                    }
                }
            }
            if (procedure != null) {
                LoadedModel model = models.apply(procedure);
                for (Factor f : model.factors()) {
                    if (!columns.containsKey(f.id()) || cell(f.id()).isEmpty()) {
                        error(f.id(), "required by the " + procedure.name() + " model", f.allowedValues());
                    }
                }
            }
            return new BatchInput(index, line, id, procedure, values, errors, null, null);
        }

        private String cell(String column) {
            return record.get(columns.get(column));
        }

        private void error(String column, String detail, String allowed) {
            errors.add(new FieldError(null, line, column, detail, allowed));
        }
    }
}
