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
import io.spinemet.efficacy.scoring.ModelRegistry;
import io.spinemet.efficacy.scoring.Prediction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.util.EnumMap;
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
        ObjectWriter derivationWriter = mapper.writerFor(Derivation.class);
        this.requests = new PredictionRequests(models::get, p -> predictions.get(p).increment(),
                new RenderedPredictions(settings.memoSize(), prediction -> json(writer, prediction)),
                derivation -> json(derivationWriter, derivation));
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
    @Operation(summary = "Predict good efficacy for one patient",
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
    public byte[] predict(byte[] body) {
        return timed(singleTimer, () -> requests.single(RequestValidator.parse(body)));
    }

    @POST
    @Path("/comparison")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same patient under both procedures",
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
    @Operation(summary = "Predict for up to 1,000 patients (JSON)",
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
    @Produces(CSV)
    @Operation(summary = "Predict for up to 1,000 patients (CSV)",
            description = "Rows in the cohort CSV columns (patientId, procedure, every catalogue factor; the outcome "
                    + "columns reliefMonths, survivalMonths and goodEfficacy may be left out). frankelGrade is empty "
                    + "on PVP rows. Every row must be valid: otherwise a 400 lists each problem with its line and "
                    + "column and nothing is scored. The response echoes each row with probability, lower and upper "
                    + "(95% CI) appended.")
    @RequestBody(required = true, content = @Content(mediaType = CSV,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "batchCsv", value = ApiExamples.BATCH_CSV)))
    @APIResponse(responseCode = "200", description = "The rows with probability, lower and upper appended",
            content = @Content(mediaType = CSV,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "batchCsv", value = ApiExamples.BATCH_CSV_RESPONSE)))
    public String batchCsv(byte[] body) {
        return timed(batchCsvTimer, () -> requests.batchCsv(body));
    }
}
