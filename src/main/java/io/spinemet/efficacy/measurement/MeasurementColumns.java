package io.spinemet.efficacy.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Measurements as CSV columns, for cohort files that hold raw values instead of factors. A quantity has one column per
 * accepted unit, named {@code <id>_<unit>} with {@code /} written {@code _} ({@code per_} when leading) and {@code *}
 * written {@code e}: {@code serumAlbumin_g_L}, {@code serumAlbumin_g_dL}, {@code leukocyteCount_10e9_L},
 * {@code leukocyteCount_per_uL}. Every other measurement has one column named by its id. Cells: plain decimal numbers,
 * integers, codes, {@code YYYY-MM-DD} dates, and ATC codes separated by {@code ;} ({@code NONE} for no drug). An empty
 * cell is "not recorded".
 */
public final class MeasurementColumns {

    /**
     * One column.
     *
     * @param name        the header
     * @param measurement what it holds
     * @param unit        the unit of a quantity column, otherwise {@code null}
     */
    public record Column(String name, Measurement measurement, String unit) {
    }

    /** Every measurement column, in catalogue order. */
    public static final List<Column> COLUMNS;

    private static final Map<String, Column> BY_NAME = new LinkedHashMap<>();
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    static {
        List<Column> columns = new ArrayList<>();
        for (Measurement m : MeasurementCatalogue.MEASUREMENTS) {
            if (m.valueType() == ValueType.QUANTITY) {
                m.units().forEach(u -> columns.add(new Column(m.id() + "_" + token(u), m, u)));
            } else {
                columns.add(new Column(m.id(), m, null));
            }
        }
        COLUMNS = List.copyOf(columns);
        COLUMNS.forEach(c -> BY_NAME.put(c.name(), c));
    }

    private MeasurementColumns() {
    }

    public static Optional<Column> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** A UCUM unit as a column-name token: {@code g/dL} to {@code g_dL}, {@code /uL} to {@code per_uL}. */
    static String token(String unit) {
        String t = unit.replace('*', 'e');
        return (t.startsWith("/") ? "per" + t : t).replace('/', '_');
    }

    /**
     * Reads a non-empty cell of {@code column} into {@code builder}; a cell that is not well-formed is a problem of
     * the measurement, reported through the builder like any other.
     */
    public static void read(Column column, String cell, Measurements.Builder builder) {
        Measurement m = column.measurement();
        String id = m.id();
        String text = cell.trim();
        switch (m.valueType()) {
            case QUANTITY -> {
                if (DECIMAL.matcher(text).matches()) {
                    builder.quantity(id, new BigDecimal(text), column.unit());
                } else {
                    builder.problem(id, "not a decimal number", "a number from " + m.range().describe());
                }
            }
            case INTEGER -> {
                if (INTEGER.matcher(text).matches()) {
                    builder.integer(id, Integer.parseInt(text));
                } else {
                    builder.problem(id, "not a whole number", m.allowed());
                }
            }
            case CODE -> builder.code(id, text);
            case CODE_LIST -> builder.codes(id, text.equals("NONE") ? List.of()
                    : Arrays.stream(text.split(";", -1)).map(String::trim).toList());
            case DATE -> {
                try {
                    builder.date(id, LocalDate.parse(text, ISO));
                } catch (DateTimeParseException e) {
                    builder.problem(id, "not a calendar date YYYY-MM-DD", m.allowed());
                }
            }
            default -> throw new IllegalStateException(m.valueType().name());
        }
    }
}
