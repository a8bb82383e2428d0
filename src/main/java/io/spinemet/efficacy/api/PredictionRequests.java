package io.spinemet.efficacy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinemet.efficacy.api.Dtos.BatchResponse;
import io.spinemet.efficacy.api.Dtos.BatchResult;
import io.spinemet.efficacy.api.Dtos.Comparison;
import io.spinemet.efficacy.api.Dtos.Derivation;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.CohortCsvReader;
import io.spinemet.efficacy.cohort.CohortException;
import io.spinemet.efficacy.cohort.CohortProblem;
import io.spinemet.efficacy.cohort.Patient;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.Prediction;
import io.spinemet.efficacy.scoring.Scorer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

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

    /** Same reading of the CSV as {@link CohortCsvReader}, to echo each row as sent. */
    private static final CSVFormat CSV_IN = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    private static final CSVFormat CSV_OUT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final Function<Procedure, LoadedModel> models;
    private final Consumer<Procedure> scored;
    private final RenderedPredictions rendered;
    private final Function<Derivation, byte[]> derivationJson;

    /**
     * @param models         the model of each procedure
     * @param scored         told of every patient scored (for metrics)
     * @param rendered       renders single predictions as JSON
     * @param derivationJson writes derived factors and scores as the JSON of {@link Derivation}
     */
    PredictionRequests(Function<Procedure, LoadedModel> models, Consumer<Procedure> scored,
                       RenderedPredictions rendered, Function<Derivation, byte[]> derivationJson) {
        this.models = models;
        this.scored = scored;
        this.rendered = rendered;
        this.derivationJson = derivationJson;
    }

    /** {@code POST /predictions}: the prediction as JSON. */
    public byte[] single(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
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
        byte[] json = rendered.render(models.apply(procedure), inputs.values());
        scored.accept(procedure);
        return inputs.scores() == null ? json
                : Derivation.append(json, derivationJson.apply(new Derivation(inputs.derived(), inputs.scores())));
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
        List<FieldError> errors = new ArrayList<>();
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
        List<FieldError> errors = new ArrayList<>();
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
        List<BatchResult> results = new ArrayList<>(patients.size());
        int scored = 0;
        for (int i = 0; i < patients.size(); i++) {
            BatchResult result = batchOne(patients.get(i), i);
            if (result.errors() == null) {
                scored++;
            }
            results.add(result);
        }
        return new BatchResponse(patients.size(), scored, patients.size() - scored, results);
    }

    private BatchResult batchOne(JsonNode node, int index) {
        String pointer = JsonPointer.child("/patients", index);
        List<FieldError> errors = new ArrayList<>();
        ObjectNode patient = RequestValidator.object(node, pointer, errors);
        if (patient == null) {
            return new BatchResult(index, null, null, null, null, null, null, errors);
        }
        RequestValidator.onlyFields(patient, pointer, PATIENT_FIELDS, errors);
        String id = null;
        JsonNode idNode = patient.get("id");
        if (idNode != null) {
            if (idNode.isTextual()) {
                id = idNode.textValue();
            } else {
                errors.add(FieldError.at(JsonPointer.child(pointer, "id"), "must be a JSON string; got "
                        + RequestValidator.describe(idNode), "a string"));
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
        if (!errors.isEmpty()) {
            return new BatchResult(index, id, procedure, null, null, null, null, errors);
        }
        LoadedModel model = models.apply(procedure);
        Scorer.Brief brief = Scorer.brief(model, values);
        Scorer.Estimate e = brief.estimate();
        List<String> warnings = brief.warnings().stream().map(Prediction.Warning::code).toList();
        scored.accept(procedure);
        return new BatchResult(index, id, procedure, e.probability(), e.interval(), warnings, model.info(), null,
                inputs.scores() == null ? null : inputs.derived(), inputs.scores());
    }

    /**
     * {@code POST /predictions/batch} with CSV: rows in the cohort CSV columns (outcome columns optional). Every row
     * must be valid; the response echoes each row with {@code probability}, {@code lower} and {@code upper} added.
     */
    public String batchCsv(byte[] body) {
        long rows = dataLines(body);
        if (rows > MAX_BATCH) {
            throw tooMany(rows, true);
        }
        List<Patient> patients;
        try {
            patients = CohortCsvReader.read("request", body, CohortCsvReader.Mode.SCORING).patients();
        } catch (CohortException e) {
            List<FieldError> errors = new ArrayList<>();
            for (CohortProblem p : e.problems()) {
                errors.add(new FieldError(null, p.line(), p.column(), p.message(), null));
            }
            throw new ProblemException(400, ProblemException.INVALID_CSV, "The CSV is not valid",
                    errors.size() + " problem(s) in the CSV; see errors. Nothing was scored.", errors);
        }
        if (patients.size() > MAX_BATCH) {
            throw tooMany(patients.size(), true);
        }
        StringBuilder out = new StringBuilder(body.length + patients.size() * 64);
        try (CSVParser parser = CSVParser.parse(new StringReader(text(body)), CSV_IN)) {
            CSVPrinter printer = new CSVPrinter(out, CSV_OUT);
            List<String> header = new ArrayList<>(parser.getHeaderNames());
            header.addAll(List.of("probability", "lower", "upper", "modelId", "modelVersion", "modelSha256",
                    "cohortReconstructed"));
            printer.printRecord(header);
            int i = 0;
            for (CSVRecord row : parser) {
                Patient p = patients.get(i++);
                LoadedModel model = models.apply(p.procedure());
                Scorer.Estimate e = Scorer.estimate(model, p.factors());
                scored.accept(p.procedure());
                List<String> cells = new ArrayList<>(row.size() + 7);
                row.forEach(cells::add);
                cells.add(Double.toString(e.probability()));
                cells.add(Double.toString(e.lower()));
                cells.add(Double.toString(e.upper()));
                cells.add(model.info().id());
                cells.add(model.info().version());
                cells.add(model.info().sha256());
                cells.add(Boolean.toString(model.info().cohort().reconstructed()));
                printer.printRecord(cells);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Non-blank lines after the header: an upper bound on the rows, counted before parsing. */
    static long dataLines(byte[] body) {
        long lines = 0;
        boolean content = false;
        for (byte b : body) {
            if (b == '\n') {
                if (content) {
                    lines++;
                }
                content = false;
            } else if (b != '\r' && b != ' ' && b != '\t') {
                content = true;
            }
        }
        if (content) {
            lines++;
        }
        return Math.max(0, lines - 1);
    }

    static ProblemException tooMany(long count, boolean csv) {
        FieldError error = csv
                ? new FieldError(null, null, null, "more than " + MAX_BATCH + " rows", "1 to " + MAX_BATCH + " rows")
                : FieldError.at("/patients", "more than " + MAX_BATCH + " patients", "1 to " + MAX_BATCH
                        + " patients");
        return new ProblemException(413, ProblemException.TOO_LARGE, "Too many patients",
                "A batch holds at most " + MAX_BATCH + " patients; this one has " + count
                        + ". Split it into several requests.", List.of(error));
    }
}
