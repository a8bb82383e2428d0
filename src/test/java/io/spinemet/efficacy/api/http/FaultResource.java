package io.spinemet.efficacy.api.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only faults: an out-of-memory error thrown inside a resource and inside a plain HTTP route, as a heap
 * exhausted by some other request would throw it. Hidden from the OpenAPI document.
 */
@Path("/test-faults")
@ApplicationScoped
public class FaultResource {

    @GET
    @Path("/oom")
    @Operation(hidden = true)
    public String oom() {
        throw new OutOfMemoryError("Java heap space (simulated; this text must not reach the answer)");
    }

    void routes(@Observes Router router) {
        router.get("/test-faults/route-oom").handler(ctx -> {
            throw new OutOfMemoryError("Java heap space (simulated in a route)");
        });
    }
}
