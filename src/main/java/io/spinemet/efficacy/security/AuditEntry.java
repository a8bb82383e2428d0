package io.spinemet.efficacy.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One API call's audit line, filled in as the request goes: who called, which endpoint, what status, which models
 * and how many records, and how long it took. It has no field that could hold a factor value, a measurement, a
 * patient id or a query string.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"time", "requestId", "method", "endpoint", "status", "latencyMs", "caller", "remote", "check",
        "procedures", "models", "records"})
public final class AuditEntry {

    /** The authenticated caller: issuer, subject and client id (azp or client_id) of the token. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Caller(String iss, String sub, String clientId) {
    }

    /** A model used by the call. */
    public record Model(String id, String version, String sha256) {
    }

    public String time;
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
}
