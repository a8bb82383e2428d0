package io.spinemet.efficacy.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One API call's audit line, filled in as the request goes: who called, which endpoint, what status, which models
 * and how many records, and how long it took. It has no field that could hold a factor value, a measurement, a
 * patient id or a query string.
 */
public final class AuditEntry {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The authenticated caller: issuer, subject and client id (azp or client_id) of the token. */
    public record Caller(String iss, String sub, String clientId) {
    }

    /** A model used by the call. */
    public record Model(String id, String version, String sha256) {
    }

    /** When the response ended. */
    public Instant time;
    public final String requestId;
    public String method;
    public String endpoint;
    public int status;
    public double latencyMs;
    public Caller caller;
    public String remote;
    /** For a refused call: the failed check (e.g. {@code token-expired}, {@code rate-limit}). */
    public String check;
    public List<String> procedures;
    public List<Model> models;
    public Integer records;

    AuditEntry(String requestId) {
        this.requestId = requestId;
    }

    synchronized void model(String procedure, String id, String version, String sha256) {
        if (procedures == null) {
            procedures = new ArrayList<>(2);
            models = new ArrayList<>(2);
        }
        if (!procedures.contains(procedure)) {
            procedures.add(procedure);
        }
        Model model = new Model(id, version, sha256);
        if (!models.contains(model)) {
            models.add(model);
        }
    }

    synchronized void scored() {
        records = records == null ? 1 : records + 1;
    }

    /**
     * The line: {@code time, requestId, method, endpoint, status, latencyMs, caller, remote, check, procedures,
     * models, records} in that order, absent fields left out. Written with Jackson's streaming generator (one line is
     * written per API call, so no reflection on the way).
     */
    synchronized String toJson() throws IOException {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            field(g, "time", time == null ? null : time.toString());
            field(g, "requestId", requestId);
            field(g, "method", method);
            field(g, "endpoint", endpoint);
            g.writeNumberField("status", status);
            g.writeNumberField("latencyMs", latencyMs);
            if (caller != null) {
                g.writeObjectFieldStart("caller");
                field(g, "iss", caller.iss());
                field(g, "sub", caller.sub());
                field(g, "clientId", caller.clientId());
                g.writeEndObject();
            }
            field(g, "remote", remote);
            field(g, "check", check);
            if (procedures != null) {
                g.writeArrayFieldStart("procedures");
                for (String p : procedures) {
                    g.writeString(p);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("models");
                for (Model m : models) {
                    g.writeStartObject();
                    field(g, "id", m.id());
                    field(g, "version", m.version());
                    field(g, "sha256", m.sha256());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (records != null) {
                g.writeNumberField("records", records);
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
