package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS as the README documents it for a hospital: the packaged service started with a PEM certificate and key
 * ({@code quarkus.http.ssl.certificate.files} / {@code .key-files}, the same under {@code quarkus.management.ssl} for
 * the management port) and {@code quarkus.http.insecure-requests=disabled}.
 * The certificate is self-signed and made for this run ({@link TestCertificates}), the ports are free ones. A client
 * that trusts exactly that certificate gets answers over HTTPS, with HSTS; one with the JDK's default trust store is
 * refused; plain HTTP gets no answer on either port.
 */
class PemTlsJarIT {

    static final Path DIR = Path.of("target", "test-tls", "pem-" + ProcessHandle.current().pid());
    static final Pattern LISTENING = Pattern.compile(
            "Listening on: (\\S+?)\\. Management interface listening on (\\S+?)\\.\\s");
    static final Pattern HTTPS_PORT = Pattern.compile("https://127\\.0\\.0\\.1:(\\d+)");

    static X509Certificate certificate;
    static Process service;
    static Path log;
    static int httpsPort;
    static int managementPort;
    static int httpPort;

    @BeforeAll
    static void start() throws Exception {
        Path cert = DIR.resolve("tls.crt");
        Path key = DIR.resolve("tls.key");
        Files.createDirectories(DIR);
        certificate = TestCertificates.pem(cert, key);
        httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-Xmx128m",
                "-Dspinemet.security.auth-enabled=false",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.http.ssl-port=0",
                "-Dquarkus.management.port=0",
                "-Dquarkus.http.ssl.certificate.files=" + cert.toAbsolutePath(),
                "-Dquarkus.http.ssl.certificate.key-files=" + key.toAbsolutePath(),
                "-Dquarkus.http.insecure-requests=disabled",
                "-Dquarkus.management.ssl.certificate.files=" + cert.toAbsolutePath(),
                "-Dquarkus.management.ssl.certificate.key-files=" + key.toAbsolutePath(),
                "-jar", "target/quarkus-app/quarkus-run.jar"));
        log = Files.createTempFile("spinemet-tls", ".log");
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            Matcher listening = LISTENING.matcher(output());
            if (listening.find()) {
                Matcher https = HTTPS_PORT.matcher(listening.group(1));
                assertTrue(https.find(), "not listening on HTTPS: " + listening.group(1));
                httpsPort = Integer.parseInt(https.group(1));
                Matcher management = HTTPS_PORT.matcher(listening.group(2));
                assertTrue(management.find(), "management not on HTTPS: " + listening.group(2));
                managementPort = Integer.parseInt(management.group(1));
                assertTrue(!listening.group(1).contains("http://"), "still listening on plain HTTP: "
                        + listening.group(1));
                return;
            }
            if (!service.isAlive()) {
                fail("the service exited with " + service.exitValue() + ":\n" + output());
            }
            Thread.sleep(100);
        }
        fail("the service did not start within 90 s:\n" + output());
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    static String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** A client that trusts this run's certificate and nothing else (host names are checked). */
    static HttpClient trustingTheCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("spinemet", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void httpsServesTheConfiguredCertificateWithHsts() throws Exception {
        HttpClient client = trustingTheCertificate();
        for (String path : List.of("/api/v1/factors", "/")) {
            HttpResponse<String> r = client.send(get("https://localhost:" + httpsPort + path),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            assertEquals(SecurityHeaders.HSTS, r.headers().firstValue("Strict-Transport-Security").orElse(null),
                    path + ": HSTS over TLS");
            X509Certificate served = (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
            assertEquals(certificate, served, "the server presents the PEM file's certificate");
        }
    }

    @Test
    void theManagementInterfaceTakesTheSamePemFiles() throws Exception {
        HttpResponse<String> r = trustingTheCertificate().send(get("https://localhost:" + managementPort
                + "/q/health/ready"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(certificate, r.sslSession().orElseThrow().getPeerCertificates()[0]);
        assertEquals(SecurityHeaders.HSTS, r.headers().firstValue("Strict-Transport-Security").orElse(null));
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThrows(SSLHandshakeException.class, () -> defaults.send(
                get("https://localhost:" + httpsPort + "/api/v1/factors"), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        // insecure-requests=disabled: the configured HTTP port is not opened at all
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), httpPort).close());
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThrows(IOException.class, () -> plain.send(get("http://127.0.0.1:" + httpPort + "/api/v1/factors"),
                HttpResponse.BodyHandlers.ofString()));
        // and plain HTTP sent to the HTTPS port gets no HTTP answer
        assertThrows(IOException.class, () -> plain.send(get("http://127.0.0.1:" + httpsPort + "/api/v1/factors"),
                HttpResponse.BodyHandlers.ofString()));
    }
}
