package io.spinemet.efficacy.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Writes finished audit entries from a thread of its own, a batch at a time. A request thread only appends its entry
 * to a lock-free queue: no lock, no system call and no thread to wake on the request's path. The writer wakes every
 * {@code interval} and hands what has queued to {@code out}, in order and in batches of at most {@code batch} entries,
 * so that a batch can be written to the output in one call.
 *
 * <p>Why not the log handler's own asynchronous queue: it wakes its thread for every line, and on a virtual machine
 * each wake-up is a costly exit to the hypervisor; that hand-over cost more than the rest of a prediction from
 * measurements ({@code bench/service.sh}). Here the writer wakes a fixed number of times a second, however many lines
 * there are.
 *
 * <p>No line is dropped: once {@code capacity} entries wait (the output has stalled), a request thread writes its own
 * line and so waits for the output, as a blocking queue would make it. After {@link #close()} (the service stopping)
 * every entry is written by the thread that submits it, and the queue is drained.
 */
final class AuditWriter implements AutoCloseable {

    private final Queue<AuditEntry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Consumer<List<AuditEntry>> out;
    private final long intervalNanos;
    private final int capacity;
    private final int batch;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param out      writes the lines of a batch of entries, in order; thread-safe (the writer thread calls it, and
     *                 request threads, with a batch of one, when the queue is full or the writer closed)
     * @param interval time between two drains of the queue
     * @param capacity most entries held before a request thread writes its own
     * @param batch    most entries handed to {@code out} at once
     */
    AuditWriter(Consumer<List<AuditEntry>> out, Duration interval, int capacity, int batch) {
        if (interval.isNegative() || interval.isZero() || capacity < 1 || batch < 1) {
            throw new IllegalArgumentException("interval must be > 0, capacity and batch >= 1");
        }
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.capacity = capacity;
        this.batch = batch;
        this.thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an entry whose request has ended; it must not change afterwards. */
    void submit(AuditEntry entry) {
        if (closed || queued.get() >= capacity) {
            out.accept(List.of(entry));
            return;
        }
        queued.incrementAndGet();
        queue.add(entry);
        if (closed) {
            drain(); // close() may have drained just before this entry arrived
        }
    }

    /** Entries waiting. */
    int queued() {
        return queued.get();
    }

    private void run() {
        long next = System.nanoTime() + intervalNanos;
        while (!closed) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait); // may return early: the loop checks the time again
                continue;
            }
            drain();
            next = System.nanoTime() + intervalNanos;
        }
    }

    private void drain() {
        List<AuditEntry> entries = new ArrayList<>(Math.min(batch, Math.max(1, queued.get())));
        for (AuditEntry entry; (entry = queue.poll()) != null; ) {
            queued.decrementAndGet();
            entries.add(entry);
            if (entries.size() == batch) {
                out.accept(entries);
                entries = new ArrayList<>(batch);
            }
        }
        if (!entries.isEmpty()) {
            out.accept(entries);
        }
    }

    /** Stops the writer thread and writes every queued entry; later entries are written at once. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }
}
