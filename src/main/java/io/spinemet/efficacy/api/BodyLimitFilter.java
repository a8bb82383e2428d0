package io.spinemet.efficacy.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers a request whose declared Content-Length is over {@code quarkus.http.limits.max-body-size} with a 413
 * problem before the body is read, so that the client gets problem details rather than Vert.x's bare 413.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private static final Logger LOG = Logger.getLogger(BodyLimitFilter.class);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length, max)) {
                LOG.infof("Rejected %s request: 413, body over %d bytes", ctx.request().method(), max);
                byte[] body = ProblemResponses.bytes(new Problem(ProblemException.TOO_LARGE, "Content Too Large",
                        413, "The request body is larger than the limit of " + max + " bytes. A batch holds at "
                        + "most " + PredictionRequests.MAX_BATCH + " patients.", ctx.request().path(), null));
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(body));
            } else {
                ctx.next();
            }
        });
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
