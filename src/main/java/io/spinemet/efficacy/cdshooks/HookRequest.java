package io.spinemet.efficacy.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.api.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CDS Hooks service call, checked. Problems are reported all at once, by JSON Pointer, without quoting values.
 *
 * @param hook         the hook that fired
 * @param hookInstance its UUID
 * @param fhirServer   the client's FHIR base URL, or {@code null}
 * @param accessToken  {@code fhirAuthorization.access_token}, or {@code null}
 * @param patientId    {@code context.patientId}
 * @param context      the whole context object
 * @param prefetch     the prefetch object, or {@code null}
 */
public record HookRequest(String hook, String hookInstance, URI fhirServer, String accessToken, String patientId,
                          JsonNode context, ObjectNode prefetch) {

    /** A FHIR resource id (FHIR R4 datatypes: id). */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /** Whether the service may query the client's FHIR server itself. */
    public boolean canFetch() {
        return fhirServer != null && accessToken != null;
    }

    static HookRequest parse(JsonNode body, CdsServiceDefinitions.Service service) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(List.of(FieldError.at("", "must be a JSON object", "a CDS Hooks request")));
        }
        String hook = text(body, "hook", errors);
        if (hook != null && !hook.equals(service.hook())) {
            errors.add(FieldError.at("/hook", "this service answers another hook", service.hook()));
        }
        String hookInstance = text(body, "hookInstance", errors);
        JsonNode context = body.get("context");
        String patientId = null;
        if (context == null || !context.isObject()) {
            errors.add(FieldError.at("/context", "required object is missing", "the hook's context"));
        } else {
            patientId = text(context, "patientId", errors, "/context/patientId");
            if (patientId != null && !FHIR_ID.matcher(patientId).matches()) {
                errors.add(FieldError.at("/context/patientId", "is not a FHIR id", "1-64 of A-Z a-z 0-9 - ."));
                patientId = null;
            }
        }
        URI fhirServer = null;
        if (body.has("fhirServer")) {
            fhirServer = fhirServer(body.get("fhirServer"), errors);
        }
        String accessToken = null;
        JsonNode auth = body.get("fhirAuthorization");
        if (auth != null) {
            if (!auth.isObject()) {
                errors.add(FieldError.at("/fhirAuthorization", "must be an object", "access_token, token_type, ..."));
            } else {
                accessToken = text(auth, "access_token", errors, "/fhirAuthorization/access_token");
                JsonNode type = auth.get("token_type");
                if (type == null || !"Bearer".equalsIgnoreCase(type.asText())) {
                    errors.add(FieldError.at("/fhirAuthorization/token_type", "must be Bearer", "Bearer"));
                }
                if (!body.has("fhirServer")) {
                    errors.add(FieldError.at("/fhirServer", "is required with fhirAuthorization",
                            "the FHIR server's base URL"));
                }
            }
        }
        ObjectNode prefetch = null;
        JsonNode p = body.get("prefetch");
        if (p != null && !p.isNull()) {
            if (p.isObject()) {
                prefetch = (ObjectNode) p;
                p.fieldNames().forEachRemaining(key -> {
                    if (!service.prefetch().containsKey(key)) {
                        errors.add(FieldError.at("/prefetch/" + key, "is not a prefetch key of this service",
                                String.join(", ", service.prefetch().keySet())));
                    }
                });
            } else {
                errors.add(FieldError.at("/prefetch", "must be an object", "prefetch key to FHIR resource"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new HookRequest(hook, hookInstance, fhirServer, accessToken, patientId, context, prefetch);
    }

    private static URI fhirServer(JsonNode node, List<FieldError> errors) {
        if (node.isTextual()) {
            try {
                URI uri = new URI(node.asText());
                if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                        && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                    String s = uri.toString();
                    return URI.create(s.endsWith("/") ? s : s + "/");
                }
            } catch (URISyntaxException e) {
                // reported below
            }
        }
        errors.add(FieldError.at("/fhirServer", "is not an absolute http(s) URL", "the FHIR server's base URL"));
        return null;
    }

    private static String text(JsonNode node, String field, List<FieldError> errors) {
        return text(node, field, errors, "/" + field);
    }

    private static String text(JsonNode node, String field, List<FieldError> errors, String pointer) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(FieldError.at(pointer, "required field is missing", "a non-empty string"));
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(FieldError.at(pointer, "must be a non-empty string", "a non-empty string"));
            return null;
        }
        return value.asText();
    }
}
