package io.spinemet.efficacy.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR resources inside a hook request (prefetch entries, draft orders), parsed by HAPI FHIR's R4 JSON parser from
 * the request's Jackson tree ({@link JacksonStructure}, HAPI's own Jackson binding) instead of printing each one
 * back to text and reading it again. The request is read with decimals kept exact, as HAPI reads FHIR JSON, so a
 * value such as {@code 3.20} reaches the parser unchanged.
 */
final class FhirJson {

    private FhirJson() {
    }

    /** Largest decimal exponent accepted: HAPI prints decimals in plain form, so {@code 1e999999999} would be a
     * billion digits. FHIR decimals never come near it. */
    static final int MAX_EXPONENT = 1000;

    /**
     * The reader for hook requests: JSON floats as exact {@code BigDecimal}s (FHIR decimals keep their digits), and
     * a decimal whose exponent is beyond {@link #MAX_EXPONENT} refused with {@link NumberOutOfRange}.
     */
    static ObjectReader requestReader(ObjectMapper mapper) {
        return mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).with(new BoundedDecimals());
    }

    /** A number in the request whose plain form would be too long to print. */
    static final class NumberOutOfRange extends IllegalArgumentException {
        NumberOutOfRange() {
            super("a JSON number's exponent is out of range");
        }
    }

    /** Exact decimals, none with an exponent beyond {@link #MAX_EXPONENT}. */
    private static final class BoundedDecimals extends JsonNodeFactory {
        BoundedDecimals() {
            super(true);
        }

        @Override
        public ValueNode numberNode(BigDecimal v) {
            if (Math.abs((long) v.scale()) > MAX_EXPONENT) {
                throw new NumberOutOfRange();
            }
            return super.numberNode(v);
        }
    }

    /** HAPI's R4 JSON parser, lenient about unknown elements (they are ignored, as FHIR allows). */
    static IJsonLikeParser parser(FhirContext fhir) {
        return (IJsonLikeParser) fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    }

    /** The resource in {@code json}, or {@code null} when it is not a JSON object or not a FHIR R4 resource. */
    static IBaseResource parseOrNull(IJsonLikeParser parser, JsonNode json) {
        if (!(json instanceof ObjectNode object)) {
            return null;
        }
        try {
            return parser.parseResource(structure(object));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The resource of the given type in {@code json}; HAPI's exception when it is not one. */
    static <T extends IBaseResource> T parse(IJsonLikeParser parser, ObjectNode json, Class<T> type) {
        return parser.parseResource(type, structure(json));
    }

    private static JacksonStructure structure(ObjectNode json) {
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(json);
        return structure;
    }
}
