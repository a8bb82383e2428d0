package io.spinemet.efficacy.api.http;

import io.spinemet.efficacy.Management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each attack of the hardening review, bounded, against the running service: the answer must be a proper problem
 * and the heap must not keep what the attack sent. Heap is measured in this JVM (the service runs in it) after GC.
 */
@QuarkusTest
class AttackTest {

    private static final Path LOG = Path.of("target/test-service.log");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Heap the attacks may leave behind, after GC (the service's live set is a few tens of MB). */
    private static final long HEAP_GROWTH_BOUND = 24L * 1024 * 1024;

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** 150,000 unknown keys in 1.7 MB: once an OutOfMemoryError and a 500; now a 400 listing 100 and counting. */
    @Test
    void oneHundredFiftyThousandUnknownKeysGetACappedListAndLeaveTheHeap() throws Exception {
        StringBuilder factors = new StringBuilder();
        for (int i = 0; i < 150_000; i++) {
            factors.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        String single = "{\"procedure\":\"PVP\",\"factors\":{" + factors + "}}";
        assertTrue(single.length() > 1_500_000 && single.length() < 2_000_000, "about 1.7 MB: " + single.length());
        long before = heapAfterGc();
        for (int round = 0; round < 5; round++) {
            given().contentType(ContentType.JSON).body(single).when().post("/api/v1/predictions").then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors", hasSize(100))
                    // 150,000 unknown factors and the 5 factors the PVP model needs
                    .body("errorsOmitted", equalTo(150_005 - 100))
                    .body("detail", equalTo("150005 problem(s) in the request; errors lists the first 100 and "
                            + "errorsOmitted counts the rest."));
        }
        String batch = "{\"patients\":[{\"id\":\"a\",\"procedure\":\"PVP\",\"factors\":{" + factors + "}}],"
                + "\"x\":1}";
        given().contentType(ContentType.JSON).body(batch).when().post("/api/v1/predictions/batch").then()
                .statusCode(400).body("errors", hasSize(1)); // the unknown top-level field; patients not scored
        String batchOk = "{\"patients\":[{\"id\":\"a\",\"procedure\":\"PVP\",\"factors\":{" + factors + "}}]}";
        given().contentType(ContentType.JSON).body(batchOk).when().post("/api/v1/predictions/batch").then()
                .statusCode(200).body("results[0].errors", hasSize(100))
                .body("results[0].errorsOmitted", equalTo(150_005 - 100));
        long growth = heapAfterGc() - before;
        assertTrue(growth < HEAP_GROWTH_BOUND, "heap grew by " + growth / 1024 + " kB");
        given().when().get(Management.url("/q/metrics")).then().statusCode(200);
    }

    /** The same cap for CSV: 60,000 unknown header columns, and a batch whose every row is wrong everywhere. */
    @Test
    void csvHeaderAndRowErrorsAreCapped() throws Exception {
        StringBuilder header = new StringBuilder("patientId,procedure");
        for (int i = 0; i < 60_000; i++) {
            header.append(",c").append(i);
        }
        long before = heapAfterGc();
        given().contentType("text/csv").body(header + "\n").when().post("/api/v1/predictions/batch").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors", hasSize(100)).body("errorsOmitted", equalTo(60_000 - 100));
        String all = "patientId,procedure,malnutrition,poorPerformanceStatus,leukopenia,primaryTumorGrowth,"
                + "targetedTherapy,metastasisDuringChemotherapy,primaryRadicallyResected,vertebraeInvolved,"
                + "extraspinalBoneMetastasis,visceralMetastasis,postoperativeRadiotherapy,frankelGrade\n";
        StringBuilder rows = new StringBuilder(all);
        for (int i = 0; i < 1000; i++) {
            rows.append("p,X,2,2,2,Q,2,2,2,0,2,2,2,Z\n"); // 14 errors per row (the repeated id from row 2 on)
        }
        String answer = given().contentType("text/csv").accept(ContentType.JSON).body(rows.toString()).when()
                .post("/api/v1/predictions/batch").then().statusCode(200).body("rejected", equalTo(1000))
                .extract().asString();
        JsonNode results = JSON.readTree(answer).get("results");
        long listed = 0;
        for (JsonNode r : results) {
            listed += r.get("errors").size();
            assertTrue(r.get("errors").size() >= 1);
        }
        assertTrue(listed <= 1000 + 999, "a batch lists at most 1,000 errors, then one per record: " + listed);
        assertTrue(heapAfterGc() - before < HEAP_GROWTH_BOUND);
    }

    /** Invented HTTP methods share one metric label; /q/metrics keeps answering. */
    @Test
    void inventedMethodsShareOneMetricLabel() throws Exception {
        int port = RestAssured.port;
        long before = heapAfterGc();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            // Read the answers while writing, or both sides' buffers fill and stop each other.
            java.util.concurrent.CompletableFuture<byte[]> answers = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return socket.getInputStream().readAllBytes();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            OutputStream out = socket.getOutputStream();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                burst.append("X").append(Integer.toString(i, 36).toUpperCase()).append("Q /api/v1/factors HTTP/1.1\r\n")
                        .append("Host: localhost\r\n\r\n");
                if (i % 500 == 499) {
                    out.write(burst.toString().getBytes(StandardCharsets.ISO_8859_1));
                    burst.setLength(0);
                }
            }
            out.write("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String all = new String(answers.get(60, java.util.concurrent.TimeUnit.SECONDS),
                    StandardCharsets.ISO_8859_1);
            assertEquals(5000, count(all, "HTTP/1.1 405 "), "each invented method gets a 405");
        }
        String metrics = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        Set<String> methods = new TreeSet<>();
        Matcher m = Pattern.compile("http_server_requests_seconds_count\\{[^}]*method=\"([^\"]+)\"").matcher(metrics);
        while (m.find()) {
            methods.add(m.group(1));
        }
        assertTrue(methods.contains("OTHER"), methods.toString());
        assertTrue(MetricLabels.KNOWN_METHODS.containsAll(methods.stream().filter(s -> !s.equals("OTHER")).toList()),
                methods.toString());
        assertTrue(heapAfterGc() - before < HEAP_GROWTH_BOUND);
    }

