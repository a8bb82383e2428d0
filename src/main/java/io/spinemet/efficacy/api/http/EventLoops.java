package io.spinemet.efficacy.api.http;

import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.VertxOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One Vert.x event loop per core the JVM may use (in a container, its CPU limit), at least two (so that one long
 * call cannot stall every connection and the health probes), not Vert.x's default of two per core.
 * The service's work is computation on the event loop (scoring, CDS Hooks cards from a complete prefetch), not
 * waiting: twice as many loops as cores only makes them pre-empt each other mid-request, which lengthens the slowest
 * answers (measured by bench/cds.sh: p99 falls by about a fifth on the 2-core machine). An explicit
 * {@code quarkus.vertx.event-loops-pool-size} still wins.
 */
@ApplicationScoped
public class EventLoops implements VertxOptionsCustomizer {

    static final String SETTING = "quarkus.vertx.event-loops-pool-size";

    @Override
    public void accept(VertxOptions options) {
        if (ConfigProvider.getConfig().getOptionalValue(SETTING, Integer.class).isEmpty()) {
            options.setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()));
        }
    }
}
