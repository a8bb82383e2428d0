package io.spinemet.efficacy.api.http;

import io.netty.handler.codec.DecoderException;
import io.spinemet.efficacy.api.ProblemResponses;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The HTTP layer's part of "no request can take the service down", in front of every route:
 * <ul>
 *   <li>a request URI over {@value #MAX_URI_LENGTH} characters gets a 414 problem;</li>
 *   <li>a request body must arrive within {@code spinemet.http.body-timeout}, or the connection is closed (a
 *   client cannot hold a connection by trickling a body; idle connections are closed by
 *   {@code quarkus.http.idle-timeout});</li>
 *   <li>prediction responses are never cached ({@code Cache-Control: no-store});</li>
 *   <li>every failure that reaches the router (a missing Host header, a malformed chunk, an error thrown anywhere,
 *   out of memory included) becomes a problem+json answer, logged as one line with the method and status only:
 *   never the URI or query string, which can carry patient identifiers, and never a stack trace for a client's
 *   mistake. A client that goes away mid-request is not an error: it is logged at DEBUG and nothing is answered.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpHardening {

    /** Longest request URI answered normally; longer ones get a 414 problem (Netty's own limit is higher). */
    public static final int MAX_URI_LENGTH = 8192;

    private static final Logger LOG = Logger.getLogger(HttpHardening.class);
    private static final String PREDICTIONS = "/api/v1/predictions";
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s*([;=])\\s*");

    @ConfigProperty(name = "spinemet.http.body-timeout", defaultValue = "30S")
    Duration bodyTimeout;

    void register(@Observes Router router) {
        long bodyMillis = bodyTimeout.toMillis();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (request.uri().length() > MAX_URI_LENGTH) {
                LOG.infof("Rejected %s request: 414, URI longer than %d characters", request.method(),
                        MAX_URI_LENGTH);
                answer(ctx, 414, "URI Too Long", "The request URI is longer than " + MAX_URI_LENGTH
                        + " characters. Send patient data in a POST body, never in the URI.", null);
                return;
            }
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.indexOf(' ') >= 0) {
                // "application/json ; charset=utf-8" is the same type as "application/json;charset=utf-8" (RFC 9110
                // allows whitespace around ';'), but JAX-RS media-type matching does not accept every spelling.
                request.headers().set(HttpHeaders.CONTENT_TYPE, SPACES.matcher(type.trim()).replaceAll("$1"));
            }
            if (request.path().startsWith(PREDICTIONS)) {
                ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            if (bodyMillis > 0 && !request.isEnded()) {
                // Scheduled on the connection's own event loop (cheaper than a Vert.x timer), cancelled when the
                // answer is sent; when it fires the body has not arrived in time.
                io.netty.util.concurrent.ScheduledFuture<?> deadline = ((io.vertx.core.impl.ContextInternal) ctx
                        .vertx().getOrCreateContext()).nettyEventLoop().schedule(() -> {
                            if (!request.isEnded()) {
                                LOG.infof("Closed a %s request whose body did not arrive within %d ms",
                                        request.method(), bodyMillis);
                                request.connection().close();
                            }
                        }, bodyMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                ctx.addEndHandler(done -> deadline.cancel(false));
            }
            ctx.next();
        }).failureHandler(HttpHardening::failure);
    }

    /** Any failure not answered yet: problem+json, one log line. */
    static void failure(RoutingContext ctx) {
        Throwable e = ctx.failure();
        String method = String.valueOf(ctx.request().method());
        if (disconnected(e) || ctx.response().closed()) {
            LOG.debugf("The client closed the connection during a %s request", method);
            return;
        }
        if (ctx.response().headWritten()) {
            LOG.infof("A %s request failed after its answer had begun (%s); the connection is closed", method,
                    e == null ? "status " + ctx.statusCode() : e.getClass().getName());
            ctx.request().connection().close();
            return;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            ctx.next(); // BodyLimitFilter answers it
            return;
        }
        if (malformed(e)) {
            LOG.infof("Rejected %s request: 400, malformed HTTP (%s)", method, e.getClass().getSimpleName());
            answer(ctx, 400, "Bad Request", "The request is not valid HTTP/1.1 (for example a malformed chunk "
                    + "or a missing Host header).", "close");
        } else if (status >= 400 && status < 500) {
            LOG.infof("Rejected %s request: %d", method, status);
            answer(ctx, status, reason(status), "The request cannot be processed.", null);
        } else {
            StackTraceElement top = e != null && e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            // The exception's message is left out: it may quote request content.
            LOG.errorf("Unexpected %s while handling a %s request, at %s",
                    e == null ? "status " + status : e.getClass().getName(), method, top);
            answer(ctx, 500, "Internal Server Error", "The service failed to handle the request. This is a fault "
                    + "in the service, not in the request.", e instanceof OutOfMemoryError ? "close" : null);
        }
    }

    /** The client went away: nothing to answer, nothing to alarm anyone about. */
    static boolean disconnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException
                    || (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /** Not valid HTTP: a decoder failure, a bad chunk size, a missing Host header. */
    private static boolean malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DecoderException || t instanceof NumberFormatException
                    || (t instanceof VertxException && t.getMessage() != null
                    && t.getMessage().contains("'Host' header"))) {
                return true;
            }
        }
        return false;
    }

    private static String reason(int status) {
        io.netty.handler.codec.http.HttpResponseStatus s = io.netty.handler.codec.http.HttpResponseStatus
                .valueOf(status);
        return s.reasonPhrase();
    }

    private static void answer(RoutingContext ctx, int status, String title, String detail, String connection) {
        byte[] body = ProblemResponses.bytes(ProblemResponses.plain(status, title, detail, safePath(ctx)));
        var response = ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE);
        if (connection != null) {
            response.putHeader(HttpHeaders.CONNECTION, connection);
        }
        response.end(Buffer.buffer(body));
    }

    /** The request path for {@code instance} when it is short; never the query string. */
    private static String safePath(RoutingContext ctx) {
        try {
            String path = ctx.request().path();
            return path != null && path.length() <= 256 ? path : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
