package io.spinemet.efficacy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.NonBlocking;
import io.spinemet.efficacy.api.Dtos.BatchRequest;
import io.spinemet.efficacy.api.Dtos.BatchResponse;
import io.spinemet.efficacy.api.Dtos.Comparison;
import io.spinemet.efficacy.api.Dtos.ComparisonRequest;
import io.spinemet.efficacy.api.Dtos.Derivation;
import io.spinemet.efficacy.api.Dtos.PredictionRequest;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.scoring.ModelInfo;
import io.spinemet.efficacy.scoring.ModelRegistry;
import io.spinemet.efficacy.scoring.Prediction;
import io.spinemet.efficacy.security.Audit;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Predictions for one patient, one patient under both procedures, and batches. Thin: logic is in {@link PredictionRequests}. */
@Path("/api/v1/predictions")
@Tag(name = "Predictions", description = "Probability of good efficacy (symptom relief lasting more than 3 months) "
        + "after a palliative operation for spinal metastases, with a 95% CI and its basis.")
@NonBlocking
@APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field anywhere, a wrong type, a value "
        + "outside the catalogue, an unknown procedure or a missing factor: every offending field is named with a "
        + "JSON Pointer (CSV: line and column) and what is allowed",
        content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "invalid", value = ApiExamples.PROBLEM_400)))
@APIResponse(responseCode = "413", description = "The body is over the size limit (or a batch has more than 1,000 "
        + "patients)", content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class),
        examples = @ExampleObject(name = "tooLarge", value = ApiExamples.PROBLEM_413)))
