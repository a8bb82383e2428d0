package io.spinemet.efficacy.security;

import java.util.List;
import java.util.Optional;

/**
 * Which scope each part of {@code /api/v1} requires: the one table the authorization filter, its error messages and
 * the README follow. A token's scopes are its {@code scope} claim (space-separated) unless
 * {@code smallrye.jwt.path.groups} names another claim (e.g. Keycloak's {@code realm_access/roles}).
 */
public final class ApiScopes {

    public static final String PREDICT = "predict";
    public static final String MODELS_READ = "models:read";

    /** A path prefix and the scope it requires; a prefix ending in '/' matches below it, otherwise exactly or below. */
    record Rule(String prefix, String scope) {

        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("/api/v1/predictions", PREDICT),
            new Rule("/api/v1/scores", PREDICT),
            new Rule("/api/v1/models", MODELS_READ),
            new Rule("/api/v1/factors", MODELS_READ),
            new Rule("/api/v1/measurements", MODELS_READ));

    private ApiScopes() {
    }

    /** True for every path under {@code /api/}: all of them need a valid token. */
    public static boolean protectedPath(String path) {
        return path.startsWith("/api/");
    }

    /**
     * The scope a path requires; empty for a protected path outside the table (a valid token with any scope, then
     * usually a 404).
     */
    public static Optional<String> requiredScope(String path) {
        for (Rule rule : RULES) {
            if (rule.matches(path)) {
                return Optional.of(rule.scope());
            }
        }
        return Optional.empty();
    }
}
