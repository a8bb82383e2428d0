package io.spinemet.efficacy.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.spinemet.efficacy.measurement.AllowedValue;
import io.spinemet.efficacy.measurement.Derives;
import io.spinemet.efficacy.measurement.Measurement;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Builds the {@code Measurements} schema of the OpenAPI document from the measurement catalogue, like
 * {@link FactorSchemaFilter} does for factors: one property per measurement with its JSON shape, units, range or codes,
 * and no other properties.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class MeasurementSchemaFilter implements OASFilter {

    public static final String NAME = "Measurements";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(NAME, measurementsSchema());
    }

    static Schema measurementsSchema() {
        Schema schema = OASFactory.createSchema()
                .type(List.of(SchemaType.OBJECT))
                .description("Raw clinical values by measurement id (GET /api/v1/measurements). The service derives "
                        + "factors from them by the catalogue's rules (listed in derivedFactors) and computes the "
                        + "Tokuhashi and Tomita scores. A factor given also in factors must agree. Values outside the "
                        + "plausible range, unknown units and dates in the future are errors; nothing is clamped.")
                .additionalPropertiesBoolean(Boolean.FALSE);
        for (Measurement m : MeasurementCatalogue.MEASUREMENTS) {
            schema.addProperty(m.id(), property(m));
        }
        return schema;
    }

    private static Schema property(Measurement m) {
        List<String> notes = new ArrayList<>();
        notes.add(m.label() + ". " + m.definition());
        for (Derives d : m.derives()) {
            notes.add("Derives " + d.factor() + ": " + d.rule() + " (" + d.source() + ").");
        }
        Schema p = OASFactory.createSchema().description(String.join(" ", notes));
        switch (m.valueType()) {
            case QUANTITY -> p.type(List.of(SchemaType.OBJECT)).additionalPropertiesBoolean(Boolean.FALSE)
                    .required(List.of("value", "unit"))
                    .addProperty("value", OASFactory.createSchema().type(List.of(SchemaType.NUMBER))
                            .description("Plausible range " + m.range().describe() + " (after conversion)."))
                    .addProperty("unit", OASFactory.createSchema().type(List.of(SchemaType.STRING))
                            .examples(new ArrayList<>(m.units())).description("UCUM unit code: "
                                    + String.join(", ", m.units()) + ", or another UCUM unit convertible to "
                                    + m.canonicalUnit() + " (converted by the UCUM library)."));
            case INTEGER -> {
                p.type(List.of(SchemaType.INTEGER)).format("int32").minimum(m.range().min())
                        .maximum(m.range().max());
                if (m.range().step() != null) {
                    p.multipleOf(m.range().step());
                }
            }
            case CODE -> p.type(List.of(SchemaType.STRING)).enumeration(new ArrayList<>(m.allowedValues().stream()
                    .map(AllowedValue::code).toList()));
            case CODE_LIST -> p.type(List.of(SchemaType.ARRAY)).items(OASFactory.createSchema()
                    .type(List.of(SchemaType.STRING)).pattern("^[A-Z][0-9]{2}[A-Z]{2}([0-9]{2})?$")
                    .description("WHO ATC code, level 4 or 5"));
            case DATE -> p.type(List.of(SchemaType.STRING)).format("date");
        }
        return p;
    }
}
