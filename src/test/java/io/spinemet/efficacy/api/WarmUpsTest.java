package io.spinemet.efficacy.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.spinemet.efficacy.cdshooks.FhirContexts;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The warm-ups run by themselves once the HTTP server listens: nobody has to call an endpoint first. */
@QuarkusTest
class WarmUpsTest {

    @Inject
    WarmUps warmUps;

    @Inject
    FhirContexts fhir;

    @Test
    void theWarmUpsRunAfterTheServerStarts() throws Exception {
        warmUps.await(Duration.ofSeconds(60));
        assertTrue(warmUps.finished(), "the warm-ups never ran: the HTTP server's start event was not observed");
        assertTrue(fhir.ready());
    }
}
