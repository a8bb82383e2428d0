package io.spinemet.efficacy.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Builds the {@code Factors} schema of the OpenAPI document from the factor catalogue, so that the documented request
 * can never drift from what the validator accepts: one property per factor with its JSON type, levels or minimum, and
 * no other properties. Runs at build time, so the stored openapi/ files carry it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class FactorSchemaFilter implements OASFilter {

    public static final String NAME = "Factors";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(NAME, factorsSchema());
    }

    static Schema factorsSchema() {
        Schema schema = OASFactory.createSchema()
                .type(List.of(SchemaType.OBJECT))
                .description("The patient's preoperative factors, by catalogue id (GET /api/v1/factors). Every "
                        + "factor the procedure's model uses is required; other catalogue factors are accepted and "
                        + "reported as ignored; any other name is an error. Values are not coerced.")
                .additionalPropertiesBoolean(Boolean.FALSE);
        for (Factor f : FactorCatalogue.FACTORS) {
            schema.addProperty(f.id(), property(f));
        }
        return schema;
    }

    private static Schema property(Factor f) {
        String candidates = f.procedures().stream().sorted().map(Procedure::name)
                .collect(Collectors.joining(", "));
        List<String> notes = new ArrayList<>();
        notes.add(f.label() + ". " + f.definition());
        notes.add("Source: " + f.source() + ".");
        if (f.referenceLevel() != null && f.type() != io.spinemet.efficacy.catalogue.FactorType.BOOLEAN) {
            notes.add("Reference level: " + f.referenceLevel() + ".");
        }
        notes.add("Candidate for: " + candidates + ".");
        if (f.modifiable()) {
            notes.add("Modifiable (" + f.modifiability().name() + "); favourable value: " + f.favourableValue() + ".");
        }
        Schema p = OASFactory.createSchema().description(String.join(" ", notes));
        switch (f.type()) {
            case BOOLEAN -> p.type(List.of(SchemaType.BOOLEAN)).examples(List.of(false));
            case CATEGORICAL -> p.type(List.of(SchemaType.STRING)).enumeration(new ArrayList<>(f.levels()))
                    .examples(List.of(f.levels().get(0)));
            case INTEGER -> p.type(List.of(SchemaType.INTEGER)).format("int32")
                    .minimum(BigDecimal.valueOf(f.minimum())).examples(List.of(f.minimum()));
        }
        if (f.maximum() != null) {
            p.maximum(BigDecimal.valueOf(f.maximum()));
        }
        return p;
    }
}
