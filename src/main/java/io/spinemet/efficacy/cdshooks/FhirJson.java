package io.spinemet.efficacy.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.spinemet.efficacy.fhir.FhirReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

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
            Bundle bundle = entryWise(parser, object);
            return bundle != null ? bundle : parser.parseResource(structure(object));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The resource of the given type in {@code json}; HAPI's exception when it is not one. */
    static <T extends IBaseResource> T parse(IJsonLikeParser parser, ObjectNode json, Class<T> type) {
        Bundle bundle = type.isAssignableFrom(Bundle.class) ? entryWise(parser, json) : null;
        return bundle != null ? type.cast(bundle) : parser.parseResource(type, structure(json));
    }

    /**
     * A Bundle read by HAPI entry by entry: the Bundle without its entries' resources, then each resource on its own.
     * HAPI's parser finishes a whole Bundle by "stitching" it, walking every reference of every entry to point it at
     * the entry it names ({@code Reference.resource}); the service never reads those links, and the walk cost about
     * a tenth of a hook call (JFR). What HAPI's JSON parser does besides is kept: an entry's resource takes the
     * entry's {@code fullUrl} as its id, keeping its version (and its own id, for {@link FhirReader#reference}). {@code null}, for HAPI to read the whole, when
     * {@code json} is no Bundle with entries, when an entry or its resource is not a JSON object, or when HAPI refuses
     * any part.
     */
    static Bundle entryWise(IJsonLikeParser parser, ObjectNode json) {
        if (!"Bundle".equals(json.path("resourceType").textValue()) || !(json.get("entry") instanceof ArrayNode entries)
                || entries.isEmpty()) {
            return null;
        }
        ObjectNode shell = json.objectNode();
        ArrayNode shellEntries = shell.arrayNode(entries.size());
        List<ObjectNode> resources = new ArrayList<>(entries.size());
        for (JsonNode e : entries) {
            JsonNode resource = e.get("resource");
            if (!(e instanceof ObjectNode entry) || resource != null && !(resource instanceof ObjectNode)) {
                return null;
            }
            ObjectNode copy = shellEntries.addObject();
            entry.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("resource")) {
                    copy.set(f.getKey(), f.getValue());
                }
            });
            resources.add((ObjectNode) resource);
        }
        json.fields().forEachRemaining(f -> shell.set(f.getKey(), f.getKey().equals("entry") ? shellEntries
                : f.getValue()));
        try {
            Bundle bundle = parser.parseResource(Bundle.class, structure(shell));
            if (bundle.getEntry().size() != resources.size()) {
                return null;
            }
            for (int i = 0; i < resources.size(); i++) {
                if (resources.get(i) != null) {
                    Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                    Resource resource = (Resource) parser.parseResource(structure(resources.get(i)));
                    entry.setResource(resource);
                    if (entry.hasFullUrl()) {
                        String version = resource.getIdElement().getVersionIdPart();
                        FhirReader.keepLogicalId(resource);
                        resource.setId(entry.getFullUrl());
                        if (version != null && !version.isBlank()) {
                            resource.setIdElement(resource.getIdElement().withVersion(version));
                        }
                    }
                }
            }
            return bundle;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static JacksonStructure structure(ObjectNode json) {
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(json);
        return structure;
    }
}
