package io.spinemet.efficacy.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The FHIR context is built once, by whichever comes first: the warm-up or a hook call. */
class FhirContextsTest {

    @Test
    void aHookCallBeforeTheWarmUpBuildsTheContextItself() {
        FhirContexts contexts = new FhirContexts();
        assertFalse(contexts.ready());
        FhirContext r4 = contexts.r4();
        assertEquals(FhirVersionEnum.R4, r4.getVersion().getVersion());
        assertTrue(contexts.ready());
        contexts.build(); // the warm-up arriving late changes nothing
        assertSame(r4, contexts.r4());
    }

    @Test
    void callsDuringTheWarmUpWaitForTheOneContext() {
        FhirContexts contexts = new FhirContexts();
        CompletableFuture<Void> warmUp = CompletableFuture.runAsync(contexts::build);
        FhirContext a = contexts.r4();
        FhirContext b = CompletableFuture.supplyAsync(contexts::r4).join();
        warmUp.join();
        assertSame(a, b);
    }
}
