package io.spinemet.efficacy.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.logging.Logger;

/**
 * The one HAPI {@link FhirContext} for R4. Creating it scans the whole R4 model (about 1.5 s cold on a 2-core
 * machine), so neither start-up nor the first hook call should pay for it: the service's warm-up
 * ({@code api.WarmUps}) builds it on a background thread once the HTTP server listens. A hook call that arrives
 * before that builds it itself, and one that arrives during it waits only for what is left.
 */
@Singleton
public class FhirContexts {

    private static final Logger LOG = Logger.getLogger(FhirContexts.class);

    private final CompletableFuture<FhirContext> r4 = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    /** Builds the context on the calling thread, unless it is built or being built already. */
    public void build() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        try {
            FhirContext context = FhirContext.forR4();
            // the first encode and parse load the JSON parser's classes: do it here, not in the first hook call
            String json = context.newJsonParser().encodeResourceToString(new Patient().setActive(true));
            context.newJsonParser().parseResource(json);
            r4.complete(context);
            LOG.infof("FHIR R4 context ready in %d ms (%s)", (System.nanoTime() - start) / 1_000_000,
                    Thread.currentThread().getName());
        } catch (RuntimeException | Error e) {
            r4.completeExceptionally(e);
            LOG.errorf("FHIR R4 context could not be created: %s", e.getClass().getName());
        }
    }

    /** The R4 context: built now if nobody has started it, else waited for if it is still being built. */
    public FhirContext r4() {
        build();
        return r4.join();
    }

    /** Whether the context is ready (for readiness checks). */
    public boolean ready() {
        return r4.isDone() && !r4.isCompletedExceptionally();
    }
}
