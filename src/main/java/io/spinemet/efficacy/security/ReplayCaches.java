package io.spinemet.efficacy.security;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.jboss.logging.Logger;

/** The {@link ReplayCache} bean: in memory by default, Redis with {@code spinemet.security.replay-cache=redis}. */
@ApplicationScoped
public class ReplayCaches {

    private static final Logger LOG = Logger.getLogger(ReplayCaches.class);

    @Produces
    @ApplicationScoped
    ReplayCache replayCache(SecuritySettings settings, Instance<RedisDataSource> redis) {
        return switch (settings.replayCache()) {
            case MEMORY -> {
                LOG.infof("jti replay cache: in memory, at most %d ids (one replica only: use "
                        + "spinemet.security.replay-cache=redis with more)", settings.replayCacheSize());
                yield new InMemoryReplayCache(settings.replayCacheSize(), Clock.systemUTC());
            }
            case REDIS -> {
                LOG.info("jti replay cache: Redis (quarkus.redis.hosts), shared by every replica");
                yield new RedisReplayCache(redis.get(), Clock.systemUTC());
            }
        };
    }
}
