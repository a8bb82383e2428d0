package io.spinemet.efficacy.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinemet.efficacy.api.Dtos.Derivation;
import io.spinemet.efficacy.measurement.ConstantText;
import io.spinemet.efficacy.measurement.DerivedFactor;
import io.spinemet.efficacy.scores.Score;
import io.spinemet.efficacy.scores.Scores;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answer to a prediction from measurements: the prediction's JSON (memoized by {@link RenderedPredictions}) with
 * {@code derivedFactors} and {@code scores} appended, written with Jackson's streaming generator.
 *
 * <p>Why not data binding, as everywhere else: a derivation is about 6 kB of JSON, mostly constant text (rules,
 * cut-offs, sources, score items, bands, citations), and binding it, then appending it to the prediction, took as
 * long as reading, validating and deriving the measurements and allocated 22 kB per request (bench/service.sh, issue
 * 9 §6). Here names and constant texts are encoded once, and the server's answer is written straight into the
 * pooled buffer the response is sent from.
 *
 * <p>The fields, their order and what is left out are those of the annotated records ({@link Derivation},
 * {@link DerivedFactor}, {@link Score}), which also give the OpenAPI schema; {@code DerivationJsonTest} checks that
 * this writer and data binding give the same bytes. A field added to a record must be added here too.
 */
final class DerivationJson {

    /** Room for a derivation (about 6 kB) beyond the prediction, so the buffer seldom grows. */
    static final int DERIVATION_SIZE = 8 * 1024;
    private static final ByteBufAllocator HEAP = new UnpooledByteBufAllocator(false);

    private static final SerializableString DERIVED_FACTORS = name("derivedFactors");
    private static final SerializableString SCORES = name("scores");
    private static final SerializableString FACTOR = name("factor");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString INPUTS = name("inputs");
    private static final SerializableString NOTE = name("note");
    private static final SerializableString MEASUREMENT = name("measurement");
    private static final SerializableString UNIT = name("unit");
    private static final SerializableString CANONICAL_VALUE = name("canonicalValue");
    private static final SerializableString CANONICAL_UNIT = name("canonicalUnit");
    private static final SerializableString TOKUHASHI = name("tokuhashi");
    private static final SerializableString TOMITA = name("tomita");
    private static final SerializableString COMPUTED = name("computed");
    private static final SerializableString TOTAL = name("total");
    private static final SerializableString MAXIMUM = name("maximum");
    private static final SerializableString ITEMS = name("items");
    private static final SerializableString BAND = name("band");
    private static final SerializableString MISSING_INPUTS = name("missingInputs");
    private static final SerializableString CITATION = name("citation");
    private static final SerializableString WARNINGS = name("warnings");
    private static final SerializableString ITEM = name("item");
    private static final SerializableString INPUT = name("input");
    private static final SerializableString CATEGORY = name("category");
    private static final SerializableString POINTS = name("points");

    private final ObjectMapper mapper;
    /** Data binding's JSON of each rule text and band met so far (see {@link #bound}). */
    private final Map<Object, SerializableString> bound = new ConcurrentHashMap<>();

