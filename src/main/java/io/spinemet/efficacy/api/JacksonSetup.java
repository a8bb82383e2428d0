package io.spinemet.efficacy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.arc.Arc;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.ModelInfo;
import io.spinemet.efficacy.scoring.ModelRegistry;
import io.spinemet.efficacy.scoring.Prediction;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Response serialization tuned for the prediction path, which is mostly JSON writing: Blackbird's generated
 * accessors instead of reflection, Jackson's fast (Schubfach) double writer instead of JDK 17's slower
 * {@code Double.toString} (both write a string that reads back as the same double), and the values every
 * prediction of a model shares (its description, its warnings, each boolean or categorical factor value's
 * contribution) written to JSON once, on first use, and then copied into each response.
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    /** JSON of the models' shared instances, by identity; built once, then only read. */
    private static volatile Map<Object, String> prepared;

    @Override
    public void customize(ObjectMapper mapper) {
        // A field that has no value is left out, never sent as null (the OpenAPI schemas do not allow null).
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.registerModule(new BlackbirdModule());
        mapper.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        ObjectMapper plain = mapper.copy();
        mapper.registerModule(new SimpleModule("spinemet-shared-values")
                .addSerializer(ModelInfo.class, new Prepared<>(plain))
                .addSerializer(Prediction.Warning.class, new Prepared<>(plain))
                .addSerializer(Prediction.Contribution.class, new Prepared<>(plain)));
    }

    /** The shared values' JSON, written on first use (not at start-up, which it would slow by about 0.3 s). */
    private static Map<Object, String> prepared(ObjectMapper plain) {
        Map<Object, String> json = prepared;
        if (json == null) {
            synchronized (JacksonSetup.class) {
                json = prepared;
                if (json == null) {
                    json = new IdentityHashMap<>();
                    for (LoadedModel model : Arc.container().instance(ModelRegistry.class).get().all()) {
                        for (Object value : model.sharedValues()) {
                            json.put(value, write(plain, value));
                        }
                    }
                    prepared = json;
                }
            }
        }
        return json;
    }

    private static String write(ObjectMapper plain, Object value) {
        try {
            return plain.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies prepared JSON for a shared instance; any other value is written as usual. */
    static final class Prepared<T> extends JsonSerializer<T> {
        private final ObjectMapper plain;

        Prepared(ObjectMapper plain) {
            this.plain = plain;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String json = prepared(plain).get(value);
            gen.writeRawValue(json != null ? json : write(plain, value));
        }
    }
}
