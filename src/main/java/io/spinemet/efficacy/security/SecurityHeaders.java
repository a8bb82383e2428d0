package io.spinemet.efficacy.security;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Response headers on both interfaces: {@code X-Content-Type-Options: nosniff} and a Content-Security-Policy on every
 * response but Quarkus' own under /q/ (strict for pages: same-origin scripts, styles and images only, no framing; {@code default-src 'none'} for
 * data), {@code Cache-Control: no-store} on predictions and scores (they describe a patient), and HSTS when the request
 * came over TLS.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** For HTML pages: nothing from other origins, no inline script, no framing, forms post only here. */
    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** For data (JSON, CSV, Markdown): nothing may be loaded or run from it. */
    public static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(SecurityHeaders::handle);
    }

    void registerManagement(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE + 2).handler(SecurityHeaders::handle);
    }

    static void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean tls = rc.request().isSSL();
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (!headers.contains("Content-Security-Policy") && !quarkusTool(path)) {
                headers.set("Content-Security-Policy", page(path) ? PAGE_POLICY : DATA_POLICY);
            }
            if (patientData(path)) {
                headers.set("Cache-Control", "no-store");
            }
            if (tls) {
                headers.set("Strict-Transport-Security", HSTS);
            }
        });
        rc.next();
    }

    /** Pages are everything but the API, CDS Hooks and Quarkus' own endpoints (Swagger UI brings its own scripts). */
    static boolean page(String path) {
        return path != null && !path.startsWith("/api/") && !path.startsWith("/cds-services") && !path.startsWith("/q/");
    }

    /** Quarkus' endpoints under /q/ (Swagger UI has inline scripts of its own): no policy of ours. */
    static boolean quarkusTool(String path) {
        return path != null && path.startsWith("/q/");
    }

    static boolean patientData(String path) {
        return path != null && (path.startsWith("/api/v1/predictions") || path.startsWith("/api/v1/scores")
                || path.startsWith("/cds-services/"));
    }
}
