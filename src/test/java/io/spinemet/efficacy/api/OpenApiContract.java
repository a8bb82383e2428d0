package io.spinemet.efficacy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every response the API tests receive against the committed OpenAPI document (openapi/openapi.json): the
 * status must be documented for the operation, and a JSON body must validate against the documented schema (JSON
 * Schema 2020-12, the dialect of OpenAPI 3.1). Installed as a RestAssured filter by {@link Problems#useDoubles()}.
 */
public final class OpenApiContract implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static volatile boolean installed;

    private final JsonNode document;
    private final Map<Pattern, String> templates = new LinkedHashMap<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(JsonNode document) {
        this.document = document;
        Iterator<String> paths = document.get("paths").fieldNames();
        while (paths.hasNext()) {
            String template = paths.next();
            StringBuilder regex = new StringBuilder();
            for (String part : template.split("\\{[^}]+}", -1)) {
                regex.append(regex.isEmpty() ? "" : "[^/]+").append(Pattern.quote(part));
            }
            templates.put(Pattern.compile(regex.toString()), template);
        }
    }

    /** The committed document. */
    static OpenApiContract committed() {
        try {
            return new OpenApiContract(JSON.readTree(Path.of("openapi/openapi.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the check to every RestAssured request of this JVM, once. */
    static synchronized void install() {
        if (!installed) {
            RestAssured.filters(committed());
            installed = true;
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getPath();
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        String problem = check(path, method, answer.statusCode(), answer.contentType(), answer.asByteArray());
        if (problem != null) {
            throw new AssertionError(method.toUpperCase(Locale.ROOT) + " " + path + " -> " + answer.statusCode()
                    + ": " + problem);
        }
        return answer;
    }

    /**
     * @return why the response breaks the document, or {@code null} when it conforms (or is not an API operation)
     */
    String check(String path, String method, int status, String contentType, byte[] body) {
        String template = template(path);
        if (template == null) {
            return null; // not part of the documented API (/q/..., test-only routes)
        }
        JsonNode operation = document.get("paths").get(template).get(method);
        if (operation == null) {
            return status == 405 ? null : "the method is not documented for " + template;
        }
        JsonNode responses = operation.get("responses");
        JsonNode documented = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.get("default");
        if (documented == null) {
            return status >= 500 || Set.of(404, 405).contains(status) ? null
                    : "status " + status + " is not documented (documented: " + iterable(responses) + ")";
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        JsonNode content = documented.get("content");
        if (content == null || type.isEmpty()) {
            return null;
        }
        JsonNode media = content.get(type);
        if (media == null) {
            return "content type " + type + " is not documented (documented: " + iterable(content) + ")";
        }
        JsonNode schema = media.get("schema");
        if (schema == null || !type.endsWith("json")) {
            return null;
        }
        try {
            JsonNode instance = JSON.readTree(body);
            Set<ValidationMessage> errors = schema(template + " " + method + " " + status + " " + type, schema)
                    .validate(instance);
            return errors.isEmpty() ? null : errors.stream().limit(10).map(ValidationMessage::getMessage).toList()
                    .toString();
        } catch (IOException e) {
            return "the body is not JSON";
        }
    }

    /** A schema that resolves {@code #/components/...} against the document's components. */
    private JsonSchema schema(String key, JsonNode schema) {
        return schemas.computeIfAbsent(key, k -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", document.get("components"));
            root.putArray("allOf").add(schema);
            return FACTORY.getSchema(root);
        });
    }

    private String template(String path) {
        for (Map.Entry<Pattern, String> e : templates.entrySet()) {
            if (e.getKey().matcher(path).matches()) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String iterable(JsonNode object) {
        StringBuilder names = new StringBuilder();
        object.fieldNames().forEachRemaining(n -> names.append(names.isEmpty() ? "" : ", ").append(n));
        return names.toString();
    }
}
