package io.spinemet.efficacy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.utils.NoBoundChecksBuffer;
import io.spinemet.efficacy.api.Dtos.BatchResponse;
import io.spinemet.efficacy.api.Dtos.BatchResult;
import io.spinemet.efficacy.api.Dtos.Comparison;
import io.spinemet.efficacy.api.Dtos.Derivation;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.api.batch.BatchInput;
import io.spinemet.efficacy.api.batch.BatchRules;
import io.spinemet.efficacy.api.batch.CsvBatch;
import io.spinemet.efficacy.api.batch.CsvCells;
import io.spinemet.efficacy.api.problem.ErrorList;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.Prediction;
import io.spinemet.efficacy.scoring.Scorer;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What each prediction endpoint does, without HTTP: validate the request against the catalogue and the models, then
 * score. Every client mistake becomes a {@link ProblemException}.
 */
public final class PredictionRequests {

    /** Most patients in one batch request. */
    public static final int MAX_BATCH = 1000;

    public static final String COMPARISON_NOTE = "The two models were fitted on different patients, who were chosen "
            + "for different operations. The difference between the two probabilities is therefore not a causal "
            + "effect of choosing one operation over the other, and must not be read as one.";

    private static final Set<String> PREDICTION_FIELDS = Set.of("procedure", "factors", "measurements");
    private static final Set<String> COMPARISON_FIELDS = Set.of("factors", "measurements");
    private static final Set<String> BATCH_FIELDS = Set.of("patients");
    private static final Set<String> PATIENT_FIELDS = Set.of("id", "procedure", "factors", "measurements");

    /** The columns a CSV answer appends to each row. */
    static final List<String> CSV_RESULT_COLUMNS = CsvCells.RESULT_COLUMNS;
    private static final CSVFormat CSV_OUT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final Function<Procedure, LoadedModel> models;
    private final Consumer<Procedure> scored;
    private final RenderedPredictions rendered;
    private final DerivationJson derivationJson;

    /**
     * @param models         the model of each procedure
     * @param scored         told of every patient scored (for metrics)
     * @param rendered       renders single predictions as JSON
     * @param derivationJson appends derived factors and scores to a prediction's JSON
     */
    PredictionRequests(Function<Procedure, LoadedModel> models, Consumer<Procedure> scored,
                       RenderedPredictions rendered, DerivationJson derivationJson) {
        this.models = models;
        this.scored = scored;
        this.rendered = rendered;
        this.derivationJson = derivationJson;
    }

    /**
     * {@code POST /predictions}: the prediction as JSON. A well-formed body is read without a JSON tree
     * ({@link StreamedRequest}); any other, and any request with a problem, is answered from the tree.
     */
    public Buffer single(byte[] body) {
        Buffer answer = streamed(StreamedRequest.parse(body));
        return answer != null ? answer : unchanged(single(RequestValidator.parse(body)));
    }

    /** The answer to a request read without a tree, or {@code null} when it has a problem for the tree to name. */
    private Buffer streamed(StreamedRequest request) {
        if (request == null) {
            return null;
        }
        LoadedModel model = models.apply(request.procedure());
        if (model == null) {
            return null;
        }
        List<FieldError> errors = new ErrorList();
        PatientInputs inputs = PatientInputs.of(request.factors(), request.factorNames(), request.measurements(), "",
                errors);
        inputs.requireModelFactors(model, "", errors);
        if (!errors.isEmpty()) {
            return null;
        }
        byte[] json = prediction(request.procedure(), inputs);
        // a derivation is written into a pooled buffer that the response releases once sent (Quarkus REST's own
        // byte[] writer sends this buffer type)
        return inputs.scores() == null ? unchanged(json)
                : new NoBoundChecksBuffer(derivationJson.append(json, derivation(inputs),
                        PooledByteBufAllocator.DEFAULT));
    }

