package io.spinemet.efficacy.api.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Bounds the labels of the HTTP server metrics. Any client can invent an HTTP method name, and each new name made a
 * new timer: 80,000 of them filled the heap. Methods other than the standard ones share the label {@code OTHER}.
 * (Routes are bounded by Quarkus: unmatched requests share {@code NOT_FOUND}, and
 * {@code quarkus.micrometer.binder.http-server.max-uri-tags} caps the rest.)
 */
public class MetricLabels {

    static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
            "TRACE", "CONNECT");

    @Produces
    @Singleton
    public MeterFilter knownMethodsOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().startsWith("http.server")) {
                    String method = id.getTag("method");
                    if (method != null && !KNOWN_METHODS.contains(method)) {
                        return id.withTag(Tag.of("method", "OTHER"));
                    }
                }
                return id;
            }
        };
    }
}
