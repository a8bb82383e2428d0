package io.spinemet.efficacy.api;

import io.smallrye.common.annotation.NonBlocking;
import io.spinemet.efficacy.measurement.Measurement;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The measurement catalogue (contract C): what a raw-value form or an EHR integration may send. */
@Path("/api/v1/measurements")
@Tag(name = "Measurements", description = "Raw clinical values the service turns into factors and scores.")
@NonBlocking
public class MeasurementResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The measurement catalogue",
            description = "Every measurement: id, label, definition, value type; accepted UCUM units and canonical "
                    + "unit (quantities); plausible range (outside it is a 400, never a clamp); allowed codes; "
                    + "LOINC, ICD-10 or ATC codes; the factors it derives with rule, cut-off and source; and which "
                    + "factors and scores use it.")
    @APIResponse(responseCode = "200", description = "The catalogue, in form order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MeasurementInfo.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "measurements", value = ApiExamples.MEASUREMENTS_RESPONSE)))
    public List<Measurement> measurements() {
        return MeasurementCatalogue.MEASUREMENTS;
    }

    /** The descriptor's documented shape (the catalogue record is what is written). */
    @Schema(name = "MeasurementInfo", description = "A measurement of the catalogue. Absent fields are omitted.")
    record MeasurementInfo(
            @Schema(examples = "serumAlbumin") String id,
            @Schema(examples = "Serum albumin") String label,
            String definition,
            @Schema(enumeration = {"QUANTITY", "INTEGER", "CODE", "CODE_LIST", "DATE"}) String valueType,
            @Schema(description = "Accepted UCUM unit codes (QUANTITY).") List<String> units,
            @Schema(description = "The unit rules and ranges use (QUANTITY).", examples = "g/L") String canonicalUnit,
            RangeInfo range,
            @Schema(description = "Allowed codes (CODE).") List<io.spinemet.efficacy.measurement.AllowedValue>
                    allowedValues,
            @Schema(description = "LOINC, ICD-10 or ATC codes.") List<io.spinemet.efficacy.measurement.StandardCode>
                    codes,
            @Schema(description = "Factors derived, with rule, cut-off and source.")
            List<io.spinemet.efficacy.measurement.Derives> derives,
            @Schema(description = "Factor ids and scores (tokuhashi, tomita) that use it.") List<String> usedBy) {
    }

    @Schema(name = "MeasurementRange", description = "Plausible range, both ends included.")
    record RangeInfo(@Schema(examples = "5") java.math.BigDecimal min,
                     @Schema(examples = "80") java.math.BigDecimal max,
                     @Schema(description = "Unit of min and max (QUANTITY).", examples = "g/L") String unit,
                     @Schema(description = "Values lie on this grid (KPS: 10).") java.math.BigDecimal step) {
    }
}
