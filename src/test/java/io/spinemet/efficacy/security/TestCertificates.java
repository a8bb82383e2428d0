package io.spinemet.efficacy.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Self-signed TLS certificates for localhost and 127.0.0.1, made for a test run with the JDK's keytool. */
final class TestCertificates {

    static final String ALIAS = "spinemet";

    private TestCertificates() {
    }

    /** A PKCS#12 key store at {@code file} holding a new RSA key and its certificate, valid for 2 days. */
    static Path pkcs12(Path file, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Process keytool = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                    "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password,
                    "-keypass", password)).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new certificate written as PEM files, as a hospital's certificate usually comes: {@code certFile} holds the
     * certificate, {@code keyFile} the unencrypted PKCS#8 private key. Returns the certificate.
     */
    static X509Certificate pem(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        String password = "changeit";
        Path store = pkcs12(certFile.resolveSibling(certFile.getFileName() + ".p12"), password);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password.toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
        PrivateKey key = (PrivateKey) ks.getKey(ALIAS, password.toCharArray());
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
        Files.delete(store);
        return cert;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
