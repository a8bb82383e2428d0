package io.spinemet.efficacy.cdshooks;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.spinemet.efficacy.api.ProblemResponses;
import io.spinemet.efficacy.security.ReplayCache;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every CDS Hooks call, discovery included, must carry {@code Authorization: Bearer <JWT>} from an allow-listed
 * client ({@link CdsTokenVerifier}); otherwise 401 with a problem that says why, never quoting the token. With
 * {@code spinemet.cds.auth.enabled=false} (local development only) nothing is checked and a warning is logged at
 * start-up.
 */
public class CdsAuthFilter {

    private static final Logger LOG = Logger.getLogger(CdsAuthFilter.class);
    static final String PATH = "/cds-services";

    /** Resolved on the first request: the filter itself is created before runtime configuration exists. */
    @Inject
    Instance<Authenticator> authenticator;

    /** The checks as configured, set up (and warned about) at start-up. */
    @Startup
    @Singleton
    public static class Authenticator {
        private final CdsTokenVerifier verifier;
        private final String serviceUrl;

    public Authenticator(CdsSettings settings, ReplayCache replays) {
        this.serviceUrl = settings.serviceUrl();
        if (settings.auth().enabled()) {
            this.verifier = new CdsTokenVerifier(settings.auth().clients(), replays, settings.auth().clockSkew(),
                    settings.auth().maxTokenLifetime());
            if (settings.auth().clients().isEmpty()) {
                LOG.warn("CDS Hooks: no client is allow-listed (spinemet.cds.auth.clients): every call will be "
                        + "refused with 401");
            }
        } else {
            this.verifier = null;
            LOG.warn("CDS Hooks authentication is OFF (spinemet.cds.auth.enabled=false): any caller can use "
                    + "/cds-services. For local development only; never in production.");
        }
    }

    }

    /**
     * Checks the call's JWT. A CDS call with a complete prefetch is answered on the I/O thread, so this filter runs
     * there too: when the check may wait on the network (Redis replay cache, a JWK Set URL) it moves to a worker
     * thread, and the call continues there.
     */
    @ServerRequestFilter
    public Uni<Response> authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String path = http.path();
        if (!(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            return null;
        }
        Authenticator auth = authenticator.get();
        if (auth.verifier == null) {
            return null;
        }
        if (auth.verifier.mayBlock() && Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(() -> refusal(auth, request, path))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().item(refusal(auth, request, path));
    }

    /** The 401 for this call, or {@code null} when its token passes. */
    private static Response refusal(Authenticator auth, ContainerRequestContext request, String path) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return refuse("the request has no Authorization: Bearer header", path);
        }
        try {
            auth.verifier.verify(header.substring(7).trim(), auth.serviceUrl + path);
            return null;
        } catch (CdsTokenVerifier.Refused e) {
            return refuse(e.getMessage(), path);
        }
    }

    private static Response refuse(String why, String path) {
        LOG.infof("CDS Hooks call refused: %s", why);
        return Response.status(401).type(ProblemResponses.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .entity(ProblemResponses.bytes(ProblemResponses.plain(401, "Unauthorized",
                        "CDS Hooks calls need a JWT signed by an allow-listed CDS client: " + why + ".", path)))
                .build();
    }
}
