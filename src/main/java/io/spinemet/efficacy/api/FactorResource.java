package io.spinemet.efficacy.api;

import io.smallrye.common.annotation.NonBlocking;
import io.spinemet.efficacy.api.Dtos.FactorInfo;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.catalogue.Term;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.ModelRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The factor catalogue, with which loaded models use each factor. */
@Path("/api/v1/factors")
@Tag(name = "Factors", description = "The preoperative factors the service understands.")
@NonBlocking
public class FactorResource {

    private final List<FactorInfo> factors;

    public FactorResource(ModelRegistry registry) {
        this.factors = describe(registry.all());
    }

    /** The catalogue as served, given the loaded models. */
    static List<FactorInfo> describe(java.util.Collection<LoadedModel> models) {
        List<FactorInfo> out = new ArrayList<>();
        for (Factor f : FactorCatalogue.FACTORS) {
            List<Object> allowed = switch (f.type()) {
                case BOOLEAN -> List.of(true, false);
                case CATEGORICAL -> List.copyOf(f.levels());
                case INTEGER -> List.of();
            };
            List<Procedure> usedBy = models.stream().filter(m -> m.uses(f.id())).map(LoadedModel::procedure).toList();
            List<Procedure> candidate = Arrays.stream(Procedure.values()).filter(f::usedIn).toList();
            out.add(new FactorInfo(f.id(), f.label(), f.definition(), f.source(), f.type().name(), allowed,
                    f.minimum(), f.maximum(), f.referenceLevel(), f.terms().stream().map(Term::name).toList(), usedBy, candidate,
                    f.riskValue(), f.modifiable(), f.modifiability().name(), f.favourableValue()));
        }
        return List.copyOf(out);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listFactors", summary = "The factor catalogue",
            description = "Every factor: id, label, definition and source; type, allowed values and reference "
                    + "level; which loaded models use it (their inputs are required) and which procedures it is a "
                    + "candidate for; whether and when it can be modified.")
    @APIResponse(responseCode = "200", description = "The catalogue, in CSV column order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FactorInfo.class,
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "factors", value = ApiExamples.FACTORS_RESPONSE)))
    public List<FactorInfo> factors() {
        return factors;
    }
}
