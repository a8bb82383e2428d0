package io.spinemet.efficacy.cdshooks;

import io.quarkus.arc.DefaultBean;
import io.spinemet.efficacy.security.ReplayCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded in-memory {@link ReplayCache} used only until the security package's own bean is present (issue-12):
 * as a {@link DefaultBean} it steps aside for any other ReplayCache bean. Remove this class when that lands.
 */
public class TemporaryReplayCache {

    static final int MAX_ENTRIES = 100_000;

    @Produces
    @DefaultBean
    @ApplicationScoped
    ReplayCache replayCache() {
        return new Bounded(MAX_ENTRIES);
    }

    /** issuer+jti until expiry; expired entries are evicted when the cache is full, and a full cache refuses. */
    static final class Bounded implements ReplayCache {
        private final int max;
        private final Map<String, Instant> seen = new ConcurrentHashMap<>();

        Bounded(int max) {
            this.max = max;
        }

        @Override
        public boolean firstUse(String issuer, String jti, Instant expiresAt) {
            String key = issuer + '\u0000' + jti;
            if (seen.size() >= max) {
                Instant now = Instant.now();
                for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
                    if (it.next().getValue().isBefore(now)) {
                        it.remove();
                    }
                }
                if (seen.size() >= max) {
                    return false; // cannot remember more: refuse rather than risk accepting a replay
                }
            }
            return seen.putIfAbsent(key, expiresAt) == null;
        }
    }
}
