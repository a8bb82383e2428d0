package io.spinemet.efficacy.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem details. Log lines name the method, status and problem type only: never
 * a body, a value, a field name or an exception message (those can carry patient data).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        LOG.infof("Rejected %s request: %d %s, %d problem(s)", request.getMethod(), e.status(), e.toProblem("")
                .type(), e.errorCount());
        return ProblemResponses.response(e.toProblem(instance(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String instance = instance(uri);
        Problem problem = switch (status) {
            case 404 -> ProblemResponses.plain(404, "Not Found", "There is no resource at this path. The API is "
                    + "under /api/v1; see /q/openapi.", instance);
            case 405 -> ProblemResponses.plain(405, "Method Not Allowed", "This resource does not support "
                    + request.getMethod() + "; the Allow header lists the methods it supports.", instance);
            case 415 -> ProblemResponses.plain(415, "Unsupported Media Type", "The request's Content-Type is not "
                    + "accepted here; send application/json (or text/csv to the batch endpoint).", instance);
            case 406 -> ProblemResponses.plain(406, "Not Acceptable", "None of the media types in the Accept header "
                    + "can be produced here; see /q/openapi for what each operation produces.", instance);
            case 413 -> ProblemResponses.plain(413, "Content Too Large", "The request body is too large.", instance);
            default -> status >= 400 && status < 500
                    ? ProblemResponses.plain(status, Response.Status.fromStatusCode(status) == null ? "Client error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), "The request cannot be processed.",
                    instance)
                    : null;
        };
        if (problem == null) {
            return unexpected(e, uri, request);
        }
        LOG.infof("Rejected %s request: %d", request.getMethod(), status);
        Response.ResponseBuilder response = Response.status(status).type(ProblemResponses.MEDIA_TYPE)
                .entity(ProblemResponses.bytes(problem));
        if (status == 405 && uri != null) {
            AllowedMethods.forPath(uri.getRequestUri().getPath()).ifPresent(allow -> response.header(HttpHeaders.ALLOW, allow));
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        // The exception's message and cause are left out on purpose: they may quote request content.
        LOG.errorf("Unexpected %s while handling a %s request, at %s", e.getClass().getName(), request.getMethod(),
                top);
        return ProblemResponses.response(ProblemResponses.plain(500, "Internal Server Error",
                "The service failed to handle the request. This is a fault in the service, not in the request.",
                instance(uri)));
    }

    private static String instance(UriInfo uri) {
        try {
            return uri == null ? null : uri.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
