package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AuditWriterTest {

    /** What the writer handed out, and on which thread. */
    private record Written(AuditEntry entry, String thread) {
    }

    private static List<Written> sink() {
        return new CopyOnWriteArrayList<>();
    }

    private static AuditWriter writer(List<Written> out, Duration interval, int capacity) {
        return new AuditWriter(batch -> batch.forEach(e -> out.add(new Written(e, Thread.currentThread().getName()))),
                interval, capacity, 256);
    }

    @Test
    void whatQueuedIsHandedOverInBatchesOfAtMostTheLimitAndInOrder() {
        List<List<AuditEntry>> batches = new CopyOnWriteArrayList<>();
        List<AuditEntry> sent = new ArrayList<>();
        try (AuditWriter writer = new AuditWriter(b -> batches.add(List.copyOf(b)), Duration.ofHours(1), 100, 3)) {
            for (int i = 0; i < 7; i++) {
                AuditEntry e = new AuditEntry("b" + i);
                sent.add(e);
                writer.submit(e);
            }
            assertEquals(List.of(), batches, "nothing before the writer drains the queue");
        }
        // closing drains the 7 entries: 3 + 3 + 1
        assertEquals(List.of(sent.subList(0, 3), sent.subList(3, 6), sent.subList(6, 7)), batches);
    }

    @Test
    void entriesAreWrittenByTheWriterThreadWithinAnInterval() throws Exception {
        List<Written> out = sink();
        try (AuditWriter writer = writer(out, Duration.ofMillis(20), 16)) {
            AuditEntry entry = new AuditEntry("a");
            writer.submit(entry);
            for (int i = 0; i < 200 && out.isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertEquals(List.of(new Written(entry, "audit-writer")), out);
            assertEquals(0, writer.queued());
        }
    }

    @Test
    void oneThreadsEntriesKeepTheirOrder() {
        List<Written> out = sink();
        List<AuditEntry> sent = new ArrayList<>();
        try (AuditWriter writer = writer(out, Duration.ofMillis(1), 10_000)) {
            for (int i = 0; i < 5_000; i++) {
                AuditEntry e = new AuditEntry("e" + i);
                sent.add(e);
                writer.submit(e);
            }
        }
        assertEquals(sent, out.stream().map(Written::entry).toList());
    }

    @Test
    void aFullQueueMakesTheCallerWriteItsOwnLineAndNothingIsDropped() {
        List<Written> out = sink();
        String caller = Thread.currentThread().getName();
        AuditEntry first = new AuditEntry("1");
        AuditEntry second = new AuditEntry("2");
        AuditEntry third = new AuditEntry("3");
        try (AuditWriter writer = writer(out, Duration.ofHours(1), 2)) {
            writer.submit(first);
            writer.submit(second);
            assertEquals(List.of(), out, "two entries fit the queue");
            writer.submit(third);
            assertEquals(List.of(new Written(third, caller)), out, "the third is written by its own thread");
            assertEquals(2, writer.queued());
        }
        assertEquals(List.of(third, first, second), out.stream().map(Written::entry).toList(),
                "closing writes what was queued");
    }

    @Test
    void afterCloseEntriesAreWrittenAtOnceByTheirThread() {
        List<Written> out = sink();
        AuditWriter writer = writer(out, Duration.ofHours(1), 16);
        writer.close();
        AuditEntry late = new AuditEntry("late");
        writer.submit(late);
        assertEquals(List.of(new Written(late, Thread.currentThread().getName())), out);
    }

    @Test
    void concurrentRequestsLoseNoEntryAndWriteNoneTwice() throws Exception {
        List<Written> out = Collections.synchronizedList(new ArrayList<>());
        int threads = 4;
        int each = 20_000;
        List<AuditEntry> sent = Collections.synchronizedList(new ArrayList<>());
        try (AuditWriter writer = writer(out, Duration.ofMillis(1), 64)) {
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        AuditEntry e = new AuditEntry(id + "-" + i);
                        sent.add(e);
                        writer.submit(e);
                    }
                });
                running.add(thread);
                thread.start();
            }
            for (Thread thread : running) {
                thread.join();
            }
        }
        assertEquals(threads * each, out.size());
        Set<AuditEntry> distinct = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        out.forEach(w -> distinct.add(w.entry()));
        assertEquals(threads * each, distinct.size(), "no entry written twice");
        assertTrue(distinct.containsAll(new HashSet<>(sent)));
    }

    @Test
    void refusesANonPositiveIntervalOrCapacity() {
        assertThrows(IllegalArgumentException.class, () -> writer(sink(), Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> writer(sink(), Duration.ofMillis(-1), 1));
        assertThrows(IllegalArgumentException.class, () -> writer(sink(), Duration.ofMillis(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new AuditWriter(b -> { }, Duration.ofMillis(1), 1, 0));
    }
}
