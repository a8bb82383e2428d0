package io.spinemet.efficacy.api;

import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import io.spinemet.efficacy.cdshooks.CardBuilder;
import io.spinemet.efficacy.cdshooks.FhirContexts;
import io.spinemet.efficacy.measurement.Ucum;
import io.spinemet.efficacy.web.Pages;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Work that makes first requests fast but that no request needs in order to be answered correctly: loading the UCUM
 * library's conversion factors (about half a second), the model pages' charts, HAPI's FHIR R4 context (about 1.5 s)
 * and the CDS card's Qute template. It runs on one background thread once the HTTP server listens, not during
 * start-up: on a 2-core machine a warm-up thread beside
 * start-up takes the core that the JIT compiler needs, and start-up then took about a second longer. A request that
 * arrives before a warm-up finishes does that piece itself, or waits for it.
 */
@Singleton
public class WarmUps {

    private static final Logger LOG = Logger.getLogger(WarmUps.class);

    private final FhirContexts fhir;
    private final Pages pages;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public WarmUps(FhirContexts fhir, Pages pages) {
        this.fhir = fhir;
        this.pages = pages;
    }

    // Quarkus fires these with fireAsync: a synchronous @Observes would never be called.
    void onHttp(@ObservesAsync HttpServerStart event) {
        start();
    }

    void onHttps(@ObservesAsync HttpsServerStart event) {
        start();
    }

    private void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::run, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            Ucum.warmUp();
            pages.renderAll();
            fhir.build();
            CardBuilder.warmUp();
        } catch (RuntimeException e) {
            // The request that needs the piece meets the error again and reports it.
            LOG.warnf("A warm-up failed (%s); the first request that needs it does the work", e.getClass().getName());
        } finally {
            done.complete(null);
        }
    }

    /** Whether the warm-ups have run to the end. */
    boolean finished() {
        return done.isDone();
    }

    /** Waits for the warm-ups to finish (the start-up archive's training run, so their classes are archived too). */
    void await(Duration timeout) throws InterruptedException {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("The warm-ups did not finish within %s", timeout);
        }
    }
}
