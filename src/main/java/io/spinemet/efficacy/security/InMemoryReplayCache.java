package io.spinemet.efficacy.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The replay cache of one replica: remembers each issuer+jti until the token expires. Bounded: when it holds
 * {@code capacity} live ids it refuses new tokens (fails closed) instead of forgetting ids that could then be replayed.
 */
public final class InMemoryReplayCache implements ReplayCache {

    private record Expiry(Instant at, String key) {
    }

    private final int capacity;
    private final Clock clock;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

    public InMemoryReplayCache(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1; got " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstUse(String issuer, String jti, Instant expiresAt) {
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            return false;
        }
        forgetExpired(now);
        String key = ReplayKeys.key(issuer, jti);
        if (seen.containsKey(key) || seen.size() >= capacity) {
            return false;
        }
        seen.put(key, expiresAt);
        expiries.add(new Expiry(expiresAt, key));
        return true;
    }

    /** Token ids currently remembered. */
    public synchronized int size() {
        forgetExpired(clock.instant());
        return seen.size();
    }

    private void forgetExpired(Instant now) {
        while (!expiries.isEmpty() && !expiries.peek().at().isAfter(now)) {
            seen.remove(expiries.poll().key());
        }
    }

    @Override
    public boolean blocks() {
        return false;
    }
}