    /** @param mapper the service's mapper: its factory makes the generators, and it writes any other value type */
    DerivationJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }

    /** {@code prediction} (a JSON object) with the derivation's fields appended. */
    byte[] append(byte[] prediction, Derivation derivation) {
        ByteBuf json = append(prediction, derivation, HEAP);
        try {
            return ByteBufUtil.getBytes(json);
        } finally {
            json.release();
        }
    }

    /**
     * {@code prediction} (a JSON object) with the derivation's fields appended, written into a buffer of {@code
     * allocator}: with the server's pooled allocator, the answer is written once, straight where the response is
     * sent from. The caller owns the buffer (the response releases it once sent).
     */
    ByteBuf append(byte[] prediction, Derivation derivation, ByteBufAllocator allocator) {
        int end = prediction.length - 1;
        while (prediction[end] != '}') {
            end--;
        }
        ByteBuf out = allocator.buffer(end + DERIVATION_SIZE);
        try {
            out.writeBytes(prediction, 0, end);
            try (JsonGenerator g = mapper.getFactory().createGenerator((OutputStream) new ByteBufOutputStream(out))) {
                write(g, derivation);
            }
            out.setByte(end, ','); // the derivation object's '{' now continues the prediction's object
            return out;
        } catch (IOException e) {
            out.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** The derivation alone, as the JSON object {@link Derivation} binds to. */
    private void write(JsonGenerator g, Derivation derivation) throws IOException {
        g.writeStartObject();
        array(g, DERIVED_FACTORS, derivation.derivedFactors(), this::derivedFactor);
        if (derivation.scores() != null) {
            g.writeFieldName(SCORES);
            scores(g, derivation.scores());
        }
        g.writeEndObject();
    }

    private void derivedFactor(JsonGenerator g, DerivedFactor d) throws IOException {
        g.writeStartObject();
        string(g, FACTOR, d.factor()); // never null: the raw rule text after it starts with a comma
        if (d.value() != null) {
            g.writeFieldName(VALUE);
            value(g, d.value());
        }
        array(g, INPUTS, d.inputs(), DerivationJson::input);
        g.writeRaw(bound(new RuleText(d.rule(), d.cutoff(), d.source())));
        string(g, NOTE, d.note());
        g.writeEndObject();
    }

    private static void input(JsonGenerator g, DerivedFactor.Input input) throws IOException {
        g.writeStartObject();
        string(g, MEASUREMENT, input.measurement());
        if (input.value() != null) {
            g.writeFieldName(VALUE);
            value(g, input.value());
        }
        string(g, UNIT, input.unit());
        if (input.canonicalValue() != null) {
            g.writeFieldName(CANONICAL_VALUE);
            value(g, input.canonicalValue());
        }
        string(g, CANONICAL_UNIT, input.canonicalUnit());
        g.writeEndObject();
    }

    private void scores(JsonGenerator g, Scores scores) throws IOException {
        g.writeStartObject();
        if (scores.tokuhashi() != null) {
            g.writeFieldName(TOKUHASHI);
            score(g, scores.tokuhashi());
        }
        if (scores.tomita() != null) {
            g.writeFieldName(TOMITA);
            score(g, scores.tomita());
        }
        g.writeEndObject();
    }

    /** {@link Score} is {@code NON_EMPTY}: nulls and empty lists or strings are left out. */
    private void score(JsonGenerator g, Score s) throws IOException {
        g.writeStartObject();
        g.writeFieldName(COMPUTED);
        g.writeBoolean(s.computed());
        integer(g, TOTAL, s.total());
        integer(g, MAXIMUM, s.maximum());
        array(g, ITEMS, nonEmpty(s.items()), DerivationJson::item);
        if (s.band() != null) {
            g.writeFieldName(BAND);
            g.writeRawValue(bound(s.band()));
        }
        array(g, MISSING_INPUTS, nonEmpty(s.missingInputs()), JsonGenerator::writeString);
        if (s.citation() != null && !s.citation().isEmpty()) {
            constant(g, CITATION, s.citation());
        }
        array(g, WARNINGS, nonEmpty(s.warnings()), JsonGenerator::writeString);
        g.writeEndObject();
    }

    private static void item(JsonGenerator g, Score.Item item) throws IOException {
        g.writeStartObject();
        constant(g, ITEM, item.item());
        string(g, INPUT, item.input());
        constant(g, CATEGORY, item.category());
        g.writeFieldName(POINTS);
        g.writeNumber(item.points());
        g.writeEndObject();
    }

    /**
     * A derived factor's rule, cut-off and source: constant per rule (and per set of performance scales). Equality and
     * hash are written out: the strings are mostly the catalogue's own instances, so identity settles most
     * comparisons, and the generated record methods cost more than the rest of the lookup.
     */
    private record RuleText(String rule, String cutoff, String source) {

        @Override
        public boolean equals(Object o) {
            return o instanceof RuleText t && same(rule, t.rule) && same(cutoff, t.cutoff) && same(source, t.source);
        }

        @Override
        public int hashCode() {
            return (31 * hash(rule) + hash(cutoff)) * 31 + hash(source);
        }

        private static boolean same(String a, String b) {
            return a == b || a != null && a.equals(b);
        }

        private static int hash(String s) {
            return s == null ? 0 : s.hashCode();
        }
    }

    /**
     * Data binding's JSON of a {@link RuleText} (its fields, after a comma, to follow a derived factor's inputs) or of a
     * {@link Score.Band} (an object), kept after the first use: the same few texts recur in every answer, so one
     * lookup replaces encoding each field. At most {@link ConstantText#CAPACITY} are kept; any other is bound for the
     * one answer.
     */
    private SerializableString bound(Object value) {
        SerializableString json = bound.get(value);
        if (json == null) {
            String text;
            try {
                text = mapper.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            if (value instanceof RuleText) {   // {"rule":...} -> ,"rule":...  ({} -> nothing)
                text = text.length() == 2 ? "" : "," + text.substring(1, text.length() - 1);
            }
            json = new SerializedString(text);
            if (bound.size() < ConstantText.CAPACITY) {
                bound.putIfAbsent(value, json);
            }
        }
        return json;
    }

    /** A value as sent or derived: Boolean, Integer, String, BigDecimal or a list of codes. */
    private static void value(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeObject(value); // any other type, as data binding writes it
        }
    }

    private static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    private static void constant(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(ConstantText.encoded(value));
        }
    }

    private static void integer(JsonGenerator g, SerializableString name, Integer value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeNumber(value);
        }
    }

    /** Writes one element of an array. */
    @FunctionalInterface
    private interface Element<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /** {@code "name": [...]}, left out when {@code values} is null. */
    private static <T> void array(JsonGenerator g, SerializableString name, List<T> values, Element<T> element)
            throws IOException {
        if (values != null) {
            g.writeFieldName(name);
            g.writeStartArray();
            for (T value : values) {
                element.write(g, value);
            }
            g.writeEndArray();
        }
    }

    /** The list, or null when empty: {@link Score} leaves empty lists out ({@code NON_EMPTY}). */
    private static <T> List<T> nonEmpty(List<T> values) {
        return values == null || values.isEmpty() ? null : values;
    }
}
