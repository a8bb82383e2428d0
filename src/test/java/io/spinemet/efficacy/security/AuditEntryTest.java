package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit line: valid JSON on one line, fields in the documented order, absent ones left out, strings escaped. */
class AuditEntryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyFieldInOrderWithHostileStringsEscaped() throws Exception {
        AuditEntry e = new AuditEntry("0123456789abcdef0123456789abcdef");
        e.time = Instant.parse("2026-12-03T10:15:30.123456789Z");
        e.method = "POST";
        e.endpoint = "/api/v1/predictions";
        e.status = 200;
        e.latencyMs = 1.25;
        String sub = "a \"quoted\" \\ sub\nwith a newline, a tab\t, \u0001 and ünïcödé";
        e.caller = new AuditEntry.Caller("https://idp.example/realms/x", sub, null);
        e.remote = "127.0.0.1";
        e.model("PVP", "spinemet-efficacy-pvp", "1.0.0+abc", "a6b6");
        e.model("DECOMPRESSION", "spinemet-efficacy-decompression", "1.0.0+def", "c0ff");
        e.scored();
        e.scored();
        String line = e.toJson();
        assertFalse(line.contains("\n"), line);
        JsonNode a = JSON.readTree(line);
        assertEquals(List.of("time", "requestId", "method", "endpoint", "status", "latencyMs", "caller", "remote",
                "procedures", "models", "records"), names(a));
        assertEquals("2026-12-03T10:15:30.123456789Z", a.get("time").asText());
        assertEquals(200, a.get("status").intValue());
        assertEquals(1.25, a.get("latencyMs").doubleValue());
        assertEquals(List.of("iss", "sub"), names(a.get("caller")));
        assertEquals(sub, a.get("caller").get("sub").asText());
        assertEquals("[\"PVP\",\"DECOMPRESSION\"]", a.get("procedures").toString());
        assertEquals(2, a.get("models").size());
        assertEquals(List.of("id", "version", "sha256"), names(a.get("models").get(1)));
        assertEquals("c0ff", a.get("models").get(1).get("sha256").asText());
        assertEquals(2, a.get("records").intValue());
    }

    @Test
    void aRefusedCallHasOnlyWhatIsKnown() throws Exception {
        AuditEntry e = new AuditEntry("ffffffffffffffffffffffffffffffff");
        e.status = 401;
        e.check = "token-expired";
        JsonNode a = JSON.readTree(e.toJson());
        assertEquals(List.of("requestId", "status", "latencyMs", "check"), names(a));
        assertEquals(0.0, a.get("latencyMs").doubleValue());
        assertEquals("{\"requestId\":\"ffffffffffffffffffffffffffffffff\",\"status\":401,\"latencyMs\":0.0,"
                + "\"check\":\"token-expired\"}", e.toJson());
    }
}
