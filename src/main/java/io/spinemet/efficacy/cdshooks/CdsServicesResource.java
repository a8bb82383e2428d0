package io.spinemet.efficacy.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.spinemet.efficacy.api.Problem;
import io.spinemet.efficacy.api.ProblemException;
import io.spinemet.efficacy.api.ProblemResponses;
import io.vertx.core.Context;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * CDS Hooks 2.0 endpoints: discovery, the services and their feedback. Thin: {@link CdsHooks} does the work. Every
 * call needs the client's signed JWT ({@link CdsAuthFilter}).
 */
@Path("/cds-services")
@Tag(name = "CDS Hooks", description = "CDS Hooks 2.0 services for EHRs (FHIR R4). Every call needs a Bearer JWT "
        + "signed by an allow-listed CDS client.")
@APIResponse(responseCode = "401", description = "No valid client JWT; the problem says why",
        content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CdsServicesResource {

    private static final Logger LOG = Logger.getLogger(CdsServicesResource.class);

    private final CdsHooks hooks;
    private final ObjectReader reader;
    private final Timer latency;
    /** Largest call answered on the I/O thread (about 7 ms of work): the body Quarkus buffers there. */
    private final long ioThreadMaxBody;

    public CdsServicesResource(CdsHooks hooks, ObjectMapper mapper, MeterRegistry meters,
                               @ConfigProperty(name = "quarkus.rest.input-buffer-size") MemorySize ioThreadMaxBody) {
        this.hooks = hooks;
        this.ioThreadMaxBody = ioThreadMaxBody.asLongValue();
        this.reader = FhirJson.requestReader(mapper);
        this.latency = Timer.builder("spinemet.cds.latency").description("Time to answer a CDS Hooks service call")
                .register(meters);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCdsServices", summary = "CDS Hooks discovery",
            description = "The services, their hooks and prefetch templates.")
    @APIResponse(responseCode = "200", description = "The services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public CdsJson.Discovery discovery() {
        return new CdsJson.Discovery(hooks.services().all().stream().map(s -> new CdsJson.Service(s.hook(), s.id(),
                s.title(), s.description(), s.prefetch(), s.usageRequirements())).toList());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "callCdsService", summary = "Call a CDS service", description = "Answers with at most one card. 412 with a FHIR "
            + "OperationOutcome when the data can be had neither by prefetch nor from fhirServer.")
    @APIResponse(responseCode = "200", description = "The cards (possibly none)")
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid request: every problem is named",
            content = @Content(mediaType = io.spinemet.efficacy.api.ProblemResponses.MEDIA_TYPE,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Required FHIR data unavailable: an OperationOutcome lists it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Uni<CdsJson.Response> call(@PathParam("id") String id, byte[] body) {
        // A complete prefetch needs no I/O: answered on the I/O thread that received it, without a hand-off to one
        // of many worker threads competing for the cores. A call that may query the FHIR server blocks, and a very
        // large one computes for long: those run on a worker. A call already on a worker (the client-JWT check may
        // move it there) stays there.
        boolean ioThread = Context.isOnEventLoopThread();
        if (ioThread && body != null && body.length > ioThreadMaxBody) {
            return onWorker(() -> timed(id, json(body)));
        }
        JsonNode json = json(body);
        Supplier<CdsJson.Response> answer = () -> timed(id, json);
        return !ioThread || hooks.answersFromPrefetch(id, json) ? Uni.createFrom().item(answer) : onWorker(answer);
    }

    private static Uni<CdsJson.Response> onWorker(Supplier<CdsJson.Response> answer) {
        return Uni.createFrom().item(answer).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private CdsJson.Response timed(String id, JsonNode json) {
        long start = System.nanoTime();
        CdsJson.Response response = hooks.call(id, json);
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return response;
    }

    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendCdsFeedback", summary = "Feedback on a card", description = "Counted in metrics (spinemet.cds.feedback) by outcome; "
            + "nothing else is kept.")
    @APIResponse(responseCode = "200", description = "Feedback accepted")
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid request: every problem is named",
            content = @Content(mediaType = io.spinemet.efficacy.api.ProblemResponses.MEDIA_TYPE,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Problem.class)))
    public Response feedback(@PathParam("id") String id, byte[] body) {
        hooks.feedback(id, json(body));
        return Response.ok().build();
    }

    private JsonNode json(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : reader.readTree(body);
            if (node == null) {
                throw ProblemException.invalid(List.of(Problem.FieldError.at("", "the body is empty",
                        "a JSON object")));
            }
            return node;
        } catch (FhirJson.NumberOutOfRange e) {
            throw new ProblemException(400, ProblemException.MALFORMED_JSON, "Malformed JSON",
                    "A number in the body has an exponent beyond " + FhirJson.MAX_EXPONENT + ".", List.of());
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, ProblemException.MALFORMED_JSON, "Malformed JSON",
                    "The body is not valid JSON.", List.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailed e) {
        LOG.infof("CDS Hooks call answered 412: %d prefetch key(s) unavailable", e.unavailable().size());
        return Response.status(412).type(MediaType.APPLICATION_JSON).entity(hooks.operationOutcome(e.unavailable()))
                .build();
    }
}
