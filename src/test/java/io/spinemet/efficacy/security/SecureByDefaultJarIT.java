package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.PackagedJar;
import io.spinemet.efficacy.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged service as an operator gets it: authentication is on until explicitly turned off, and then local only. */
class SecureByDefaultJarIT {

    @Test
    void withoutAnIssuerConfiguredItRefusesToStart() throws Exception {
        PackagedJar.Run run = PackagedJar.run(List.of("-Dquarkus.http.port=0", "-Dquarkus.management.port=0"),
                List.of(), 90);
        assertTrue(run.finished(), "the service started without authentication settings:\n" + run.output());
        assertNotEquals(0, run.status());
        assertTrue(run.output().contains("Authentication of /api/v1 is on (the default) but not configured"),
                run.output());
        for (String setting : List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer",
                "mp.jwt.verify.audiences")) {
            assertTrue(run.output().contains(setting), setting + " is not named:\n" + run.output());
        }
        assertFalse(run.output().contains("Listening on"), run.output());
    }

    @Test
    void turnedOffItWarnsAndBindsLoopbackEvenWhenAskedForEveryInterface() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(List.of("-Dspinemet.security.auth-enabled=false",
                "-Dquarkus.http.host=0.0.0.0", "-Dquarkus.management.host=0.0.0.0"), Duration.ofSeconds(90))) {
            assertEquals("127.0.0.1", service.host(), service.output());
            assertTrue(service.output().contains("Authentication of /api/v1 is OFF"), service.output());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.url("/api/v1/factors"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        }
    }

    @Test
    void onlyAnExplicitOverrideBindsOtherInterfacesWithoutAuthentication() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(List.of("-Dspinemet.security.auth-enabled=false",
                "-Dspinemet.security.unauthenticated-host=0.0.0.0"), Duration.ofSeconds(90))) {
            assertEquals("0.0.0.0", service.host(), service.output());
            assertTrue(service.output().contains("spinemet.security.unauthenticated-host"), service.output());
        }
    }
}
