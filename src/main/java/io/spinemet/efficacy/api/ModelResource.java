package io.spinemet.efficacy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.smallrye.common.annotation.NonBlocking;
import io.spinemet.efficacy.api.Dtos.Links;
import io.spinemet.efficacy.api.Dtos.ModelCard;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.ModelInfo;
import io.spinemet.efficacy.scoring.ModelRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The loaded models and their cards. Responses are built once at start-up. */
@Path("/api/v1/models")
@Tag(name = "Models", description = "The models being served and their model cards.")
@NonBlocking
public class ModelResource {

    static final String MARKDOWN = "text/markdown";

    private final List<ModelInfo> list;
    private final Map<Procedure, byte[]> cards = new EnumMap<>(Procedure.class);
    private final Map<Procedure, String> markdown = new EnumMap<>(Procedure.class);

    public ModelResource(ModelRegistry registry) {
        ObjectWriter writer = JsonMapper.builder().build().writerFor(ModelCard.class);
        this.list = registry.all().stream().map(LoadedModel::info).toList();
        for (LoadedModel m : registry.all()) {
            String self = LoadedModel.cardPath(m.procedure());
            try {
                cards.put(m.procedure(), writer.writeValueAsBytes(new ModelCard(m.procedure(), m.sha256(),
                        new Links(self, self), m.file())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("model card of " + m.procedure() + " cannot be written", e);
            }
            m.markdownCard().ifPresent(md -> markdown.put(m.procedure(), md));
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the loaded models")
    @APIResponse(responseCode = "200", description = "One entry per procedure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelInfo.class,
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "models", value = ApiExamples.MODELS_RESPONSE)))
    public List<ModelInfo> list() {
        return list;
    }

    @GET
    @Path("/{procedure}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A model card as JSON",
            description = "The model file (coefficients with odds ratios, CIs and p-values; the univariate table; "
                    + "the separation check; performance; the cohort; the method; limitations) with its SHA-256.")
    @APIResponse(responseCode = "200", description = "The model card",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelCard.class),
                    examples = @ExampleObject(name = "card (abridged)", value = ApiExamples.MODEL_CARD_RESPONSE)))
    @APIResponse(responseCode = "404", description = "No model for this procedure",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiExamples.PROBLEM_404)))
    @APIResponse(responseCode = "406", description = "Accept allows neither application/json nor text/markdown",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public byte[] card(@Parameter(description = "pvp or decompression (PVP and DECOMPRESSION are accepted too)",
            example = "pvp", schema = @Schema(enumeration = {"pvp", "decompression", "PVP", "DECOMPRESSION"}))
                       @PathParam("procedure") String procedure) {
        Procedure p = procedure(procedure);
        byte[] card = cards.get(p);
        if (card == null) {
            throw notServed(p);
        }
        return card;
    }

    /** 404: a known procedure whose model this service does not hold. */
    private ProblemException notServed(Procedure p) {
        return new ProblemException(404, ProblemException.MODEL_NOT_SERVED, "Model not served",
                "This service holds no " + p.name() + " model; it serves " + (cards.isEmpty() ? "none"
                        : String.join(", ", cards.keySet().stream().map(Enum::name).toList())) + ".", null);
    }

    @GET
    @Path("/{procedure}")
    @Produces(MARKDOWN)
    @Operation(summary = "A model card as Markdown",
            description = "The human-readable model card (TRIPOD+AI-style sections) written beside the model file.")
    @APIResponse(responseCode = "200", description = "The Markdown card", content = @Content(mediaType = MARKDOWN,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "card (abridged)", value = ApiExamples.MARKDOWN_CARD_RESPONSE)))
    @APIResponse(responseCode = "404", description = "No model, or no Markdown card, for this procedure",
            content = @Content(mediaType = ProblemResponses.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public String markdownCard(@PathParam("procedure") String procedure) {
        Procedure p = procedure(procedure);
        if (!cards.containsKey(p)) {
            throw notServed(p);
        }
        String md = markdown.get(p);
        if (md == null) {
            throw new ProblemException(404, ProblemException.UNKNOWN_MODEL, "No Markdown card",
                    "The " + p.name() + " model has no Markdown card; ask for application/json.", null);
        }
        return md;
    }

    private static Procedure procedure(String text) {
        return Procedure.parse(text).orElseThrow(() -> new ProblemException(404, ProblemException.UNKNOWN_MODEL,
                "No such model", "There is no model for this procedure; the models are pvp and decompression "
                + "(PVP and DECOMPRESSION are accepted too).", null));
    }
}
