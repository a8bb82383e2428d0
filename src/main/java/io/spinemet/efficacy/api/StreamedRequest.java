package io.spinemet.efficacy.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.measurement.MeasurementJson;
import io.spinemet.efficacy.measurement.Measurements;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A single-prediction body read with Jackson's streaming parser straight into factor values and measurements,
 * without building a JSON tree: the common case, a well-formed request, costs less to read (issue 9 §6).
 *
 * <p>It takes only a body in which every field is known and every value has the expected JSON type, each typed as
 * {@link RequestValidator} types it. For any other body (malformed, a duplicate or unknown field, a wrong type) it
 * gives {@code null}, and the request is read as a tree by {@link RequestValidator}, which names every problem. So
 * the problems of an invalid request are found in one place only, and a valid one gets the same answer either way
 * ({@code StreamedRequestTest} compares the two).
 *
 * @param procedure    the procedure
 * @param factors      the valid factor values in catalogue order; {@code null} when {@code factors} is absent
 * @param factorNames  the names in {@code factors} (a set of this request's own, which the reading of its inputs
 *                     extends)
 * @param measurements the measurements read; {@code null} when {@code measurements} is absent
 */
record StreamedRequest(Procedure procedure, Map<String, Object> factors, Set<String> factorNames,
                       Measurements.Builder measurements) {

    /** The request in {@code body}, or {@code null} when it must be read as a tree (see above). */
    static StreamedRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonParser p = RequestValidator.MAPPER.createParser(body)) {
            return p.nextToken() == JsonToken.START_OBJECT ? request(p) : null;
        } catch (IOException | RuntimeException e) {
            return null; // malformed, or a duplicate field: the tree reader reports it
        }
    }

    private static StreamedRequest request(JsonParser p) throws IOException {
        Procedure procedure = null;
        Map<String, Object> factors = null;
        Set<String> names = new HashSet<>();
        Measurements.Builder measurements = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "procedure" -> {
                    procedure = t == JsonToken.VALUE_STRING ? Procedure.parse(p.getText()).orElse(null) : null;
                    if (procedure == null) {
                        return null;
                    }
                }
                case "factors" -> {
                    if (t != JsonToken.START_OBJECT) {
                        return null;
                    }
                    factors = factors(p, names);
                    if (factors == null) {
                        return null;
                    }
                }
                case "measurements" -> {
                    measurements = Measurements.builder();
                    if (!MeasurementJson.read(p, measurements)) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        boolean complete = procedure != null && (factors != null || measurements != null);
        return complete && p.nextToken() == null ? new StreamedRequest(procedure, factors, names, measurements) : null;
    }

    /** The factors object's values in catalogue order, its names into {@code names}; {@code null} at a problem. */
    private static Map<String, Object> factors(JsonParser p, Set<String> names) throws IOException {
        Map<String, Object> read = new HashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            Factor factor = FactorCatalogue.find(name).orElse(null);
            Object value = factor == null ? null : RequestValidator.value(factor, p, p.nextToken());
            if (value == null) {
                return null;
            }
            read.put(name, value);
            names.add(name);
        }
        Map<String, Object> inCatalogueOrder = new LinkedHashMap<>();
        for (Factor factor : FactorCatalogue.FACTORS) {
            Object value = read.get(factor.id());
            if (value != null) {
                inCatalogueOrder.put(factor.id(), value);
            }
        }
        return inCatalogueOrder;
    }
}
