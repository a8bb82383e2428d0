package io.spinemet.efficacy.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.vertx.core.Context;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.jboss.logging.Logger;

/**
 * Runs prefetch queries the client did not satisfy against its FHIR server, with the bearer token it gave, through
 * the Quarkus REST client. All queries of a hook run at once; each call has its own timeout and the hook a total
 * budget. Only queries built from the service's own templates reach this class, so only declared resource types are
 * read.
 *
 * <p>A search answered in pages (FHIR R4 http.html#paging: a searchset Bundle with a {@code next} link) is followed
 * page by page, up to {@code maxPages}. A {@code next} link is followed only when it lies under the same FHIR base
 * (scheme, host, port and base path), so the bearer token never leaves that server and a server cannot make the
 * service call elsewhere (SSRF); a link elsewhere fails the query. When pages remain after {@code maxPages}, what was
 * read is returned with a note that it may be incomplete.
 */
public class FhirFetcher {

    private static final Logger LOG = Logger.getLogger(FhirFetcher.class);

    /**
     * What one query gave: the parsed pages, or why there is none.
     *
     * @param pages      the resources read, one per page (Bundles stay Bundles)
     * @param failure    why the query gave nothing usable, or {@code null}
     * @param incomplete why the pages read may not be all of the result (page cap), or {@code null}
     */
    public record Result(List<IBaseResource> pages, String failure, String incomplete) {
        static Result ok(List<IBaseResource> pages) {
            return new Result(List.copyOf(pages), null, null);
        }

        static Result capped(List<IBaseResource> pages, String why) {
            return new Result(List.copyOf(pages), null, why);
        }

        static Result failed(String why) {
            return new Result(List.of(), why, null);
        }
    }

    /** A page after the first failed: keeps its number for the message. */
    private static final class PageFailure extends RuntimeException {
        final int page;

        PageFailure(int page, Throwable cause) {
            super(null, cause, false, false);
            this.page = page;
        }
    }

    /** A query that must stop with a reason of the service's own (a refused link, an unreadable page). */
    private static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private static final int MAX_CLIENTS = 32;

    private final Duration callTimeout;
    private final Duration budget;
    private final int maxPages;
    private final Map<URI, FhirRestClient> clients = new ConcurrentHashMap<>();

