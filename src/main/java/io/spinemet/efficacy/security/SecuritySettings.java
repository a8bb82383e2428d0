package io.spinemet.efficacy.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * The service's own security settings ({@code spinemet.security.*}). Token verification itself is configured with
 * SmallRye JWT's {@code mp.jwt.verify.*} properties; see the README's "Deploying in a hospital".
 */
@ConfigMapping(prefix = "spinemet.security")
public interface SecuritySettings {

    /**
     * Bearer-token authentication of {@code /api/v1}. On unless explicitly turned off; off, the service binds
     * {@link #unauthenticatedHost()} only and logs a warning at start-up.
     */
    @WithDefault("true")
    boolean authEnabled();

    /** The only interface the service binds while authentication is off; loopback unless overridden too. */
    @WithDefault("127.0.0.1")
    String unauthenticatedHost();

    /** Where token ids (jti) are remembered: {@code memory} (one replica) or {@code redis} (shared). */
    @WithDefault("memory")
    ReplayCacheKind replayCache();

    /** Most token ids the in-memory replay cache holds; when full, a new token is refused rather than forgotten. */
    @WithDefault("100000")
    int replayCacheSize();

    /** Per-client request rate limits. */
    RateLimit rateLimit();

    /** Which replay cache backs {@link ReplayCache}. */
    enum ReplayCacheKind {
        MEMORY, REDIS
    }

    /** A token bucket per client: {@code requests} per {@code period}, refilled gradually. */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Requests each client may make per period (also the burst a client may send at once). */
        @WithDefault("1200")
        long requests();

        @WithDefault("60s")
        Duration period();

        /** Most clients tracked at once; the least recently seen is forgotten first. */
        @WithDefault("10000")
        int maxClients();

        /** Overrides the rate for a named client id, e.g. {@code spinemet.security.rate-limit.clients."planner"=6000}. */
        Map<String, Long> clients();
    }
}
