package io.spinemet.efficacy.api;

import io.quarkus.runtime.QuarkusApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The training run of the build's class-data-sharing archive ({@code target/quarkus-app/app-cds.jsa}). The build
 * starts the packaged service with {@code -XX:ArchiveClassesAtExit=app-cds.jsa} and this command: the service starts
 * completely on a free loopback port, answers one request of every endpoint (the OpenAPI examples), and exits, and
 * the JVM then archives every class it loaded. Quarkus' own AppCDS run stops before the HTTP server and the
 * application start, so its archive leaves out about half the classes a start-up loads. Exits non-zero, failing the
 * build, if the packaged service does not start or answers any example wrongly.
 */
public final class StartupArchiveTraining implements QuarkusApplication {

    /** The first command-line argument that runs it. */
    public static final String COMMAND = "startup-archive-training";

    private static final Logger LOG = Logger.getLogger(StartupArchiveTraining.class);

    private record Call(String method, String path, String contentType, String accept, String body) {
    }

    private static final List<Call> CALLS = List.of(
            new Call("GET", "/q/health/ready", null, "application/json", null),
            new Call("GET", "/q/health/live", null, "application/json", null),
            new Call("POST", "/api/v1/predictions", "application/json", "application/json", ApiExamples.PREDICT_PVP),
            new Call("POST", "/api/v1/predictions", "application/json", "application/json",
                    ApiExamples.PREDICT_DECOMPRESSION),
            new Call("POST", "/api/v1/predictions/comparison", "application/json", "application/json",
                    ApiExamples.COMPARISON),
            new Call("POST", "/api/v1/predictions/batch", "application/json", "application/json", ApiExamples.BATCH),
            new Call("POST", "/api/v1/predictions/batch", "text/csv", "text/csv", ApiExamples.BATCH_CSV),
            new Call("POST", "/api/v1/predictions", "application/json", "application/json",
                    ApiExamples.PREDICT_MEASUREMENTS),
            new Call("POST", "/api/v1/scores", "application/json", "application/json", ApiExamples.SCORES),
            new Call("GET", "/api/v1/measurements", null, "application/json", null),
            new Call("GET", "/api/v1/factors", null, "application/json", null),
            new Call("GET", "/api/v1/models", null, "application/json", null),
            new Call("GET", "/api/v1/models/pvp", null, "application/json", null),
            new Call("GET", "/api/v1/models/decompression", null, "text/markdown", null));

    /** Binds the service to a free loopback port; call before {@code Quarkus.run}. */
    public static void chooseLoopbackPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.http.port", Integer.toString(probe.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the start-up archive training run", e);
        }
    }

    @Override
    public int run(String... args) throws Exception {
        String base = "http://127.0.0.1:" + System.getProperty("quarkus.http.port");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> failures = new ArrayList<>();
        for (Call call : CALLS) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
                    .timeout(Duration.ofSeconds(30)).header("Accept", call.accept());
            if (call.body() != null) {
                request.header("Content-Type", call.contentType())
                        .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
            } else {
                request.method(call.method(), HttpRequest.BodyPublishers.noBody());
            }
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                failures.add(call.method() + " " + call.path() + " (" + call.contentType() + "): HTTP " + status);
            }
        }
        if (!failures.isEmpty()) {
            LOG.errorf("The packaged service answered %d of %d example requests wrongly:%n  %s", failures.size(),
                    CALLS.size(), String.join("\n  ", failures));
            return 1;
        }
        LOG.infof("Start-up archive training run: %d example requests answered", CALLS.size());
        return 0;
    }
}
