package io.spinemet.efficacy.api;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.QuarkusApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * A file of the JVM's {@code -Xlog:cds=warning} lines from an earlier dump. JDK 17 archives only linked classes,
     * and a class the service loads but never links (an exception in a signature, an annotation type read by
     * reflection: about a thousand) is left out, so each start-up loads and verifies it from its jar. The build
     * therefore dumps twice: the second training run links the classes the first one reported as "Not linked".
     */
    static final String LINK_LIST = "spinemet.startup-archive.link";
    private static final Pattern NOT_LINKED = Pattern.compile("Skipping (\\S+): Not linked");

    private static final Logger LOG = Logger.getLogger(StartupArchiveTraining.class);

    private record Call(String method, String path, String contentType, String accept, String body) {
    }

    /** Quarkus' endpoints, on the management interface. */
    private static final List<Call> MANAGEMENT_CALLS = List.of(
            new Call("GET", "/q/health/ready", null, "application/json", null),
            new Call("GET", "/q/health/live", null, "application/json", null),
            new Call("GET", "/q/openapi", null, "application/json", null));

    private static final List<Call> CALLS = List.of(
            new Call("POST", "/api/v1/predictions", "application/json", "application/json", ApiExamples.PREDICT_PVP),
            new Call("POST", "/api/v1/predictions", "application/json", "application/json",
                    ApiExamples.PREDICT_DECOMPRESSION),
            new Call("POST", "/api/v1/predictions/comparison", "application/json", "application/json",
                    ApiExamples.COMPARISON),
            new Call("POST", "/api/v1/predictions/batch", "application/json", "application/json", ApiExamples.BATCH),
            new Call("POST", "/api/v1/predictions/batch", "text/csv", "text/csv", ApiExamples.BATCH_CSV),
            new Call("POST", "/api/v1/predictions/batch", "text/csv", "application/json", ApiExamples.BATCH_CSV),
            new Call("POST", "/api/v1/predictions", "application/json", "application/json",
                    ApiExamples.PREDICT_MEASUREMENTS),
            new Call("POST", "/api/v1/scores", "application/json", "application/json", ApiExamples.SCORES),
            new Call("GET", "/api/v1/measurements", null, "application/json", null),
            new Call("GET", "/api/v1/factors", null, "application/json", null),
            new Call("GET", "/api/v1/models", null, "application/json", null),
            new Call("GET", "/api/v1/models/pvp", null, "application/json", null),
            new Call("GET", "/api/v1/models/decompression", null, "text/markdown", null),
            new Call("GET", "/api/v1/models/pvp/card.md", null, "text/markdown", null));

    /**
     * Binds the service and its management interface to free loopback ports, without authentication (the run sends
     * no token and nothing else can reach it); call before {@code Quarkus.run}.
     */
    public static void chooseLoopbackPort() {
        System.setProperty("spinemet.security.auth-enabled", "false");
        System.setProperty("quarkus.http.host", "127.0.0.1");
        System.setProperty("quarkus.http.port", freeLoopbackPort());
        System.setProperty("quarkus.management.host", "127.0.0.1");
        System.setProperty("quarkus.management.port", freeLoopbackPort());
    }

    /**
     * Links (verifies, without initialising) each class the list names. {@code getDeclaredConstructors} makes
     * HotSpot link the class; a class that cannot be loaded or linked here is simply left out of the archive.
     */
    static int linkNotLinked(String listFile) throws IOException {
        if (listFile == null || !Files.exists(Path.of(listFile))) {
            return 0;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int linked = 0;
        for (String line : Files.readAllLines(Path.of(listFile))) {
            Matcher m = NOT_LINKED.matcher(line);
            if (!m.find() || m.group(1).contains("$$Lambda") || m.group(1).contains("/0x")) {
                continue;
            }
            try {
                Class.forName(m.group(1).replace('/', '.'), false, loader).getDeclaredConstructors();
                linked++;
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // not archived, as before
            }
        }
        LOG.infof("Start-up archive training run: linked %d classes an earlier dump could not archive", linked);
        return linked;
    }

    private static String freeLoopbackPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the start-up archive training run", e);
        }
    }

    @Override
    public int run(String... args) throws Exception {
        String base = "http://127.0.0.1:" + System.getProperty("quarkus.http.port");
        String management = "http://127.0.0.1:" + System.getProperty("quarkus.management.port");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> failures = new ArrayList<>();
        List<Call> all = new ArrayList<>(MANAGEMENT_CALLS);
        all.addAll(CALLS);
        for (Call call : all) {
            String root = MANAGEMENT_CALLS.contains(call) ? management : base;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + call.path()))
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
        // The warm-ups' classes (UCUM, HAPI FHIR's R4 model) belong in the archive too.
        Arc.container().instance(WarmUps.class).get().await(Duration.ofSeconds(60));
        linkNotLinked(System.getProperty(LINK_LIST));
        if (!failures.isEmpty()) {
            LOG.errorf("The packaged service answered %d of %d example requests wrongly:%n  %s", failures.size(),
                    all.size(), String.join("\n  ", failures));
            return 1;
        }
        LOG.infof("Start-up archive training run: %d example requests answered", all.size());
        return 0;
    }
}
