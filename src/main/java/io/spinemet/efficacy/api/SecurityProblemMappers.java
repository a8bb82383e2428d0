package io.spinemet.efficacy.api;

import io.spinemet.efficacy.security.AccessDenied;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401, 403 and 429 as problem details. The problem's type ends with the failed check
 * ({@code urn:spinemet:problem:token-expired}, {@code ...:insufficient-scope}, {@code ...:rate-limit}) and its detail
 * says what was wrong; neither quotes the token. 401 and 403 carry RFC 6750's {@code WWW-Authenticate}, 429 carries
 * {@code Retry-After}.
 */
public class SecurityProblemMappers {

    private static final Logger LOG = Logger.getLogger(SecurityProblemMappers.class);

    static final String TYPE_PREFIX = "urn:spinemet:problem:";

    @ServerExceptionMapper
    public Response denied(AccessDenied e, UriInfo uri) {
        LOG.infof("Refused a request: %d %s", e.status(), e.check());
        String title = switch (e.status()) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 429 -> "Too Many Requests";
            default -> Response.Status.fromStatusCode(e.status()).getReasonPhrase();
        };
        Problem problem = new Problem(TYPE_PREFIX + e.check(), title, e.status(), e.detail(),
                uri == null ? null : uri.getRequestUri().getRawPath(), null);
        Response.ResponseBuilder response = Response.status(e.status()).type(ProblemResponses.MEDIA_TYPE)
                .entity(ProblemResponses.bytes(problem));
        if (e.challenge() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, e.challenge());
        }
        if (e.status() == 429) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.build();
    }
}