    /** {@code POST /predictions} from the request's JSON tree. */
    public byte[] single(JsonNode body) {
        List<FieldError> errors = new ErrorList();
        ObjectNode request = RequestValidator.object(body, "", errors);
        if (request == null) {
            throw ProblemException.invalid(errors);
        }
        RequestValidator.onlyFields(request, "", PREDICTION_FIELDS, errors);
        Procedure procedure = RequestValidator.procedure(request, "", errors);
        PatientInputs inputs = PatientInputs.read(request, "", errors);
        if (procedure != null) {
            inputs.requireModelFactors(served(procedure), "", errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return answer(procedure, inputs);
    }

    /** The prediction of valid inputs, with their derivation and scores when there are any. */
    private byte[] answer(Procedure procedure, PatientInputs inputs) {
        byte[] json = prediction(procedure, inputs);
        return inputs.scores() == null ? json : derivationJson.append(json, derivation(inputs));
    }

    /** The (memoized) prediction JSON of valid inputs, counted as scored. */
    private byte[] prediction(Procedure procedure, PatientInputs inputs) {
        byte[] json = rendered.render(models.apply(procedure), inputs.values());
        scored.accept(procedure);
        return json;
    }

    /** JSON sent as it is, without a copy (it is never changed afterwards). */
    private static Buffer unchanged(byte[] json) {
        return Buffer.buffer(Unpooled.wrappedBuffer(json));
    }

    private static Derivation derivation(PatientInputs inputs) {
        return new Derivation(inputs.derived(), inputs.scores());
    }

    /**
     * The served model of a procedure; a 422 problem when this service holds none (a hospital may serve only the
     * procedures it performs).
     */
    private LoadedModel served(Procedure procedure) {
        LoadedModel model = models.apply(procedure);
        if (model == null) {
            throw new ProblemException(422, ProblemException.MODEL_NOT_SERVED, "Model not served",
                    notServed(procedure), List.of(FieldError.at("/procedure", notServed(procedure),
                            "one of " + servedNames())));
        }
        return model;
    }

    private static String notServed(Procedure procedure) {
        return "this service holds no " + procedure.name() + " model";
    }

    private String servedNames() {
        List<String> names = Arrays.stream(Procedure.values()).filter(p -> models.apply(p) != null)
                .map(Enum::name).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** {@code POST /predictions/comparison}: every factor either model uses is required. */
    public Comparison compare(JsonNode body) {
        List<FieldError> errors = new ErrorList();
        ObjectNode request = RequestValidator.object(body, "", errors);
        if (request == null) {
            throw ProblemException.invalid(errors);
        }
        for (Procedure p : Procedure.values()) {
            served(p);
        }
        RequestValidator.onlyFields(request, "", COMPARISON_FIELDS, errors);
        PatientInputs inputs = PatientInputs.read(request, "", errors);
        Map<String, Object> values = inputs.values();
        Map<String, FieldError> missing = new LinkedHashMap<>();
        for (Procedure p : Procedure.values()) {
            List<FieldError> forModel = new ArrayList<>();
            inputs.requireModelFactors(models.apply(p), "", forModel);
            for (FieldError e : forModel) {
                missing.merge(e.pointer(), e, (a, b) -> FieldError.at(a.pointer(),
                        "required by the " + String.join(" and ", Arrays.stream(Procedure.values())
                                .map(Enum::name).toList()) + " models", a.allowed()));
            }
        }
        errors.addAll(missing.values());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Prediction> predictions = new ArrayList<>();
        for (Procedure p : Procedure.values()) {
            predictions.add(Scorer.predict(models.apply(p), values));
            scored.accept(p);
        }
        return inputs.scores() == null ? new Comparison(predictions, COMPARISON_NOTE)
                : new Comparison(predictions, COMPARISON_NOTE, inputs.derived(), inputs.scores());
    }

    /** {@code POST /predictions/batch} with JSON: each patient gets its result or its own errors. */
    public BatchResponse batch(JsonNode body) {
        List<FieldError> errors = new ErrorList();
        ObjectNode request = RequestValidator.object(body, "", errors);
        if (request == null) {
            throw ProblemException.invalid(errors);
        }
        RequestValidator.onlyFields(request, "", BATCH_FIELDS, errors);
        JsonNode patientsNode = request.get("patients");
        if (patientsNode == null) {
            errors.add(FieldError.at("/patients", "required", "a JSON array of 1 to " + MAX_BATCH + " patients"));
        } else if (!(patientsNode instanceof ArrayNode)) {
            errors.add(FieldError.at("/patients", "must be a JSON array; got "
                    + RequestValidator.describe(patientsNode), "a JSON array of 1 to " + MAX_BATCH + " patients"));
        } else if (patientsNode.isEmpty()) {
            errors.add(FieldError.at("/patients", "empty", "a JSON array of 1 to " + MAX_BATCH + " patients"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ArrayNode patients = (ArrayNode) patientsNode;
        if (patients.size() > MAX_BATCH) {
            throw tooMany(patients.size(), false);
        }
        BatchRules rules = new BatchRules();
        List<BatchResult> results = new ArrayList<>(patients.size());
        for (int i = 0; i < patients.size(); i++) {
            ErrorList recordErrors = rules.nextErrors();
            results.add(score(jsonPatient(patients.get(i), i, recordErrors, rules)));
            rules.done(recordErrors);
        }
        return response(results);
    }

    private static BatchResponse response(List<BatchResult> results) {
        int scored = 0;
        for (BatchResult r : results) {
            if (r.errors() == null) {
                scored++;
            }
        }
        return new BatchResponse(results.size(), scored, results.size() - scored, results);
    }

    /** Validates one JSON patient by the batch rules. */
    private BatchInput jsonPatient(JsonNode node, int index, ErrorList errors, BatchRules rules) {
        String pointer = JsonPointer.child("/patients", index);
        ObjectNode patient = RequestValidator.object(node, pointer, errors);
        if (patient == null) {
            return new BatchInput(index, null, null, null, Map.of(), errors, null, null);
        }
        RequestValidator.onlyFields(patient, pointer, PATIENT_FIELDS, errors);
        String id = null;
        JsonNode idNode = patient.get("id");
        if (idNode != null) {
            if (idNode.isTextual() && !idNode.textValue().isEmpty()) {
                id = idNode.textValue();
                String first = rules.duplicateOf(id, pointer);
                if (first != null) {
                    errors.add(FieldError.at(JsonPointer.child(pointer, "id"), "repeated id; first used by "
                            + first, "each id once per batch"));
                }
            } else {
                errors.add(FieldError.at(JsonPointer.child(pointer, "id"), idNode.isTextual() ? "empty"
                        : "must be a JSON string; got " + RequestValidator.describe(idNode), "a non-empty string"));
            }
        }
        Procedure procedure = RequestValidator.procedure(patient, pointer, errors);
        PatientInputs inputs = PatientInputs.read(patient, pointer, errors);
        Map<String, Object> values = inputs.values();
        if (procedure != null && models.apply(procedure) == null) {
            errors.add(FieldError.at(JsonPointer.child(pointer, "procedure"), notServed(procedure),
                    "one of " + servedNames()));
        } else if (procedure != null) {
            inputs.requireModelFactors(models.apply(procedure), pointer, errors);
        }
        return new BatchInput(index, null, id, procedure, values == null ? Map.of() : values, errors,
                inputs.derived(), inputs.scores());
    }

    /** A validated batch patient's result: its probability, CI, ignored inputs and warnings, or its errors. */
    private BatchResult score(BatchInput in) {
        if (!in.errors().isEmpty()) {
            long omitted = in.errors().omitted();
            return new BatchResult(in.index(), in.line(), in.id(), in.procedure(), null, null, null, null, null,
                    List.copyOf(in.errors()), omitted > 0 ? omitted : null, null, null);
        }
        LoadedModel model = models.apply(in.procedure());
        Scorer.Brief brief = Scorer.brief(model, in.values());
        Scorer.Estimate e = brief.estimate();
        scored.accept(in.procedure());
        return new BatchResult(in.index(), in.line(), in.id(), in.procedure(), e.probability(), e.interval(),
                ignored(model, in.values()), brief.warnings(), model.info(), null, null,
                in.scores() == null ? null : in.derived(), in.scores());
    }

    /** The given factors the model does not use, in catalogue order. */
    private static List<String> ignored(LoadedModel model, Map<String, Object> values) {
        List<String> ignored = new ArrayList<>(0);
        for (String id : values.keySet()) {
            if (!model.uses(id)) {
                ignored.add(id);
            }
        }
        return ignored;
    }

    /** {@code POST /predictions/batch} with CSV, answered as JSON ({@code Accept: application/json}). */
    public BatchResponse batchCsvAsJson(byte[] body) {
        CsvBatch.Parsed parsed = CsvBatch.read(body, models, MAX_BATCH, n -> tooMany(n, true));
        List<BatchResult> results = new ArrayList<>(parsed.rows().size());
        for (CsvBatch.Row row : parsed.rows()) {
            results.add(score(row.input()));
        }
        return response(results);
    }

    /**
     * {@code POST /predictions/batch} with CSV: each row echoed as sent (cells that a spreadsheet would run as a
     * formula neutralised), with its result or its errors in the appended columns, in the file's delimiter.
     */
    public String batchCsv(byte[] body) {
        CsvBatch.Parsed parsed = CsvBatch.read(body, models, MAX_BATCH, n -> tooMany(n, true));
        StringBuilder out = new StringBuilder(body.length + parsed.rows().size() * 320);
        CSVFormat format = CSV_OUT.builder().setDelimiter(parsed.delimiter()).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            List<String> header = new ArrayList<>(parsed.header().size() + CSV_RESULT_COLUMNS.size());
            parsed.header().forEach(h -> header.add(CsvCells.neutralise(h)));
            header.addAll(CSV_RESULT_COLUMNS);
            printer.printRecord(header);
            int width = parsed.header().size();
            for (CsvBatch.Row row : parsed.rows()) {
                List<String> cells = new ArrayList<>(width + CSV_RESULT_COLUMNS.size());
                for (int i = 0; i < width; i++) {
                    cells.add(i < row.cells().size() ? CsvCells.neutralise(row.cells().get(i)) : "");
                }
                CsvCells.result(score(row.input()), cells);
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static ProblemException tooMany(long count, boolean csv) {
        FieldError error = csv
                ? new FieldError(null, null, null, "more than " + MAX_BATCH + " rows", "1 to " + MAX_BATCH + " rows")
                : FieldError.at("/patients", "more than " + MAX_BATCH + " patients", "1 to " + MAX_BATCH
                        + " patients");
        return new ProblemException(413, ProblemException.TOO_LARGE, "Too many patients",
                "A batch holds at most " + MAX_BATCH + " patients; this one has " + count
                        + ". Split it into several requests.", List.of(error));
    }
}
