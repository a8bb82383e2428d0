package io.spinemet.efficacy.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The CDS Hooks 2.0 rules a discovery document and a card must meet, as assertions. */
final class CdsSpecRules {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private CdsSpecRules() {
    }

    /** "JSON elements SHALL NOT be null ... or empty": no null, "", [] or {} anywhere below {@code node}. */
    static void noNullOrEmpty(JsonNode node, String at) {
        if (node.isNull()) {
            fail(at + " is null");
        }
        if (node.isTextual() && node.asText().isEmpty()) {
            fail(at + " is an empty string");
        }
        if ((node.isArray() || node.isObject()) && node.isEmpty()) {
            fail(at + " is empty");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noNullOrEmpty(node.get(i), at + "/" + i);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            noNullOrEmpty(e.getValue(), at + "/" + e.getKey());
        }
    }

    static void discovery(JsonNode discovery) {
        assertTrue(discovery.get("services").isArray());
        noNullOrEmpty(discovery, "");
        for (JsonNode s : discovery.get("services")) {
            for (String required : new String[] {"hook", "id", "description"}) {
                assertTrue(s.path(required).isTextual(), "service needs " + required);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("prefetch").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> t = it.next();
                assertTrue(t.getValue().isTextual());
                // tokens only from the context (CDS Hooks "Prefetch tokens")
                assertFalse(t.getValue().asText().replace("{{context.patientId}}", "").contains("{{"),
                        t.getKey() + " uses a token other than context.patientId");
            }
        }
    }

    static void response(JsonNode response) {
        assertTrue(response.get("cards").isArray(), "cards is required");
        for (int i = 0; i < response.get("cards").size(); i++) {
            card(response.get("cards").get(i));
        }
    }

    static void card(JsonNode card) {
        noNullOrEmpty(card, "card");
        assertTrue(UUID.matcher(card.path("uuid").asText()).matches(), "uuid");
        String summary = card.path("summary").asText();
        assertFalse(summary.isBlank());
        assertTrue(summary.length() < 140, "summary has " + summary.length() + " characters");
        assertTrue(Set.of("info", "warning").contains(card.path("indicator").asText()), "indicator");
        assertTrue(card.path("detail").isTextual());
        JsonNode source = card.path("source");
        assertTrue(source.path("label").isTextual());
        for (JsonNode p : card.path("extension").path(CardBuilder.EXTENSION).path("predictions")) {
            String model = p.path("model").path("id").asText() + " " + p.path("model").path("version").asText();
            assertTrue(source.path("label").asText().contains(model), "source.label names the model " + model);
        }
        for (JsonNode link : card.path("links")) {
            assertEquals("absolute", link.path("type").asText());
            URI url = URI.create(link.path("url").asText());
            assertTrue(url.isAbsolute());
            assertTrue(url.getPath().matches("/models/(pvp|decompression)"), "links go to a model card page");
            assertTrue(link.path("label").isTextual());
        }
    }
}
