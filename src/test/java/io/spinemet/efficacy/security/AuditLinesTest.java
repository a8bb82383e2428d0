package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.OutputStreamHandler;
import org.junit.jupiter.api.Test;

/** A batch of audit lines written as one record is byte for byte what one record per line writes. */
class AuditLinesTest {

    private static AuditEntry entry(String id, int status) {
        AuditEntry e = new AuditEntry(id);
        e.method = "POST";
        e.endpoint = "/api/v1/predictions";
        e.status = status;
        return e;
    }

    private static Logger logger(LogContext context, String pattern, ByteArrayOutputStream sink) {
        Logger logger = context.getLogger("spinemet.audit.test");
        logger.setUseParentHandlers(false);
        OutputStreamHandler handler = new OutputStreamHandler(new PatternFormatter(pattern));
        handler.setOutputStream(sink);
        logger.addHandler(handler);
        return logger;
    }

    @Test
    void oneJoinedRecordWritesTheSameBytesAsOneRecordPerLine() {
        List<AuditEntry> entries = List.of(entry("a1", 200), entry("b2", 400), entry("c3", 503));
        ByteArrayOutputStream each = new ByteArrayOutputStream();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        Logger perLine = logger(LogContext.create(), AuditLog.BARE_LINE, each);
        Logger batch = logger(LogContext.create(), AuditLog.BARE_LINE, joined);
        entries.forEach(e -> perLine.info(e.toJson()));
        batch.info(AuditLog.joined(entries));
        String text = each.toString(StandardCharsets.UTF_8);
        assertEquals(3, text.split(System.lineSeparator()).length);
        assertTrue(text.startsWith("{\"requestId\":\"a1\""), text);
        assertEquals(text, joined.toString(StandardCharsets.UTF_8));
    }

    @Test
    void linesAreJoinedOnlyWhenEveryHandlerWritesARecordBare() {
        assertTrue(AuditLog.bareLines(logger(LogContext.create(), "%s%n", new ByteArrayOutputStream())));
        assertFalse(AuditLog.bareLines(logger(LogContext.create(), "%d %s%n", new ByteArrayOutputStream())),
                "a timestamp would mark only the first line of a batch");
        Logger twoHandlers = logger(LogContext.create(), "%s%n", new ByteArrayOutputStream());
        twoHandlers.addHandler(new OutputStreamHandler(new PatternFormatter("%p %s%n")));
        assertFalse(AuditLog.bareLines(twoHandlers));
        Logger withParents = logger(LogContext.create(), "%s%n", new ByteArrayOutputStream());
        withParents.setUseParentHandlers(true);
        assertFalse(AuditLog.bareLines(withParents), "a parent's handler formats the record its own way");
        Logger none = LogContext.create().getLogger("spinemet.audit.none");
        none.setUseParentHandlers(false);
        assertFalse(AuditLog.bareLines(none));
    }
}
