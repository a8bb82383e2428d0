package io.spinemet.efficacy.web;

import io.smallrye.common.annotation.NonBlocking;
import io.spinemet.efficacy.catalogue.Procedure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The clinician's pages: the calculator at {@code /} and a model card page per procedure at
 * {@code /models/{procedure}}. The pages depend only on the loaded models, so each is rendered once at start-up and
 * served with an ETag; a browser revalidates and gets 304 until the service serves other models.
 */
@Path("/")
@PageHeaders.Page
@NonBlocking
public class PageResource {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");
    private static final CacheControl IMMUTABLE = CacheControl.valueOf("public, max-age=31536000, immutable");

    private final Pages pages;

    public PageResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The calculator page", hidden = true)
    public Response calculator(@Context Request request) {
        return respond(request, pages.calculator());
    }

    @GET
    @Path("models/{procedure}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A model card page", hidden = true)
    public Response model(@PathParam("procedure") String procedure, @Context Request request) {
        Pages.Rendered page = Procedure.parse(procedure).map(pages::model).orElse(null);
        if (page == null) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(pages.notFound().body())
                    .build();
        }
        return respond(request, page);
    }

    @GET
    @Path("assets/{name}")
    @Operation(summary = "A page asset", hidden = true)
    public Response asset(@PathParam("name") String name, @Context Request request) {
        Assets.Asset a = pages.assets().get(name);
        if (a == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("No such asset").build();
        }
        EntityTag etag = new EntityTag(a.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(a.bytes(), a.mediaType())).tag(etag)
                .cacheControl(IMMUTABLE).build();
    }

    private static Response respond(Request request, Pages.Rendered page) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(page.etag());
        return (notModified != null ? notModified
                : Response.ok(page.body(), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")))
                .tag(page.etag()).cacheControl(REVALIDATE).build();
    }
}
