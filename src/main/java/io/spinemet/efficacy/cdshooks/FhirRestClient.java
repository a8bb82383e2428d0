package io.spinemet.efficacy.cdshooks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MultivaluedMap;
import io.quarkus.rest.client.reactive.Url;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The EHR's FHIR REST API, as far as the service uses it: a read, a type-level search and the next page of a search.
 */
@Path("")
@Produces({"application/fhir+json", "application/json"})
public interface FhirRestClient {

    @GET
    @Path("{type}/{id}")
    CompletionStage<String> read(@PathParam("type") String type, @PathParam("id") String id,
                                 @HeaderParam("Authorization") String authorization);

    @GET
    @Path("{type}")
    CompletionStage<String> search(@PathParam("type") String type, @RestQuery MultivaluedMap<String, String> query,
                                   @HeaderParam("Authorization") String authorization);

    /**
     * The next page of a search, by the absolute URL the server gave in the Bundle's {@code next} link. The caller
     * must have checked that the URL lies under the same FHIR base as the client (the bearer token goes with it).
     */
    @GET
    CompletionStage<String> page(@Url String url, @HeaderParam("Authorization") String authorization);
}
