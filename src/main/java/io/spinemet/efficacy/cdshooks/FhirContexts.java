package io.spinemet.efficacy.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.logging.Logger;

/**
 * The one HAPI {@link FhirContext} for R4. Creating it scans the whole R4 model (about 1.5 s cold on a 2-core
 * machine), so it is built on a background thread when the service starts: start-up does not wait for it, and a hook
 * call that arrives first waits only for what is left.
 */
@Startup
@Singleton
public class FhirContexts {

    private static final Logger LOG = Logger.getLogger(FhirContexts.class);

    private final CompletableFuture<FhirContext> r4 = new CompletableFuture<>();

    public FhirContexts() {
        Thread builder = new Thread(this::build, "fhir-context");
        builder.setDaemon(true);
        builder.start();
    }

    private void build() {
        long start = System.nanoTime();
        try {
            FhirContext context = FhirContext.forR4();
            // the first encode and parse load the JSON parser's classes: do it here, not in the first hook call
            String json = context.newJsonParser().encodeResourceToString(new Patient().setActive(true));
            context.newJsonParser().parseResource(json);
            r4.complete(context);
            LOG.infof("FHIR R4 context ready in %d ms (background thread)", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            r4.completeExceptionally(e);
            LOG.errorf("FHIR R4 context could not be created: %s", e.getClass().getName());
        }
    }

    /** The R4 context, waiting for it if it is still being built. */
    public FhirContext r4() {
        return r4.join();
    }

    /** Whether the context is ready (for readiness checks). */
    public boolean ready() {
        return r4.isDone() && !r4.isCompletedExceptionally();
    }
}
