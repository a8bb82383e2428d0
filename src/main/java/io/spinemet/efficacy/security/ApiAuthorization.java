package io.spinemet.efficacy.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authentication, authorization and rate limits of {@code /api/}, before any resource runs. SmallRye JWT verifies
 * the bearer token (signature against the issuer's JWK Set, RS/ES algorithms only, iss, aud, exp, nbf), lazily and
 * only here; this filter then requires the scope of {@link ApiScopes} and takes a request from the client's bucket.
 * Every refusal is an {@link AccessDenied} naming the failed check. Other paths ({@code /cds-services} checks its own
 * tokens; pages are public) are only rate-limited, by address.
 */
public class ApiAuthorization {

    private final SecuritySettings settings;
    private final CurrentIdentityAssociation identities;
    private final RateLimits limits;
    private final VerifiedTokenCache tokens;

    public ApiAuthorization(SecuritySettings settings, CurrentIdentityAssociation identities, RateLimits limits,
            VerifiedTokenCache tokens) {
        this.settings = settings;
        this.identities = identities;
        this.limits = limits;
        this.tokens = tokens;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> check(RoutingContext rc) {
        String path = rc.normalizedPath();
        String address = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        if (!settings.authEnabled() || !ApiScopes.protectedPath(path)) {
            limit(rc, "address:" + address, null);
            return null;
        }
        // A token SmallRye JWT verified earlier (same bytes, still trusted): its groups are the identity's roles.
        String bearer = bearer(rc);
        JsonWebToken known = tokens.known(bearer);
        if (known != null) {
            authorize(rc, path, known, known.getGroups()::contains);
            return null;
        }
        return identities.getDeferredIdentity()
                .onFailure().transform(e -> refused(rc, TokenFailure.of(e, bearer)))
                .invoke(identity -> authorize(rc, path, identity))
                .replaceWithVoid();
    }

    private void authorize(RoutingContext rc, String path, SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw refused(rc, new TokenFailure.Outcome(TokenFailure.MISSING, "This endpoint needs an OAuth 2.0 "
                    + "bearer token: send Authorization: Bearer <JWT>."));
        }
        authorize(rc, path, token, identity::hasRole);
    }

    private void authorize(RoutingContext rc, String path, JsonWebToken token, Predicate<String> hasScope) {
        String clientId = clientId(token);
        AuditEntry entry = AuditLog.entry(rc);
        if (entry != null) {
            entry.caller = new AuditEntry.Caller(token.getIssuer(), token.getSubject(), clientId);
        }
        Optional<String> scope = ApiScopes.requiredScope(path);
        if (scope.isPresent() && !hasScope.test(scope.get())) {
            AccessDenied denied = AccessDenied.insufficientScope(scope.get());
            note(rc, denied);
            throw denied;
        }
        limit(rc, "client:" + token.getIssuer() + " " + clientId, clientId);
    }

    private void limit(RoutingContext rc, String client, String clientId) {
        try {
            limits.acquire(client, clientId);
        } catch (AccessDenied denied) {
            note(rc, denied);
            throw denied;
        }
    }

    /** The OAuth client: {@code azp} (OpenID Connect), {@code client_id} (RFC 9068), else the subject. */
    static String clientId(JsonWebToken token) {
        Object azp = token.getClaim("azp");
        if (azp != null) {
            return azp.toString();
        }
        Object clientId = token.getClaim("client_id");
        return clientId != null ? clientId.toString() : token.getSubject();
    }

    private static AccessDenied refused(RoutingContext rc, TokenFailure.Outcome outcome) {
        AccessDenied denied = AccessDenied.unauthenticated(outcome.check(), outcome.detail());
        note(rc, denied);
        return denied;
    }

    private static void note(RoutingContext rc, AccessDenied denied) {
        AuditEntry entry = AuditLog.entry(rc);
        if (entry != null) {
            entry.check = denied.check();
        }
    }

    private static String bearer(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
