package io.spinemet.efficacy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is valid: the swagger-parser OpenAPI 3 validator reports nothing, every schema is
 * a valid JSON Schema 2020-12 schema (the meta-schema forbids a repeated {@code required} entry), and operationIds
 * are unique and say what they do. Responses are checked against it by {@link OpenApiContract} in every API test.
 */
class OpenApiValidityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void swaggerParserFindsNoProblemInEitherForm() throws Exception {
        for (String name : List.of("openapi.yaml", "openapi.json")) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(
                    Files.readString(Path.of("openapi", name), StandardCharsets.UTF_8), null, options);
            assertNotNull(result.getOpenAPI(), name + ": " + result.getMessages());
            assertEquals(List.of(), result.getMessages(), name);
            assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        }
    }

    @Test
    void everySchemaIsAValidJsonSchemaWithoutRepeatedRequiredEntries() throws Exception {
        JsonNode doc = JSON.readTree(Path.of("openapi/openapi.json").toFile());
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<String> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> schemas = doc.get("components").get("schemas").fields();
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            for (ValidationMessage m : meta.validate(schema.getValue())) {
                problems.add(schema.getKey() + ": " + m.getMessage());
            }
        }
        repeatedRequired(doc, "", problems);
        assertEquals(List.of(), problems);
    }

    private static void repeatedRequired(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            JsonNode required = node.get("required");
            if (required != null && required.isArray()) {
                Set<String> seen = new HashSet<>();
                required.forEach(r -> {
                    if (!seen.add(r.asText())) {
                        problems.add(at + ": required lists " + r.asText() + " twice");
                    }
                });
            }
            node.fields().forEachRemaining(e -> repeatedRequired(e.getValue(), at + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                repeatedRequired(node.get(i), at + "/" + i, problems);
            }
        }
    }

    @Test
    void operationIdsAreUniqueAndSayWhatTheyDo() throws Exception {
        JsonNode paths = JSON.readTree(Path.of("openapi/openapi.json").toFile()).get("paths");
        assertEquals("predictOne", paths.at("/~1api~1v1~1predictions/post/operationId").asText());
        assertEquals("predictComparison", paths.at("/~1api~1v1~1predictions~1comparison/post/operationId").asText());
        assertEquals("predictBatch", paths.at("/~1api~1v1~1predictions~1batch/post/operationId").asText());
        assertEquals("getModelCard", paths.at("/~1api~1v1~1models~1{procedure}/get/operationId").asText());
        assertEquals("getModelCardMarkdown",
                paths.at("/~1api~1v1~1models~1{procedure}~1card.md/get/operationId").asText());
        assertEquals("listModels", paths.at("/~1api~1v1~1models/get/operationId").asText());
        assertEquals("listFactors", paths.at("/~1api~1v1~1factors/get/operationId").asText());
        Set<String> ids = new HashSet<>();
        paths.forEach(p -> p.forEach(op -> assertTrue(ids.add(op.get("operationId").asText()), ids.toString())));
    }

    @Test
    void theContractCheckCatchesANullAndAnUndocumentedStatus() {
        OpenApiContract contract = OpenApiContract.committed();
        String ok = "[{\"id\": \"x\", \"label\": \"x\", \"type\": \"BOOLEAN\", \"modifiable\": false}]";
        assertNull(contract.check("/api/v1/factors", "get", 200, "application/json", bytes(ok)));
        String withNull = "[{\"id\": \"x\", \"label\": \"x\", \"type\": \"BOOLEAN\", \"minimum\": null, "
                + "\"modifiable\": false}]";
        assertNotNull(contract.check("/api/v1/factors", "get", 200, "application/json", bytes(withNull)));
        assertNotNull(contract.check("/api/v1/factors", "get", 418, "application/json", bytes(ok)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
