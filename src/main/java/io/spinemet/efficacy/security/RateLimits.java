package io.spinemet.efficacy.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-client request rates: one Bucket4j token bucket per client ({@code requests} per {@code period}, refilled
 * gradually, so a client may also send a burst of {@code requests} at once). A client is the token's client id when
 * the caller authenticated, else the remote address. Each replica counts its own requests: with N replicas behind a
 * Service a client gets up to N times the rate.
 */
@ApplicationScoped
public class RateLimits {

    private final SecuritySettings.RateLimit settings;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(SecuritySettings settings) {
        this.settings = settings.rateLimit();
    }

    /** Takes one request from the client's bucket; throws a 429 {@link AccessDenied} when it is empty. */
    public void acquire(String client, String clientId) {
        if (!settings.enabled()) {
            return;
        }
        long rate = clientId == null ? settings.requests() : settings.clients().getOrDefault(clientId,
                settings.requests());
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= settings.maxClients()) {
                forgetIdle();
            }
            bucket = buckets.computeIfAbsent(client, c -> bucket(rate));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw AccessDenied.rateLimited(seconds, rate, settings.period());
        }
    }

    private Bucket bucket(long rate) {
        return Bucket.builder().addLimit(limit -> limit.capacity(rate).refillGreedy(rate, settings.period())).build();
    }

    /**
     * Makes room: forgets clients whose bucket is full again (forgetting them changes nothing), and if every client
     * is mid-burst, all of them (a flood of distinct clients must not grow the map without bound).
     */
    private void forgetIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= settings.requests());
        if (buckets.size() >= settings.maxClients()) {
            buckets.clear();
        }
    }
}
