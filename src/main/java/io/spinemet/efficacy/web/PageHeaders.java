package io.spinemet.efficacy.web;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Security headers of the pages and their assets. The Content-Security-Policy allows scripts, styles, images and
 * requests from the service itself only: no inline script or style, no other origin, no framing. Charts are SVG with
 * presentation attributes, so no inline style is needed either.
 */
@Provider
@PageHeaders.Page
public class PageHeaders implements ContainerResponseFilter {

    /** Marks the resources whose responses get these headers. */
    @NameBinding
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Page {
    }

    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("Content-Security-Policy", CSP);
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        h.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