    public FhirFetcher(Duration callTimeout, Duration budget, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("spinemet.cds.fetch.max-pages must be at least 1");
        }
        this.callTimeout = callTimeout;
        this.budget = budget;
        this.maxPages = maxPages;
    }

    /**
     * @param base         the hook's {@code fhirServer}
     * @param accessToken  {@code fhirAuthorization.access_token}
     * @param queries      prefetch key to relative URL ({@code Observation?patient=1&code=...} or {@code Patient/1})
     * @param fhir         parses the pages (a new parser per page: HAPI parsers are not shared between threads)
     * @return per key, the pages or the failure, in the order given
     */
    public Map<String, Result> fetch(URI base, String accessToken, Map<String, String> queries, FhirContext fhir) {
        return fetch(base, accessToken, queries, Map.of(), fhir);
    }

    /**
     * Also reads the rest of searches whose first page the client prefetched.
     *
     * @param continued prefetch key to the prefetched first page, a Bundle with a {@code next} link; its result
     *                  holds that page and the pages after it
     */
    public Map<String, Result> fetch(URI base, String accessToken, Map<String, String> queries,
                                     Map<String, Bundle> continued, FhirContext fhir) {
        if (Context.isOnEventLoopThread()) {
            // CdsServicesResource sends every call that may fetch to a worker; waiting here would stall the loop
            throw new IllegalStateException("a FHIR fetch must not run on an I/O thread");
        }
        FhirRestClient client = client(base);
        String authorization = "Bearer " + accessToken;
        Map<String, CompletableFuture<Result>> running = new LinkedHashMap<>();
        queries.forEach((key, query) -> running.put(key, call(client, query, authorization)
                .thenCompose(body -> pages(client, base, authorization, fhir, body, new ArrayList<>(), 1))));
        continued.forEach((key, first) -> running.put(key, follow(client, base, authorization, fhir, first,
                new ArrayList<>(), 1)));
        long deadline = System.nanoTime() + budget.toNanos();
        Map<String, Result> results = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<Result>> e : running.entrySet()) {
            long left = deadline - System.nanoTime();
            results.put(e.getKey(), await(e.getValue(), Math.max(left, 0)));
        }
        return results;
    }

    /** Parses page {@code number}, then {@link #follow}s it. */
    private CompletableFuture<Result> pages(FhirRestClient client, URI base, String authorization, FhirContext fhir,
                                            String body, List<IBaseResource> read, int number) {
        IBaseResource page;
        try {
            page = FhirJson.parser(fhir).parseResource(body);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new Refused(number == 1 ? "not a FHIR R4 resource"
                    : "page " + number + " is not a FHIR R4 resource"));
        }
        return follow(client, base, authorization, fhir, page, read, number);
    }

    /** Keeps page {@code number} and follows its next link, if any, within the page cap. */
    private CompletableFuture<Result> follow(FhirRestClient client, URI base, String authorization, FhirContext fhir,
                                             IBaseResource page, List<IBaseResource> read, int number) {
        read.add(page);
        Bundle.BundleLinkComponent next = page instanceof Bundle b ? b.getLink(Bundle.LINK_NEXT) : null;
        if (next == null || !next.hasUrl()) {
            return CompletableFuture.completedFuture(Result.ok(read));
        }
        if (number >= maxPages) {
            LOG.warnf("FHIR search on %s cut off after %d pages (spinemet.cds.fetch.max-pages)", base.getHost(),
                    maxPages);
            return CompletableFuture.completedFuture(Result.capped(read, "the search has more than " + maxPages
                    + " pages; only the first " + maxPages + " were read, so the data may be incomplete"));
        }
        Optional<URI> target = sameServer(base, next.getUrl());
        if (target.isEmpty()) {
            String host = hostOf(next.getUrl());
            LOG.warnf("FHIR server %s gave a next link to another server (%s): not followed", base.getHost(), host);
            return CompletableFuture.failedFuture(new Refused("page " + (number + 1)
                    + " was refused: its next link points outside the FHIR server (" + host + ")"));
        }
        CompletableFuture<String> call;
        try {
            call = client.page(target.get().toString(), authorization).toCompletableFuture();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((nextBody, error) -> error != null
                        ? CompletableFuture.<Result>failedFuture(new PageFailure(number + 1, error))
                        : pages(client, base, authorization, fhir, nextBody, read, number + 1))
                .thenCompose(Function.identity());
    }

    /**
     * The next link resolved against the FHIR base, if it lies under that base: same scheme, host and port, no user
     * info, and a path equal to the base path or below it (after removing dot segments; encoded dots and slashes
     * are refused, since a server may decode them after the check).
     */
    static Optional<URI> sameServer(URI base, String link) {
        URI next;
        try {
            String baseText = base.toString();
            URI root = URI.create(baseText.endsWith("/") ? baseText : baseText + "/");
            next = root.resolve(link.trim()).normalize();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (next.getHost() == null || next.getRawUserInfo() != null || base.getHost() == null) {
            return Optional.empty();
        }
        String rawPath = next.getRawPath() == null ? "" : next.getRawPath();
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")) {
            return Optional.empty();
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        boolean samePlace = next.getScheme().equalsIgnoreCase(base.getScheme())
                && next.getHost().equalsIgnoreCase(base.getHost()) && port(next) == port(base)
                && (rawPath.equals(basePath) || rawPath.startsWith(basePath + "/"));
        return samePlace ? Optional.of(next) : Optional.empty();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }

    /** The host of a link, for the message (never the whole URL: its query may name the patient). */
    private static String hostOf(String link) {
        try {
            String host = URI.create(link.trim()).getHost();
            return host == null ? "no host" : "host " + host;
        } catch (IllegalArgumentException e) {
            return "not a valid URL";
        }
    }

    private static Result await(CompletableFuture<Result> call, long nanos) {
        try {
            return call.get(nanos, TimeUnit.NANOSECONDS);
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
        if (cause instanceof Refused r) {
            return r.getMessage();
        }
        if (cause instanceof PageFailure p) {
            return describe(p.getCause()) + " (page " + p.page + ")";
        }
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            return describe(cause.getCause());
        }
        if (cause instanceof WebApplicationException w && w.getResponse() != null) {
            return "the FHIR server answered HTTP " + w.getResponse().getStatus();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
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
