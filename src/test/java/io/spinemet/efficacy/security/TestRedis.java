package io.spinemet.efficacy.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real Redis the replay-cache tests share: the one {@code .ci/run} started (port in {@code SPINEMET_TEST_REDIS_PORT}),
 * else a {@code redis-server} from the PATH started here for this JVM. Without either the tests are skipped, except on
 * CI ({@code CI=true}), where they fail.
 */
public final class TestRedis {

    private static String url;

    private TestRedis() {
    }

    /** {@code redis://127.0.0.1:port}, or {@code null} when no Redis can be had. */
    public static synchronized String url() {
        if (url != null) {
            return url;
        }
        String port = System.getenv("SPINEMET_TEST_REDIS_PORT");
        if (port == null || port.isBlank()) {
            port = System.getProperty("spinemet.test.redis-port");
        }
        if (port == null || port.isBlank()) {
            port = startLocal();
        }
        if (port == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide Redis: .ci/run starts redis-server and sets "
                        + "SPINEMET_TEST_REDIS_PORT");
            }
            return null;
        }
        url = "redis://127.0.0.1:" + port;
        return url;
    }

    private static String startLocal() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = probe.getLocalPort();
            probe.close();
            Path dir = Files.createTempDirectory("spinemet-redis");
            Process redis = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::destroy));
            for (int i = 0; i < 100; i++) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    System.setProperty("spinemet.test.redis-port", Integer.toString(port));
                    return Integer.toString(port);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            redis.destroy();
            return null;
        } catch (IOException e) {
            return null; // no redis-server on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
