package io.spinemet.efficacy.security;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import org.jboss.logging.Logger;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * The audit trail: one JSON line per API call ({@code /api/} and {@code /cds-services}) to the logger
 * {@code spinemet.audit}, and an {@code X-Request-Id} on every response so a caller can quote the line. The endpoint
 * is the matched template (never the raw path or its query string); resources add models and counts through
 * {@link Audit}. Lines are written by an {@link AuditWriter}, at most {@link #FLUSH_INTERVAL} after the response.
 * Where they go (stdout, a file of their own) is logging configuration; see application.properties.
 */
@ApplicationScoped
public class AuditLog {

    public static final String CATEGORY = "spinemet.audit";
    public static final String REQUEST_ID = "X-Request-Id";

    private static final Logger AUDIT = Logger.getLogger(CATEGORY);
    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    /** Put by Quarkus REST (for metrics) in the request's Vert.x context when it matched a resource method. */
    private static final String TEMPLATE = "UrlPathTemplate";

    /** Time between two batches of lines: how late a line may appear. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(20);
    /** Lines held before a request waits for its own to be written (as the log handler's queue of 4,096 did). */
    static final int QUEUE_CAPACITY = 4096;
    /** Most lines written in one log record (see {@link #bareLines}). */
    static final int BATCH = 256;
    /** The pattern that writes a record as it is: the configured format of the audit handlers. */
    static final String BARE_LINE = "%s%n";

    private AuditWriter writer;

    void register(@Observes Router router) {
        if (writer == null) {
            boolean joined = bareLines(LogContext.getLogContext().getLogger(CATEGORY));
            writer = new AuditWriter(joined ? AuditLog::logJoined : AuditLog::logEach, FLUSH_INTERVAL,
                    QUEUE_CAPACITY, BATCH);
        }
        // Before every other handler, so refusals by the body limit or authentication are audited too.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    /** Writes what is queued when the service stops. */
    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.close();
        }
    }

    static boolean audited(String path) {
        return path.startsWith("/api/") || path.equals("/cds-services") || path.startsWith("/cds-services/");
    }

    void handle(RoutingContext rc) {
        String id = requestId();
        rc.response().putHeader(REQUEST_ID, id);
        String path = rc.normalizedPath();
        if (path == null || !audited(path)) {
            rc.next();
            return;
        }
        long start = System.nanoTime();
        AuditEntry entry = new AuditEntry(id);
        entry.method = rc.request().method().name();
        entry.remote = rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
        rc.put(Audit.KEY, entry);
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(Audit.KEY, entry);
        }
        rc.addEndHandler(done -> end(rc, entry, start));
        rc.next();
    }

    /** Completes the entry when the response has ended and queues it (see {@link AuditWriter}). */
    private void end(RoutingContext rc, AuditEntry entry, long start) {
        entry.latencyMs = Math.round((System.nanoTime() - start) / 1e4) / 100.0;
        entry.time = Instant.now();
        entry.status = rc.response().getStatusCode();
        Object template = rc.request() instanceof HttpServerRequestInternal request && request.context() != null
                ? request.context().getLocal(TEMPLATE) : null;
        entry.endpoint = template instanceof String t ? t : "unmatched";
        writer.submit(entry);
    }

    /**
     * Whether every handler of the audit logger writes a record bare ({@value #BARE_LINE}) and no parent handler
     * sees it. Then lines joined by the line separator into one record are written byte for byte as one record per
     * line would be, but in one call to the output: a handler flushes after each record, so one record per line
     * cost a system call per request. With any other format (a timestamp, a level) each line stays a record.
     */
    static boolean bareLines(org.jboss.logmanager.Logger audit) {
        Handler[] handlers = audit.getHandlers();
        if (audit.getUseParentHandlers() || handlers.length == 0) {
            return false;
        }
        for (Handler h : handlers) {
            if (!(h.getFormatter() instanceof PatternFormatter f) || !BARE_LINE.equals(f.getPattern())) {
                return false;
            }
        }
        return true;
    }

    /** Each entry as a record of its own. */
    static void logEach(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            log(entry.toJson());
        }
    }

    /** The entries' lines as one record (see {@link #bareLines}). */
    static void logJoined(List<AuditEntry> entries) {
        log(joined(entries));
    }

    /** The entries' lines joined by the line separator (none after the last: the format adds it). */
    static String joined(List<AuditEntry> entries) {
        StringBuilder lines = new StringBuilder(entries.size() * 320);
        for (AuditEntry entry : entries) {
            if (!lines.isEmpty()) {
                lines.append(System.lineSeparator());
            }
            lines.append(entry.toJson());
        }
        return lines.toString();
    }

    private static void log(String lines) {
        try {
            AUDIT.info(lines);
        } catch (RuntimeException e) {
            LOG.errorf("An audit line could not be written (%s)", e.getClass().getName());
        }
    }

    /** 128 random bits as 32 hex digits: unique enough to find a line, and carrying nothing the client sent. */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong());
    }

    private static String hex(long v) {
        String s = Long.toHexString(v);
        return "0".repeat(16 - s.length()) + s;
    }

    /** The audit entry of the request being handled on this Vert.x context, or {@code null}. */
    static AuditEntry entry(RoutingContext rc) {
        return rc == null ? null : rc.get(Audit.KEY);
    }
}
