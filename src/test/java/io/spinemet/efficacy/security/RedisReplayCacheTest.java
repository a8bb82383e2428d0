package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis replay cache against a real redis-server: the service's {@link ReplayCache} bean (replica A) and a
 * second cache on its own Redis connection (replica B) share one Redis, so a jti seen by one is refused by the other.
 */
@QuarkusTest
@TestProfile(RedisProfile.class)
class RedisReplayCacheTest {

    private static final String ISSUER = "https://ehr.example.org/cds";

    @Inject
    ReplayCache replicaA;

    @Inject
    @RedisClientName("replica-b")
    RedisDataSource replicaBRedis;

    @Inject
    RedisDataSource redis;

    ReplayCache replicaB;

    @BeforeEach
    void redisIsThere() {
        assumeTrue(TestRedis.url() != null, "no redis-server here (CI provides one)");
        replicaB = new RedisReplayCache(replicaBRedis, Clock.systemUTC());
    }

    @Test
    void theBeanIsTheRedisCache() {
        assertInstanceOf(RedisReplayCache.class, io.quarkus.arc.ClientProxy.unwrap(replicaA));
    }

    @Test
    void aJtiSeenByOneReplicaIsRefusedByTheOther() {
        String jti = UUID.randomUUID().toString();
        Instant exp = Instant.now().plusSeconds(60);
        assertTrue(replicaA.firstUse(ISSUER, jti, exp));
        assertFalse(replicaB.firstUse(ISSUER, jti, exp), "replica B accepted a token replica A had seen");
        assertFalse(replicaA.firstUse(ISSUER, jti, exp));
        // the same jti from another issuer is another token
        assertTrue(replicaB.firstUse("https://other-ehr.example.org", jti, exp));
    }

    @Test
    void redisForgetsTheJtiWhenTheTokenExpires() throws Exception {
        String jti = UUID.randomUUID().toString();
        assertTrue(replicaA.firstUse(ISSUER, jti, Instant.now().plusMillis(1500)));
        long ttl = redis.key().pttl(ReplayKeys.key(ISSUER, jti));
        assertTrue(ttl > 0 && ttl <= 1500, "PTTL " + ttl);
        Thread.sleep(1700);
        assertEquals(0, redis.key().exists(ReplayKeys.key(ISSUER, jti)) ? 1 : 0);
    }

    @Test
    void anExpiredTokenIsNeverFirstUse() {
        assertFalse(replicaA.firstUse(ISSUER, UUID.randomUUID().toString(), Instant.now().minusSeconds(1)));
    }

    @Test
    void racingReplicasAcceptATokenExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String jti = UUID.randomUUID().toString();
                Instant exp = Instant.now().plusSeconds(60);
                List<Callable<Boolean>> tries = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ReplayCache cache = i % 2 == 0 ? replicaA : replicaB;
                    tries.add(() -> cache.firstUse(ISSUER, jti, exp));
                }
                int accepted = 0;
                for (Future<Boolean> f : pool.invokeAll(tries)) {
                    accepted += f.get() ? 1 : 0;
                }
                assertEquals(1, accepted, "a token was accepted " + accepted + " times");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
