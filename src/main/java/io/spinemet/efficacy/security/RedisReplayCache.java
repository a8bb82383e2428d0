package io.spinemet.efficacy.security;

import io.quarkus.redis.datasource.RedisDataSource;
import java.time.Clock;
import java.time.Instant;

/**
 * The replay cache shared by every replica: one Redis key per issuer+jti, written with {@code SET key 1 NX PXAT exp}.
 * {@code NX} makes the check and the write one atomic step on the server, so two replicas that receive the same token
 * at the same moment cannot both accept it; {@code PXAT} lets Redis forget the id when the token expires. A Redis
 * failure refuses the token (an exception, which the caller turns into an error): it never lets a replay through.
 */
public final class RedisReplayCache implements ReplayCache {

    private final RedisDataSource redis;
    private final Clock clock;

    public RedisReplayCache(RedisDataSource redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String issuer, String jti, Instant expiresAt) {
        if (!expiresAt.isAfter(clock.instant())) {
            return false;
        }
        String key = ReplayKeys.key(issuer, jti);
        // The reply is OK when the key was set, and nil when it already existed (a replay).
        return redis.execute("SET", key, "1", "NX", "PXAT", Long.toString(expiresAt.toEpochMilli())) != null;
    }
}
