package io.spinemet.efficacy.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.NonBlocking;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.scores.Scores;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The revised Tokuhashi and Tomita scores from measurements. Thin: the scores are in {@code scores}. */
@Path("/api/v1/scores")
@Tag(name = "Scores", description = "Revised Tokuhashi (2005) and Tomita (2001) scores for spinal metastases.")
@NonBlocking
public class ScoreResource {

    private static final Set<String> FIELDS = Set.of(PatientInputs.MEASUREMENTS);

    @Schema(name = "ScoresRequest", description = "The patient's measurements.",
            additionalProperties = Schema.False.class, requiredProperties = {"measurements"})
    record ScoresRequest(@Schema(required = true, ref = "Measurements") Map<String, Object> measurements) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revised Tokuhashi and Tomita scores",
            description = "Each score comes with its items, points, total, published band (prognosis and strategy) "
                    + "and citation, or, when an item's input is missing, computed: false and the measurements it "
                    + "needs. No band is guessed. Tokuhashi needs a KPS; an ECOG grade is converted only where the "
                    + "published correspondence puts it in one Tokuhashi band, with a warning. Invalid or "
                    + "contradictory measurements are a 400 naming each.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoresRequest.class),
            examples = @ExampleObject(name = "scores", value = ApiExamples.SCORES)))
    @APIResponse(responseCode = "200", description = "Both scores",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scores.class),
                    examples = @ExampleObject(name = "scores", value = ApiExamples.SCORES_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field or measurement, a wrong type, "
            + "an unknown unit, an implausible value, a date in the future or contradictory measurements",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Scores scores(byte[] body) {
        return score(RequestValidator.parse(body));
    }

    static Scores score(com.fasterxml.jackson.databind.JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode request = RequestValidator.object(body, "", errors);
        if (request == null) {
            throw ProblemException.invalid(errors);
        }
        RequestValidator.onlyFields(request, "", FIELDS, errors);
        if (!request.has(PatientInputs.MEASUREMENTS)) {
            errors.add(FieldError.at("/measurements", "required", "a JSON object of measurement id to value"));
            throw ProblemException.invalid(errors);
        }
        PatientInputs inputs = PatientInputs.read(request, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return inputs.scores();
    }
}
