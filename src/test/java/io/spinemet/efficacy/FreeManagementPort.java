package io.spinemet.efficacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tests: the management interface on a port free when the test JVM starts, the same one for every class loader
 * (memoized in a system property). Several builds share this machine, so the default test port (9001) may be taken;
 * and with {@code quarkus.management.test-port=0} the test URL would not learn the port chosen.
 */
public class FreeManagementPort implements ConfigSource {

    private static final String PROPERTY = "quarkus.management.test-port";

    private static synchronized String port() {
        String port = System.getProperty("spinemet.test.management-port");
        if (port == null) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = Integer.toString(probe.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("spinemet.test.management-port", port);
        }
        return port;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, port());
    }

    @Override
    public String getValue(String name) {
        return PROPERTY.equals(name) ? port() : null;
    }

    @Override
    public String getName() {
        return "spinemet-test-management-port";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
