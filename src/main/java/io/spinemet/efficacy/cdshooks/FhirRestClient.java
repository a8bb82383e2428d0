package io.spinemet.efficacy.cdshooks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestQuery;

/** The EHR's FHIR REST API, as far as the service uses it: a read and a type-level search. */
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
}
