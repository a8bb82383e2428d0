package io.spinemet.efficacy.measurement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A raw clinical input as a health record holds it: everything validation, conversion, derivation, OpenAPI, forms
 * and docs need to know about it.
 *
 * @param id            camelCase id used in JSON ({@code "measurements": {"<id>": ...}}) and CSV columns
 * @param label         short human label
 * @param definition    what it is, in the project's words
 * @param valueType     how the value is written
 * @param units         the usual UCUM unit codes (QUANTITY), canonical unit first; any other UCUM unit convertible
 *                      to the canonical one is accepted too; empty otherwise
 * @param canonicalUnit the unit rules and ranges use (QUANTITY), otherwise {@code null}
 * @param range         plausible range (QUANTITY in the canonical unit, INTEGER), otherwise {@code null}
 * @param allowedValues the codes a CODE measurement accepts; empty otherwise
 * @param codes         standard codes identifying the measurement or its values (LOINC, ICD-10, ATC)
 * @param derives       the factors it derives, with rule, cut-off and source
 * @param usedBy        factor ids and scores ({@code tokuhashi}, {@code tomita}) that use it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Measurement(
        String id,
        String label,
        String definition,
        ValueType valueType,
        List<String> units,
        String canonicalUnit,
        Range range,
        List<AllowedValue> allowedValues,
        List<StandardCode> codes,
        List<Derives> derives,
        List<String> usedBy) {

    public Measurement {
        units = List.copyOf(units);
        allowedValues = List.copyOf(allowedValues);
        codes = List.copyOf(codes);
        derives = List.copyOf(derives);
        usedBy = List.copyOf(usedBy);
    }

    /** Whether a CODE measurement allows {@code code}. */
    public boolean allowsCode(String code) {
        return allowedValue(code).isPresent();
    }

    public Optional<AllowedValue> allowedValue(String code) {
        for (AllowedValue v : allowedValues) {   // a loop, not a stream: this runs for every coded input
            if (v.code().equals(code)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** What a valid value looks like, for error messages and docs. */
    public String allowed() {
        return switch (valueType) {
            case QUANTITY -> "{\"value\": a number from " + range.describe() + ", \"unit\": one of "
                    + String.join(", ", units) + " or another UCUM unit convertible to " + canonicalUnit + "}";
            case INTEGER -> "a JSON integer from " + range.describe();
            case CODE -> "one of " + String.join(", ", allowedValues.stream().map(AllowedValue::code).toList());
            case CODE_LIST -> "a JSON array of current WHO ATC codes (level 4 or 5, e.g. L01EB02; level 5 within "
                    + String.join(" and ", TargetedAgents.splitGroups()) + "; not the pre-2022 "
                    + String.join(" and ", TargetedAgents.RETIRED) + " codes)";
            case DATE -> "a date YYYY-MM-DD, not in the future";
        };
    }
}
