package io.spinemet.efficacy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spinemet.efficacy.api.problem.ErrorList;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.measurement.DerivedFactor;
import io.spinemet.efficacy.scores.Scores;
import io.spinemet.efficacy.scoring.ModelInfo;
import io.spinemet.efficacy.scoring.Prediction;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API's request and response shapes. Requests are validated from the JSON tree by {@link RequestValidator} (so
 * that every problem is reported at once); the request records here document them in OpenAPI.
 */
public final class Dtos {

    private Dtos() {
    }

    @Schema(name = "PredictionRequest", description = "One patient and the planned operation: factors, "
            + "measurements (raw clinical values the service turns into factors), or both.",
            additionalProperties = Schema.False.class)
    public record PredictionRequest(
            @Schema(required = true, description = "The planned operation.") Procedure procedure,
            @Schema(ref = "Factors") Map<String, Object> factors,
            @Schema(ref = "Measurements") Map<String, Object> measurements) {
    }

    @Schema(name = "ComparisonRequest", description = "One patient, to be scored under both procedures. Give every "
            + "factor either model uses, including frankelGrade, directly or through measurements.",
            additionalProperties = Schema.False.class)
    public record ComparisonRequest(@Schema(ref = "Factors") Map<String, Object> factors,
                                    @Schema(ref = "Measurements") Map<String, Object> measurements) {
    }

    @Schema(name = "BatchRequest", description = "Up to " + PredictionRequests.MAX_BATCH + " patients.",
            additionalProperties = Schema.False.class)
    public record BatchRequest(
            @Schema(required = true, maxItems = PredictionRequests.MAX_BATCH) List<BatchPatient> patients) {
    }

    @Schema(name = "BatchPatient", description = "One patient of a batch.", additionalProperties = Schema.False.class)
    public record BatchPatient(
            @Schema(description = "Your identifier, echoed in the result. Do not use names or record numbers.",
                    examples = "case-1") String id,
            @Schema(required = true) Procedure procedure,
            @Schema(ref = "Factors") Map<String, Object> factors,
            @Schema(ref = "Measurements") Map<String, Object> measurements) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Comparison", description = "The same patient under both procedures.")
    public record Comparison(
            @Schema(description = "One prediction per procedure: PVP, then DECOMPRESSION.")
            List<Prediction> predictions,
            @Schema(description = "How (not) to read the difference.") String note,
            @Schema(description = "Factors derived from the measurements, with their provenance (when measurements "
                    + "were sent; absent when factors alone were).") List<DerivedFactor> derivedFactors,
            @Schema(description = "Tokuhashi and Tomita scores (when measurements were sent, or when the factors "
                    + "alone suffice for one of them).") Scores scores) {

        public Comparison(List<Prediction> predictions, String note) {
            this(predictions, note, null, null);
        }
    }

    /**
     * What a prediction from measurements adds to the prediction's JSON.
     *
     * @param derivedFactors factors derived from the measurements, with provenance
     * @param scores         the Tokuhashi and Tomita scores
     */
    @Schema(name = "MeasurementDerivation", description = "Present when measurements were sent: the factors derived "
            + "from them (with inputs, rule, cut-off and source) and the Tokuhashi and Tomita scores; the scores alone "
            + "when factors alone suffice for one of them.")
    public record Derivation(List<DerivedFactor> derivedFactors, Scores scores) {
    }

    @Schema(name = "BatchResponse", description = "One result per patient, in request order.")
    public record BatchResponse(
            @Schema(description = "Patients in the request.") int count,
            @Schema(description = "Patients scored.") int scored,
            @Schema(description = "Patients rejected, each with its own errors.") int rejected,
            List<BatchResult> results) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchResult", description = "A patient's probability and CI, or its errors. A field without a "
            + "value is left out.")
    public record BatchResult(
            @Schema(description = "0-based position in the request (CSV: among the data rows).") int index,
            @Schema(description = "CSV requests: the line the row starts on, the header being line 1.")
            Long line,
            @Schema(description = "The id given in the request (CSV: patientId), if any.") String id,
            Procedure procedure,
            @Schema(minimum = "0", maximum = "1") Double probability,
            Prediction.ConfidenceInterval confidenceInterval,
            @Schema(description = "Valid catalogue factors given that this patient's model does not use.")
            List<String> inputsIgnored,
            @Schema(description = "The same warnings, code and message, as a single prediction's.")
            List<Prediction.Warning> warnings,
            @Schema(description = "The model that scored this patient: id, version, SHA-256 and training cohort.")
            ModelInfo model,
            @Schema(description = "Why this patient was not scored; pointers are into the whole request, CSV "
                    + "problems name the line and column. At most " + ErrorList.CAP + " per patient.")
            List<Problem.FieldError> errors,
            @Schema(description = "How many further problems this patient had that are not listed.")
            Long errorsOmitted,
            @Schema(description = "Factors derived from this patient's measurements, with provenance.")
            List<DerivedFactor> derivedFactors,
            @Schema(description = "Tokuhashi and Tomita scores from this patient's measurements (or its factors, "
                    + "when they suffice for one).") Scores scores) {
    }

    /**
     * A model card as JSON: the model file itself plus its checksum and links.
     *
     * @param procedure the operation
     * @param sha256    SHA-256 of the model file
     * @param links     where the card and its Markdown form are
     * @param model     the model file: coefficients, ORs, CIs, p-values, univariate table, performance, cohort,
     *                  method and limitations
     */
    @Schema(name = "ModelCard", description = "A model card: the model file (coefficients with ORs, CIs and "
            + "p-values, univariate table, separation, performance, cohort, method, limitations) with its SHA-256.")
    public record ModelCard(Procedure procedure, String sha256, Links links,
                            io.spinemet.efficacy.modelfile.ModelFile model) {
    }

    @Schema(name = "Links")
    public record Links(@Schema(examples = "/api/v1/models/pvp") String self,
                        @Schema(description = "The Markdown card (also at self with Accept: text/markdown).",
                                examples = "/api/v1/models/pvp/card.md") String markdown) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FactorInfo", description = "A factor of the catalogue. A field without a value is left out.")
    public record FactorInfo(
            @Schema(examples = "malnutrition") String id,
            String label,
            String definition,
            String source,
            @Schema(enumeration = {"BOOLEAN", "CATEGORICAL", "INTEGER"}) String type,
            @Schema(description = "JSON values allowed: [true, false] or the levels; empty for integers.")
            List<Object> allowedValues,
            @Schema(description = "Smallest allowed value of an integer factor.") Integer minimum,
            @Schema(description = "Largest plausible value of an integer factor.") Integer maximum,
            @Schema(description = "The level the model's terms contrast against.") String referenceLevel,
            @Schema(description = "The design terms the factor contributes to a model.") List<String> terms,
            @Schema(description = "Procedures whose loaded models use the factor (inputs required).")
            List<Procedure> usedBy,
            @Schema(description = "Procedures whose analyses consider the factor (candidate).")
            List<Procedure> candidateFor,
            @Schema(description = "Value the study reported as the risk for poor efficacy.") String riskValue,
            boolean modifiable,
            @Schema(enumeration = {"NONE", "BEFORE_SURGERY", "AFTER_SURGERY"}) String modifiability,
            @Schema(description = "For a modifiable factor, the value that lowers the risk.") Object favourableValue) {
    }
}
