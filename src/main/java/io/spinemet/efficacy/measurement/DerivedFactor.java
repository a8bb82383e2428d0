package io.spinemet.efficacy.measurement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A factor derived from measurements, with where it came from (contract C, {@code derivedFactors}).
 *
 * @param factor the factor id
 * @param value  its value (Boolean, Integer or level)
 * @param inputs the measurements it came from, as sent and in the canonical unit
 * @param rule   the rule applied
 * @param cutoff the cut-off (or mapping) applied
 * @param source the published source of the cut-off
 * @param note   what a reader should check about the inputs (scales that disagree), or {@code null}
 */
@Schema(name = "DerivedFactor", description = "A factor derived from measurements, with its inputs, rule, cut-off "
        + "and source.")
public record DerivedFactor(
        @Schema(examples = "malnutrition") String factor,
        @Schema(description = "Boolean, integer or level, as in factors.", examples = "true") Object value,
        List<Input> inputs,
        @JsonSerialize(using = ConstantText.class)
        @Schema(examples = "malnutrition is true when serum albumin < 35 g/L") String rule,
        @JsonSerialize(using = ConstantText.class) @Schema(examples = "< 35 g/L (3.5 g/dL)") String cutoff,
        @JsonSerialize(using = ConstantText.class) String source,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "What to check about the inputs, e.g. performance scales that disagree; absent when "
                + "nothing.") String note) {

    public DerivedFactor {
        Objects.requireNonNull(factor, "factor");
        inputs = List.copyOf(inputs);
    }

    public DerivedFactor(String factor, Object value, List<Input> inputs, String rule, String cutoff, String source) {
        this(factor, value, inputs, rule, cutoff, source, null);
    }

    /**
     * One measurement a factor came from.
     *
     * @param measurement    the measurement id
     * @param value          the value as sent (number, integer, code, codes or date)
     * @param unit           the unit as sent (quantities)
     * @param canonicalValue the value in the canonical unit (quantities)
     * @param canonicalUnit  the canonical unit (quantities)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DerivedFactorInput", description = "A measurement a factor came from.")
    public record Input(@Schema(examples = "serumAlbumin") String measurement,
                        @Schema(description = "As sent.", examples = "3.2") Object value,
                        @Schema(description = "Unit as sent (quantities).", examples = "g/dL") String unit,
                        @Schema(description = "Value in the canonical unit (quantities).", examples = "32")
                        Object canonicalValue,
                        @Schema(description = "Canonical unit (quantities).", examples = "g/L") String canonicalUnit) {
    }
}
