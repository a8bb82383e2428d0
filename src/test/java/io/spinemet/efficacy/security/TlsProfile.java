package io.spinemet.efficacy.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Production-like: Swagger UI off, CORS for one planning tool's origin, and TLS from a certificate made for the run
 * ({@link TestCertificates}: keytool, self-signed, PKCS#12), on a free port remembered in a system
 * property so that the test, loaded by another class loader, knows it.
 */
public class TlsProfile implements QuarkusTestProfile {

    static final String PORT_PROPERTY = "spinemet.test.tls-port";
    static final String PASSWORD = "changeit";
    static final String PLANNER = "https://planner.hospital.example";

    static synchronized String port() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = Integer.toString(probe.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PORT_PROPERTY, port);
        }
        return port;
    }

    static synchronized Path keyStore() {
        Path file = Path.of("target", "test-tls", ProcessHandle.current().pid() + ".p12");
        if (!Files.exists(file)) {
            TestCertificates.pkcs12(file, PASSWORD);
        }
        return file.toAbsolutePath();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.ssl.certificate.key-store-file", keyStore().toString(),
                "quarkus.http.ssl.certificate.key-store-password", PASSWORD,
                "quarkus.http.test-ssl-port", port(),
                "quarkus.http.insecure-requests", "enabled",
                // production: no Swagger UI
                "quarkus.swagger-ui.enabled", "false",
                // the README's CORS example: a browser-based planning tool on another origin
                "quarkus.http.cors.enabled", "true",
                "quarkus.http.cors.origins", PLANNER,
                "quarkus.http.cors.methods", "GET,POST",
                "quarkus.http.cors.headers", "Authorization,Content-Type,Accept",
                "quarkus.http.cors.exposed-headers", "X-Request-Id,Retry-After");
    }
}
