package io.spinemet.efficacy.measurement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON {@code "measurements"} object of contract C into a {@link Measurements.Builder}, strictly: a number
 * is never read from a string, an integer never from {@code 2.0}, and every problem is reported with its path.
 */
public final class MeasurementJson {

    private MeasurementJson() {
    }

    /** Reads every field of {@code measurements} (a JSON object) into {@code builder}. */
    public static Measurements.Builder read(ObjectNode measurements, Measurements.Builder builder) {
        Iterator<Map.Entry<String, JsonNode>> fields = measurements.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String id = field.getKey();
            Optional<Measurement> m = MeasurementCatalogue.find(id);
            if (m.isEmpty()) {
                builder.problem(id, "unknown measurement", "the measurement ids "
                        + String.join(", ", MeasurementCatalogue.ids()));
                continue;
            }
            value(m.get(), field.getValue(), builder);
        }
        return builder;
    }

    /**
     * Reads the measurements object on which {@code p} stands ({@link JsonToken#START_OBJECT}) into {@code builder},
     * for a request read without a JSON tree. It takes only values of the expected JSON type, each exactly as
     * {@link #read(ObjectNode, Measurements.Builder)} takes it; at the first other one (an unknown id, a wrong type, a
     * field other than {@code value} and {@code unit}, a string that is no date) it returns {@code false}, and the
     * request must be read as a tree, which names every problem.
     */
    public static boolean read(JsonParser p, Measurements.Builder builder) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return false;
        }
        for (String id = p.nextFieldName(); id != null; id = p.nextFieldName()) {
            Measurement m = MeasurementCatalogue.find(id).orElse(null);
            if (m == null || !value(m, p, p.nextToken(), builder)) {
                return false;
            }
        }
        return true;
    }

    private static boolean value(Measurement m, JsonParser p, JsonToken t, Measurements.Builder builder)
            throws IOException {
        String id = m.id();
        switch (m.valueType()) {
            case QUANTITY -> {
                return t == JsonToken.START_OBJECT && quantity(id, p, builder);
            }
            case INTEGER -> {
                if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                    return false;
                }
                builder.integer(id, p.getIntValue());
            }
            case CODE -> {
                if (t != JsonToken.VALUE_STRING) {
                    return false;
                }
                builder.code(id, p.getText());
            }
            case CODE_LIST -> {
                if (t != JsonToken.START_ARRAY) {
                    return false;
                }
                List<String> codes = new ArrayList<>();
                for (t = p.nextToken(); t == JsonToken.VALUE_STRING; t = p.nextToken()) {
                    codes.add(p.getText());
                }
                if (t != JsonToken.END_ARRAY) {
                    return false;
                }
                builder.codes(id, codes);
            }
            case DATE -> {
                LocalDate date = t == JsonToken.VALUE_STRING ? date(p.getText()) : null;
                if (date == null) {
                    return false;
                }
                builder.date(id, date);
            }
            default -> throw new IllegalStateException(m.valueType().name());
        }
        return true;
    }

    /** A quantity object {@code {"value", "unit"}}, each once; {@code false} for anything else. */
    private static boolean quantity(String id, JsonParser p, Measurements.Builder builder) throws IOException {
        BigDecimal value = null;
        String unit = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            if (name.equals("value") && value == null) {
                value = number(p, t);
                if (value == null) {
                    return false;
                }
            } else if (name.equals("unit") && unit == null && t == JsonToken.VALUE_STRING) {
                unit = p.getText();
            } else {
                return false;
            }
        }
        if (value == null || unit == null) {
            return false;
        }
        builder.quantity(id, value, unit);
        return true;
    }

    /**
     * A JSON number as the tree's {@link JsonNode#decimalValue()} gives it: an {@code int} exactly, a number with a
     * fraction or exponent through its {@code double} (the tree holds it as one); {@code null} for anything else.
     */
    private static BigDecimal number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return BigDecimal.valueOf(p.getIntValue());
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }

    private static void value(Measurement m, JsonNode node, Measurements.Builder builder) {
        String id = m.id();
        switch (m.valueType()) {
            case QUANTITY -> quantity(m, node, builder);
            case INTEGER -> {
                if (node.isIntegralNumber() && node.canConvertToInt()) {
                    builder.integer(id, node.intValue());
                } else {
                    builder.problem(id, node.isIntegralNumber() ? "outside " + id + " (" + m.range().describe() + ")"
                            : "must be a JSON integer; got " + describe(node), m.allowed());
                }
            }
            case CODE -> {
                if (node.isTextual()) {
                    builder.code(id, node.textValue());
                } else {
                    builder.problem(id, "must be a JSON string; got " + describe(node), m.allowed());
                }
            }
            case CODE_LIST -> {
                if (!(node instanceof ArrayNode array)) {
                    builder.problem(id, "must be a JSON array of strings; got " + describe(node), m.allowed());
                    return;
                }
                List<String> codes = new ArrayList<>(array.size());
                boolean ok = true;
                for (int i = 0; i < array.size(); i++) {
                    JsonNode code = array.get(i);
                    if (code.isTextual()) {
                        codes.add(code.textValue());
                    } else {
                        builder.problem(id, Integer.toString(i), "must be a JSON string; got " + describe(code), m.allowed());
                        ok = false;
                    }
                }
                if (ok) {
                    builder.codes(id, codes);
                }
            }
            case DATE -> {
                LocalDate date = node.isTextual() ? date(node.textValue()) : null;
                if (date == null) {
                    builder.problem(id, node.isTextual() ? "not a calendar date YYYY-MM-DD"
                            : "must be a JSON string; got " + describe(node), m.allowed());
                } else {
                    builder.date(id, date);
                }
            }
            default -> throw new IllegalStateException(m.valueType().name());
        }
    }

    private static void quantity(Measurement m, JsonNode node, Measurements.Builder builder) {
        String id = m.id();
        if (!(node instanceof ObjectNode q)) {
            builder.problem(id, "must be a JSON object {\"value\", \"unit\"}; got " + describe(node), m.allowed());
            return;
        }
        boolean ok = true;
        Iterator<String> names = q.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("value") && !name.equals("unit")) {
                builder.problem(id, name, "unknown field", "the fields unit, value");
                ok = false;
            }
        }
        JsonNode value = q.get("value");
        JsonNode unit = q.get("unit");
        if (value == null || !value.isNumber()) {
            builder.problem(id, "value", value == null ? "required" : "must be a JSON number; got "
                    + describe(value), "a number from " + m.range().describe());
            ok = false;
        }
        if (unit == null || !unit.isTextual()) {
            builder.problem(id, "unit", unit == null ? "required" : "must be a JSON string; got " + describe(unit),
                    "one of " + String.join(", ", m.units()) + " (UCUM codes, case-sensitive)");
            ok = false;
        }
        if (ok && !Double.isFinite(value.doubleValue())) {
            builder.beyondRange(id);
        } else if (ok) {
            builder.quantity(id, value.decimalValue(), unit.textValue());
        }
    }

    private static LocalDate date(String text) {
        if (!isoLayout(text)) {
            return null;
        }
        try {   // the pattern fixed the layout; LocalDate.of refuses a day the month does not have
            return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Whether {@code text} is laid out as {@code YYYY-MM-DD} in ASCII digits (the calendar is checked by LocalDate). */
    static boolean isoLayout(String text) {
        if (text.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            boolean ok = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The JSON type of a node, never its content. */
    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number with a fraction or exponent";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> "an unsupported value";
        };
    }
}
