package io.spinemet.efficacy.security;

import io.smallrye.common.vertx.ContextLocals;

/**
 * What a resource adds to its request's audit line: the models it used and the records it scored. Holds no patient
 * data by construction: it accepts only a model's identity and counts.
 */
public final class Audit {

    static final String KEY = "spinemet.audit";

    private Audit() {
    }

    /** One patient was scored with this model. */
    public static void scored(String procedure, String modelId, String version, String sha256) {
        AuditEntry entry = current();
        if (entry != null) {
            entry.model(procedure, modelId, version, sha256);
            entry.scored();
        }
    }

    /** This model's card was served (no patient scored). */
    public static void served(String procedure, String modelId, String version, String sha256) {
        AuditEntry entry = current();
        if (entry != null) {
            entry.model(procedure, modelId, version, sha256);
        }
    }

    static AuditEntry current() {
        try {
            return ContextLocals.<AuditEntry>get(KEY).orElse(null);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return null;
        }
    }
}
