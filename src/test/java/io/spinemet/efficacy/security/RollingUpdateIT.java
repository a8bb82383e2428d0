package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A rolling update under load loses no request. Two packaged instances serve a steady load of single predictions
 * from a client that, like an integration engine behind a Service, spreads requests over the instances it knows and
 * retries an idempotent request (a prediction is a pure function of its body) on another instance when the first
 * refuses it (503 while shutting down) or the connection fails. Mid-load one instance is stopped with SIGTERM and a
 * new one started, then the other is replaced the same way. Every request must end in a 200.
 */
class RollingUpdateIT {

    private static final List<String> OPTIONS = List.of("-Dspinemet.security.auth-enabled=false",
            // the load comes from one address, which would soon meet the per-client rate limit
            "-Dspinemet.security.rate-limit.enabled=false",
            // issue-8's graceful shutdown: in-flight requests finish, new ones get 503, for at most 20 s
            "-Dquarkus.shutdown.timeout=20S");
    private static final int CLIENTS = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServiceProcess> pool = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private static ServiceProcess start() throws Exception {
        return ServiceProcess.start(OPTIONS, Duration.ofSeconds(120));
    }

    /** One prediction, tried on up to 6 instances (or the same one again after a pause) until one answers 200. */
    private void predict(String body) {
        requests.incrementAndGet();
        for (int attempt = 0; attempt < 6; attempt++) {
            List<ServiceProcess> live = List.copyOf(pool);
            ServiceProcess target = live.get(ThreadLocalRandom.current().nextInt(live.size()));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target.url("/api/v1/predictions")))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"probability\"")) {
                    succeeded.incrementAndGet();
                    return;
                }
                if (r.statusCode() != 503) {
                    failures.add("HTTP " + r.statusCode());
                    lost.incrementAndGet();
                    return;
                }
            } catch (IOException e) {
                // connection refused or reset by a stopping instance: retry elsewhere
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lost.incrementAndGet();
                return;
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(20L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lost.incrementAndGet();
        failures.add("no instance answered after 6 attempts");
    }

    /** Replaces an instance as a rolling update does: the new one is started and ready before the old one stops. */
    private void replace(ServiceProcess old) throws Exception {
        ServiceProcess next = start();
        pool.add(next);
        long before = succeeded.get();
        Thread.sleep(1000);
        assertTrue(succeeded.get() > before, "the load stopped");
        old.terminate();
        int status = old.awaitExit(Duration.ofSeconds(40));
        assertNotEquals(-1, status, "the stopped instance did not exit within the grace period:\n" + old.output());
        assertTrue(old.output().contains("stopped in"), old.output());
        pool.remove(old);
        old.close();
    }

    @Test
    void aRollingUpdateUnderLoadLosesNoRequest() throws Exception {
        String body = Files.readString(Path.of("openapi/examples/predict-pvp.json"));
        ServiceProcess a = start();
        ServiceProcess b = start();
        pool.add(a);
        pool.add(b);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> {
                    while (running.get()) {
                        predict(body);
                    }
                });
            }
            Thread.sleep(2000);
            replace(a);
            replace(b);
            Thread.sleep(1000);
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
            for (ServiceProcess s : pool) {
                s.close();
            }
        }
        System.out.printf("rolling update: %d requests, %d succeeded, %d retries, %d lost%n", requests.get(),
                succeeded.get(), retries.get(), lost.get());
        assertEquals(List.of(), failures);
        assertEquals(0, lost.get());
        assertEquals(requests.get(), succeeded.get());
        assertTrue(requests.get() > 100, "too little load to show anything: " + requests.get());
    }
}
