package io.spinemet.efficacy.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem, so that the client gets problem
 * details rather than a bare 413: before the body is read when its declared Content-Length is over the limit, and
 * when a chunked body (no Content-Length) reaches the limit as it is read.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private static final Logger LOG = Logger.getLogger(BodyLimitFilter.class);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(max);
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (tooLong(length, max)) {
                    tooLarge(ctx, max);
                } else {
                    ctx.next();
                }
            } else if (ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                // Read here, where going over the limit fails the route to the failure handler below; Quarkus REST
                // then takes the body read. It would otherwise stop the stream itself with a bare 413.
                chunked.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx, max);
            } else {
                ctx.next();
            }
        });
    }

    private static void tooLarge(RoutingContext ctx, long max) {
        LOG.infof("Rejected %s request: 413, body over %d bytes", ctx.request().method(), max);
        byte[] body = ProblemResponses.bytes(new Problem(ProblemException.TOO_LARGE, "Content Too Large", 413,
                "The request body is larger than the limit of " + max + " bytes. A batch holds at most "
                        + PredictionRequests.MAX_BATCH + " patients.", ctx.request().path(), null));
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(body));
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
