package io.spinemet.efficacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged service under SIGTERM and slow clients, as it runs in production. */
class HardeningJarIT {

    private static final int IN_FLIGHT = 32;

    /** A PVP request of the README, whose body is sent in two halves. */
    private static byte[] body() throws Exception {
        return Files.readAllBytes(Path.of("openapi/examples/predict-pvp.json"));
    }

    /** The jar requires authentication by default; these tests are about HTTP, on loopback. */
    private static final String NO_AUTH = "-Dspinemet.security.auth-enabled=false";
    private static final String FREE_MANAGEMENT_PORT = "-Dquarkus.management.port=0";

    @Test
    void sigtermLetsRequestsInFlightFinish() throws Exception {
        PackagedJar.Service service = PackagedJar.start(List.of(NO_AUTH, FREE_MANAGEMENT_PORT, "-Dspinemet.http.body-timeout=60S"), 90);
        byte[] body = body();
        int half = body.length / 2;
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < IN_FLIGHT; i++) {
                Socket socket = new Socket("127.0.0.1", service.port());
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/predictions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, 0, half);
                out.flush();
                sockets.add(socket);
            }
            Thread.sleep(1000); // every request has reached the service and waits for the rest of its body
            service.process().destroy(); // SIGTERM
            Thread.sleep(500);
            for (Socket socket : sockets) {
                socket.getOutputStream().write(body, half, body.length - half);
                socket.getOutputStream().flush();
            }
            int ok = 0;
            List<String> others = new ArrayList<>();
            for (Socket socket : sockets) {
                String answer = head(socket.getInputStream());
                if (answer.startsWith("HTTP/1.1 200")) {
                    ok++;
                } else {
                    others.add(answer);
                }
            }
            assertEquals(IN_FLIGHT, ok, "requests in flight at SIGTERM that did not complete: " + others
                    + "\n" + service.output());
            assertTrue(service.process().waitFor(30, TimeUnit.SECONDS), "the service did not stop");
            String output = service.output().toString();
            assertFalse(output.contains(" ERROR "), output);
            assertFalse(output.contains("\tat "), output);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
            service.process().destroyForcibly().waitFor();
        }
    }

    @Test
    void slowClientsCannotHoldConnections() throws Exception {
        PackagedJar.Service service = PackagedJar.start(List.of(NO_AUTH, FREE_MANAGEMENT_PORT, "-Dquarkus.http.idle-timeout=2S",
                "-Dspinemet.http.body-timeout=3S"), 90);
        try {
            // Idle: half a request line, then nothing.
            try (Socket socket = new Socket("127.0.0.1", service.port())) {
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write("GET /api/v1/fac".getBytes(StandardCharsets.ISO_8859_1));
                long start = System.nanoTime();
                assertEquals(-1, socket.getInputStream().read(), "the idle connection was answered");
                double seconds = (System.nanoTime() - start) / 1e9;
                assertTrue(seconds >= 1.5 && seconds < 12, "closed after " + seconds + " s");
            }
            // Trickle: a body one byte per second never trips the idle timeout, but the body deadline closes it.
            try (Socket socket = new Socket("127.0.0.1", service.port())) {
                socket.setSoTimeout(15_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/predictions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                long start = System.nanoTime();
                boolean closed = false;
                for (int i = 0; i < 12 && !closed; i++) {
                    Thread.sleep(1000);
                    try {
                        out.write(' ');
                        out.flush();
                    } catch (java.io.IOException e) {
                        closed = true;
                    }
                    if (!closed && socket.getInputStream().available() == 0) {
                        socket.setSoTimeout(1);
                        try {
                            closed = socket.getInputStream().read() == -1;
                        } catch (java.net.SocketTimeoutException e) {
                            // still open
                        } finally {
                            socket.setSoTimeout(15_000);
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertTrue(closed, "a body trickled for " + seconds + " s kept its connection");
                assertTrue(seconds >= 2.5, "closed after " + seconds + " s");
            }
            String output = service.output().toString();
            assertTrue(output.contains("whose body did not arrive within 3000 ms"), output);
            assertFalse(output.contains(" ERROR "), output);
        } finally {
            service.process().destroy();
            service.process().waitFor(30, TimeUnit.SECONDS);
            service.process().destroyForcibly().waitFor();
        }
    }

    /** The status line and headers of an answer. */
    private static String head(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
