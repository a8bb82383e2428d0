package io.spinemet.efficacy.cdshooks;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs prefetch queries the client did not satisfy against its FHIR server, with the bearer token it gave, through
 * the Quarkus REST client. All queries of a hook run at once; each has its own timeout and the hook a total budget.
 * Only queries built from the service's own templates reach this class, so only declared resource types are read.
 */
public class FhirFetcher {

    /** What one query gave: the body, or why there is none. */
    public record Result(String body, String failure) {
        static Result ok(String body) {
            return new Result(body, null);
        }

        static Result failed(String why) {
            return new Result(null, why);
        }
    }

    private static final int MAX_CLIENTS = 32;

    private final Duration callTimeout;
    private final Duration budget;
    private final Map<URI, FhirRestClient> clients = new ConcurrentHashMap<>();

    public FhirFetcher(Duration callTimeout, Duration budget) {
        this.callTimeout = callTimeout;
        this.budget = budget;
    }

    /**
     * @param base         the hook's {@code fhirServer}
     * @param accessToken  {@code fhirAuthorization.access_token}
     * @param queries      prefetch key to relative URL ({@code Observation?patient=1&code=...} or {@code Patient/1})
     * @return per key, the body or the failure, in the order given
     */
    public Map<String, Result> fetch(URI base, String accessToken, Map<String, String> queries) {
        FhirRestClient client = client(base);
        String authorization = "Bearer " + accessToken;
        Map<String, CompletableFuture<String>> running = new LinkedHashMap<>();
        queries.forEach((key, query) -> running.put(key, call(client, query, authorization)));
        long deadline = System.nanoTime() + budget.toNanos();
        Map<String, Result> results = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<String>> e : running.entrySet()) {
            long left = deadline - System.nanoTime();
            results.put(e.getKey(), await(e.getValue(), Math.max(left, 0)));
        }
        return results;
    }

    private static Result await(CompletableFuture<String> call, long nanos) {
        try {
            return Result.ok(call.get(nanos, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            return Result.failed("the hook's time budget for FHIR calls ran out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("interrupted");
        } catch (ExecutionException e) {
            return Result.failed(describe(e.getCause()));
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof WebApplicationException w && w.getResponse() != null) {
            return "the FHIR server answered HTTP " + w.getResponse().getStatus();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            if (name.contains("timeout")) {
                return "the FHIR server did not answer in time";
            }
        }
        return "the FHIR server could not be reached";
    }

    private static CompletableFuture<String> call(FhirRestClient client, String query, String authorization) {
        int q = query.indexOf('?');
        String path = q < 0 ? query : query.substring(0, q);
        String[] segments = path.split("/");
        try {
            if (segments.length == 2) {
                return client.read(segments[0], segments[1], authorization).toCompletableFuture();
            }
            return client.search(segments[0], queryParameters(q < 0 ? "" : query.substring(q + 1)), authorization)
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static MultivaluedMap<String, String> queryParameters(String query) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.add(name, value);
        }
        return params;
    }

    private FhirRestClient client(URI base) {
        FhirRestClient client = clients.get(base);
        if (client != null) {
            return client;
        }
        client = QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(FhirRestClient.class);
        if (clients.size() < MAX_CLIENTS) {
            clients.put(base, client);
        }
        return client;
    }
}
