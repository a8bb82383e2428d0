package io.spinemet.efficacy.security;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One API call's audit line, filled in as the request goes: who called, which endpoint, what status, which models
 * and how many records, and how long it took. It has no field that could hold a factor value, a measurement, a
 * patient id or a query string.
 */
public final class AuditEntry {

    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

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
     * models, records} in that order, absent fields left out. Strings are escaped by Jackson's
     * {@link JsonStringEncoder}; the layout is fixed, so the line is built directly (the audit writer formats one per
     * API call, and a generator per line cost more than the rest of the line).
     */
    synchronized String toJson() {
        StringBuilder line = new StringBuilder(512).append('{');
        field(line, "time", time == null ? null : time.toString());
        field(line, "requestId", requestId);
        field(line, "method", method);
        field(line, "endpoint", endpoint);
        name(line, "status").append(status);
        name(line, "latencyMs").append(latencyMs);
        if (caller != null) {
            name(line, "caller").append('{');
            field(line, "iss", caller.iss());
            field(line, "sub", caller.sub());
            field(line, "clientId", caller.clientId());
            line.append('}');
        }
        field(line, "remote", remote);
        field(line, "check", check);
        if (procedures != null) {
            name(line, "procedures").append('[');
            for (int i = 0; i < procedures.size(); i++) {
                string(i == 0 ? line : line.append(','), procedures.get(i));
            }
            name(line.append(']'), "models").append('[');
            for (int i = 0; i < models.size(); i++) {
                Model m = models.get(i);
                (i == 0 ? line : line.append(',')).append('{');
                field(line, "id", m.id());
                field(line, "version", m.version());
                field(line, "sha256", m.sha256());
                line.append('}');
            }
            line.append(']');
        }
        if (records != null) {
            name(line, "records").append(records);
        }
        return line.append('}').toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        if (value != null) {
            string(name(line, name), value);
        }
    }

    /** {@code "name":}, after a comma unless it opens the object. */
    private static StringBuilder name(StringBuilder line, String name) {
        if (line.charAt(line.length() - 1) != '{') {
            line.append(',');
        }
        return line.append('"').append(name).append("\":");
    }

    private static void string(StringBuilder line, String value) {
        ESCAPE.quoteAsString(value, line.append('"'));
        line.append('"');
    }
}
