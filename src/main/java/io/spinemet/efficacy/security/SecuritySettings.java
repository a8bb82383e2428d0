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

    /** The cache of verified bearer tokens ({@link VerifiedTokenCache}). */
    TokenCache tokenCache();

    /** Which replay cache backs {@link ReplayCache}. */
    enum ReplayCacheKind {
        MEMORY, REDIS
    }

    /**
     * Verified tokens are remembered, so that a client calling many times with one token pays for its signature
     * check once. A token is remembered for at most {@code ttl} and never past its {@code exp}.
     */
    interface TokenCache {

        /** Most tokens remembered; 0 verifies every call afresh. */
        @WithDefault("10000")
        int size();

        /** Longest a verified token is trusted without a new signature check (a key rotated out of the JWK Set
         * stops working within this time, or the JWK Set's refresh interval if that is longer). */
        @WithDefault("60s")
        Duration ttl();
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