@APIResponse(responseCode = "415", description = "Content-Type not accepted",
        content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "406", description = "The Accept header allows nothing this operation produces",
        content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PredictionResource {

    static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

    private final PredictionRequests requests;
    private final Map<Procedure, Counter> predictions = new EnumMap<>(Procedure.class);
    private final Timer singleTimer;
    private final Timer comparisonTimer;
    private final Timer batchTimer;
    private final Timer batchCsvTimer;

    public PredictionResource(ModelRegistry models, MeterRegistry meters, ObjectMapper mapper,
                              PredictionSettings settings) {
        for (Procedure p : Procedure.values()) {
            predictions.put(p, Counter.builder("spinemet.predictions").tag("procedure", p.name())
                    .description("Patients scored, by procedure").register(meters));
        }
        ObjectWriter writer = mapper.writerFor(Prediction.class);
        this.requests = new PredictionRequests(models::get, p -> {
            predictions.get(p).increment();
            ModelInfo info = models.get(p).info();
            Audit.scored(p.name(), info.id(), info.version(), info.sha256());
        },
                new RenderedPredictions(settings.memoSize(), prediction -> json(writer, prediction)),
                new DerivationJson(mapper));
        singleTimer = timer(meters, "single");
        comparisonTimer = timer(meters, "comparison");
        batchTimer = timer(meters, "batch");
        batchCsvTimer = timer(meters, "batch-csv");
    }

    private static byte[] json(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a request and records its time when it succeeds (a rejected request is counted by the HTTP metrics). */
    private static <T> T timed(Timer timer, Supplier<T> request) {
        long start = System.nanoTime();
        T result = request.get();
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }

    private static Timer timer(MeterRegistry meters, String endpoint) {
        return Timer.builder("spinemet.prediction.latency").tag("endpoint", endpoint)
                .description("Time to validate and score a prediction request (successful requests)")
                .register(meters);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "predictOne", summary = "Predict good efficacy for one patient",
            description = "Every factor the procedure's model uses is required (GET /api/v1/factors lists them), "
                    + "given in factors or derived from measurements (GET /api/v1/measurements); a missing one is a "
                    + "400 naming it, never a default. A factor given both ways must agree. With measurements the "
                    + "answer adds derivedFactors (inputs, rule, cut-off, source) and the Tokuhashi and Tomita "
                    + "scores. Valid catalogue factors the model does not "
                    + "use are accepted and listed in inputsIgnored. Values are never coerced: booleans are JSON "
                    + "true/false, integers JSON integers, levels exact strings.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PredictionRequest.class),
            examples = {@ExampleObject(name = "pvp", summary = "A PVP patient", value = ApiExamples.PREDICT_PVP),
                    @ExampleObject(name = "decompression", summary = "A decompression patient",
                            value = ApiExamples.PREDICT_DECOMPRESSION),
                    @ExampleObject(name = "measurements", summary = "A PVP patient from raw clinical values",
                            value = ApiExamples.PREDICT_MEASUREMENTS)}))
    @APIResponse(responseCode = "200", description = "The prediction; with measurements, also the derived factors "
            + "and the Tokuhashi and Tomita scores",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(allOf = {Prediction.class, Derivation.class}),
                    examples = @ExampleObject(name = "prediction", value = ApiExamples.PREDICTION_RESPONSE)))
    public Buffer predict(byte[] body) {
        return timed(singleTimer, () -> requests.single(body));
    }

    @POST
    @Path("/comparison")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "predictComparison", summary = "The same patient under both procedures",
            description = "Scores the patient with the PVP and the DECOMPRESSION model, each with its 95% CI. Every "
                    + "factor either model uses is required, including frankelGrade. The two models were fitted on "
                    + "different patients selected for different operations: the difference is not a causal effect.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComparisonRequest.class),
            examples = @ExampleObject(name = "comparison", value = ApiExamples.COMPARISON)))
    @APIResponse(responseCode = "200", description = "Both predictions and how (not) to compare them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Comparison.class),
                    examples = @ExampleObject(name = "comparison", value = ApiExamples.COMPARISON_RESPONSE)))
    public Comparison compare(byte[] body) {
        return timed(comparisonTimer, () -> requests.compare(RequestValidator.parse(body)));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "predictBatch", summary = "Predict for up to 1,000 patients (JSON or CSV)",
            description = "Each patient gets its own result or its own errors; a bad patient does not fail the "
                    + "others. A malformed body or a body without a patients array is a 400; more than 1,000 "
                    + "patients is a 413.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchRequest.class),
            examples = @ExampleObject(name = "batch", value = ApiExamples.BATCH)))
    @APIResponse(responseCode = "200", description = "One result per patient",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchResponse.class),
                    examples = @ExampleObject(name = "batch", value = ApiExamples.BATCH_RESPONSE)))
    @APIResponse(responseCode = "413", description = "More than 1,000 patients, or a body over the size limit",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tooMany", value = ApiExamples.PROBLEM_413)))
    public BatchResponse batch(byte[] body) {
        return timed(batchTimer, () -> requests.batch(RequestValidator.parse(body)));
    }

    @POST
    @Path("/batch")
    @Consumes(CSV)
    @Produces({CSV, MediaType.APPLICATION_JSON})
    @Operation(operationId = "predictBatch", summary = "Predict for up to 1,000 patients (JSON or CSV)",
            description = "CSV follows the JSON batch's rules. The header needs patientId and procedure; each row "
                    + "needs the factors its procedure's model uses (GET /api/v1/factors), and other catalogue "
                    + "columns, when filled in, are validated and reported as ignored; the outcome columns "
                    + "reliefMonths, survivalMonths and goodEfficacy are allowed and echoed. Comma, semicolon or tab "
                    + "delimited; booleans true/false or 1/0; integers as JSON writes them. A bad row gets its "
                    + "errors in the errors column and the other rows are still scored; a 400 is only for a file "
                    + "that cannot be read (not UTF-8, no delimiter, broken quoting, an unknown, repeated or missing "
                    + "column). The CSV answer echoes each row (cells starting with =, +, -, @, tab or CR get a "
                    + "leading apostrophe) and appends status, probability, lower, upper, warnings, inputsIgnored, "
                    + "modelId, modelVersion, modelSha256, cohortReconstructed and errors. With Accept: "
                    + "application/json the answer is the JSON batch answer.")
    @RequestBody(required = true, content = @Content(mediaType = CSV,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "batchCsv", value = ApiExamples.BATCH_CSV)))
    @APIResponse(responseCode = "200", description = "The rows with their results appended (CSV), or the JSON "
            + "batch answer", content = {@Content(mediaType = CSV,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "batchCsv", value = ApiExamples.BATCH_CSV_RESPONSE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class))})
    public Response batchCsv(byte[] body, @Context HttpHeaders headers) {
        if (wantsJson(headers.getAcceptableMediaTypes())) {
            BatchResponse json = timed(batchCsvTimer, () -> requests.batchCsvAsJson(body));
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String csv = timed(batchCsvTimer, () -> requests.batchCsv(body));
        return Response.ok(csv, CSV + ";charset=UTF-8").build();
    }

    /** Whether the most preferred acceptable type that this operation produces is JSON (CSV otherwise). */
    static boolean wantsJson(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(CSV_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
