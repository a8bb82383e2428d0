package io.spinemet.efficacy.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.measurement.MeasurementJson;
import io.spinemet.efficacy.scoring.LoadedModel;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict validation of JSON request bodies against the factor catalogue. Nothing is coerced ({@code "true"} and
 * {@code 1} are not booleans, {@code "2"} and {@code 2.0} are not integers), unknown fields are errors at every level,
 * and every problem is collected with its JSON Pointer so one response names them all. Plain Java: testable without
 * HTTP.
 */
public final class RequestValidator {

    /** Strict tree parser: duplicate keys and trailing content are malformed JSON. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One shared string for every unknown-factor error. */
    private static final String FACTOR_IDS = "the factor ids " + String.join(", ", FactorCatalogue.ids());

    private RequestValidator() {
    }

    /**
     * Parses a body as JSON.
     *
     * @throws ProblemException 400 when empty or malformed; the message gives only the position, never content
     */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(400, ProblemException.MALFORMED_JSON, "Malformed JSON",
                    "The request body is empty; a JSON object is required.", List.of(FieldError.at("",
                    "the body is empty", "a JSON object")));
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(400, ProblemException.MALFORMED_JSON, "Malformed JSON",
                        "The request body holds no JSON value.", List.of(FieldError.at("", "no JSON value",
                        "a JSON object")));
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e.getClass().getSimpleName().contains("Duplicate") || String.valueOf(e.getOriginalMessage())
                    .startsWith("Duplicate field") ? "a duplicate field name" : "malformed JSON";
            throw new ProblemException(400, ProblemException.MALFORMED_JSON, "Malformed JSON",
                    "The request body is not valid JSON: " + what + where + ".",
                    List.of(FieldError.at("", what + where, "a single JSON object (RFC 8259), each field once")));
        } catch (IOException e) {
            throw new ProblemException(400, ProblemException.MALFORMED_JSON, "Malformed JSON",
                    "The request body could not be read as JSON.", List.of(FieldError.at("", "unreadable",
                    "a JSON object")));
        }
    }

    /** The node as an object, or an error at {@code pointer}. */
    public static ObjectNode object(JsonNode node, String pointer, List<FieldError> errors) {
        if (node instanceof ObjectNode o) {
            return o;
        }
        errors.add(FieldError.at(pointer, "must be a JSON object; got " + describe(node), "a JSON object"));
        return null;
    }

    /** Reports every field of {@code object} not in {@code allowed}. */
    public static void onlyFields(ObjectNode object, String pointer, Set<String> allowed, List<FieldError> errors) {
        String fields = null;
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                if (fields == null) {
                    fields = "the fields " + String.join(", ", allowed.stream().sorted().toList());
                }
                errors.add(FieldError.at(JsonPointer.child(pointer, name), "unknown field", fields));
            }
        }
    }

    /** The required {@code procedure} field of {@code parent}; {@code null} after reporting a problem. */
    public static Procedure procedure(ObjectNode parent, String parentPointer, List<FieldError> errors) {
        JsonNode node = parent.get("procedure");
        String problem;
        if (node == null) {
            problem = "required";
        } else if (!node.isTextual()) {
            problem = "must be a JSON string; got " + describe(node);
        } else {
            Procedure p = Procedure.parse(node.textValue()).orElse(null);
            if (p != null) {
                return p;
            }
            problem = "not a known procedure";
        }
        errors.add(FieldError.at(JsonPointer.child(parentPointer, "procedure"), problem,
                "one of " + Procedure.allowed()));
        return null;
    }

    /**
     * The required {@code factors} object of {@code parent}, validated against the catalogue.
     *
     * @return the valid values (Boolean, Integer or level String) in catalogue order, or {@code null} when the field
     *         is missing or not an object (reported)
     */
    public static Map<String, Object> factors(ObjectNode parent, String parentPointer, List<FieldError> errors) {
        String pointer = JsonPointer.child(parentPointer, "factors");
        JsonNode node = parent.get("factors");
        if (node == null) {
            errors.add(FieldError.at(pointer, "required", "a JSON object of factor id to value"));
            return null;
        }
        ObjectNode factors = object(node, pointer, errors);
        if (factors == null) {
            return null;
        }
        Iterator<String> names = factors.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (FactorCatalogue.find(name).isEmpty()) {
                errors.add(FieldError.at(JsonPointer.child(pointer, name), "unknown factor", FACTOR_IDS));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Factor factor : FactorCatalogue.FACTORS) {
            JsonNode value = factors.get(factor.id());
            if (value != null) {
                Object typed = value(factor, value, pointer, errors);
                if (typed != null) {
                    values.put(factor.id(), typed);
                }
            }
        }
        return values;
    }

    /**
     * One factor value, typed without coercion; {@code null} after reporting a problem at the factor's pointer under
     * {@code factorsPointer}.
     */
    static Object value(Factor factor, JsonNode node, String factorsPointer, List<FieldError> errors) {
        String problem;
        switch (factor.type()) {
            case BOOLEAN -> {
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                problem = "must be a JSON boolean; got " + describe(node);
            }
            case INTEGER -> {
                if (node.isIntegralNumber() && node.canConvertToInt() && factor.allows(node.intValue())) {
                    return node.intValue();
                }
                problem = node.isIntegralNumber() ? "out of range" : "must be a JSON integer; got " + describe(node);
            }
            case CATEGORICAL -> {
                if (node.isTextual() && factor.levels().contains(node.textValue())) {
                    return node.textValue();
                }
                problem = node.isTextual() ? "not an allowed level" : "must be a JSON string; got " + describe(node);
            }
            default -> throw new IllegalStateException(factor.type().name());
        }
        errors.add(FieldError.at(JsonPointer.child(factorsPointer, factor.id()), problem, allowed(factor)));
        return null;
    }

    /**
     * One factor value on which a streaming parser stands (token {@code t}), typed as {@link #value} types it; {@code
     * null} where {@link #value} would report a problem.
     */
    static Object value(Factor factor, JsonParser p, JsonToken t) throws IOException {
        return switch (factor.type()) {
            case BOOLEAN -> t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
            case INTEGER -> t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                    && factor.allows(p.getIntValue()) ? p.getIntValue() : null;
            case CATEGORICAL -> t == JsonToken.VALUE_STRING && factor.levels().contains(p.getText()) ? p.getText()
                    : null;
        };
    }

    /** Reports every factor the model uses that the request does not give at all. */
    public static void requireModelFactors(LoadedModel model, ObjectNode parent, String parentPointer,
                                           List<FieldError> errors) {
        if (!(parent.get("factors") instanceof ObjectNode factors)) {
            return;
        }
        for (Factor f : model.factors()) {
            if (!factors.has(f.id())) {
                errors.add(FieldError.at(JsonPointer.child(JsonPointer.child(parentPointer, "factors"), f.id()),
                        "required by the " + model.procedure().name() + " model", allowed(f)));
            }
        }
    }

    /** What a valid JSON value of a factor looks like. */
    static String allowed(Factor factor) {
        return switch (factor.type()) {
            case BOOLEAN -> "true or false (JSON booleans)";
            case INTEGER -> "a JSON integer " + factor.allowedValues().substring("an integer ".length());
            case CATEGORICAL -> "one of " + String.join(", ", factor.levels());
        };
    }

    /** The JSON type of a node, never its content. */
    static String describe(JsonNode node) {
        return node == null ? "nothing" : MeasurementJson.describe(node);
    }
}
