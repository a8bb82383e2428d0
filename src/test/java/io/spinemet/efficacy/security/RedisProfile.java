package io.spinemet.efficacy.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The replay cache in Redis, as every replica of a deployment configures it, plus a second Redis client of its own
 * ("replica-b") standing for a second replica that shares the Redis.
 */
public class RedisProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = TestRedis.url();
        String hosts = url == null ? "redis://127.0.0.1:1" : url;
        return Map.of(
                "spinemet.security.replay-cache", "redis",
                "quarkus.redis.hosts", hosts,
                "quarkus.redis.replica-b.hosts", hosts);
    }
}