    /** HTTP-layer errors are problem+json too, and leave one clean log line without the URI. */
    @Test
    void httpLayerErrorsAreProblemsAndLogNoUri() throws Exception {
        int port = RestAssured.port;
        String log0 = Files.readString(LOG);
        String noHost = RawHttp.exchange(port, "GET /api/v1/factors?mrn=12345 HTTP/1.1\r\n\r\n");
        assertEquals(400, RawHttp.status(noHost), "port " + port + ": [" + noHost + "]");
        assertProblem(noHost, 400);

        String longUri = RawHttp.exchange(port, "GET /api/v1/factors?mrn=12345&pad=" + "a".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(414, RawHttp.status(longUri), longUri);
        assertProblem(longUri, 414);

        String badChunk = RawHttp.exchange(port, "POST /api/v1/predictions?mrn=12345 HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n");
        // Netty cannot read past a malformed chunk: the connection is closed, with a 400 problem when one can still
        // be written. Either way it is one log line.
        if (!badChunk.isEmpty()) {
            assertProblem(badChunk, 400);
        }

        // A client that goes away mid-upload: declared 100,000 bytes, sends 20, closes.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /api/v1/predictions/batch?mrn=12345 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: 100000\r\n\r\npatientId,procedure\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        // The same, chunked.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /api/v1/predictions/batch?mrn=12345 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n14\r\npatientId,procedure\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        given().when().get("/api/v1/nothing?mrn=12345").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/test-faults/oom?mrn=12345").then().statusCode(500)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(500))
                .body(not(org.hamcrest.Matchers.containsString("simulated")));
        given().when().get("/test-faults/route-oom?mrn=12345").then().statusCode(500)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(500))
                .body(not(org.hamcrest.Matchers.containsString("simulated")));
        Thread.sleep(500);

        String log = Files.readString(LOG).substring(log0.length());
        assertFalse(log.contains("mrn"), "a URI or query string reached the log:\n" + log);
        assertFalse(log.contains("12345"), log);
        assertFalse(log.contains("\tat "), "a stack trace reached the log:\n" + log);
        assertEquals(1, count(log, "Rejected POST request: 400, malformed HTTP"), log);
        assertFalse(log.contains("HttpClosedException") || log.contains("Connection was closed"), log);
        for (String line : log.lines().toList()) {
            if (line.contains(" ERROR ")) {
                assertTrue(line.contains("OutOfMemoryError"), "an ERROR that is not a fault of the service:\n"
                        + line);
            }
        }
        assertFalse(log.contains("Request-URI Too Long") && log.contains("ERROR"), log);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static void assertProblem(String raw, int status) throws Exception {
        assertTrue(raw.toLowerCase().contains("content-type: application/problem+json"), raw);
        JsonNode problem = JSON.readTree(RawHttp.body(raw));
        assertEquals(status, problem.get("status").asInt(), raw);
        assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail"), raw);
    }
}
