package io.spinemet.efficacy.security;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Set;

/**
 * Secure by default: while {@code spinemet.security.auth-enabled=false}, the HTTP and management interfaces bind
 * {@code spinemet.security.unauthenticated-host} (127.0.0.1 unless overridden too), whatever {@code quarkus.http.host}
 * says. So turning authentication off can never expose an open API to the network by itself.
 */
@Priority(Priorities.APPLICATION + 100)
public class UnauthenticatedBind implements ConfigSourceInterceptor {

    static final Set<String> HOSTS = Set.of("quarkus.http.host", "quarkus.management.host");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!HOSTS.contains(name)) {
            return value;
        }
        ConfigValue auth = context.proceed("spinemet.security.auth-enabled");
        if (auth == null || auth.getValue() == null || !auth.getValue().trim().equalsIgnoreCase("false")) {
            return value;
        }
        ConfigValue host = context.proceed("spinemet.security.unauthenticated-host");
        String bind = host == null || host.getValue() == null ? "127.0.0.1" : host.getValue().trim();
        return value == null
                ? ConfigValue.builder().withName(name).withValue(bind).withConfigSourceName("UnauthenticatedBind")
                .build()
                : value.withValue(bind);
    }
}
