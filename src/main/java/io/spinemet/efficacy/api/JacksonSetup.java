package io.spinemet.efficacy.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.spinemet.efficacy.scoring.ModelInfo;
import io.spinemet.efficacy.scoring.Prediction;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Response serialization tuned for the prediction path, which is mostly JSON writing: Blackbird's generated
 * accessors instead of reflection, and the values that recur across responses written once and then reused as raw
 * JSON: a model's description, the warnings, and each factor's contribution (a factor takes only a few values, so
 * its value, coefficient, odds ratio and contribution recur).
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
        ObjectMapper plain = mapper.copy();
        mapper.registerModule(new SimpleModule("spinemet-constant-values")
                .addSerializer(ModelInfo.class, new Memoized<>(plain))
                .addSerializer(Prediction.Warning.class, new Memoized<>(plain))
                .addSerializer(Prediction.Contribution.class, new Memoized<>(plain)));
    }

    /**
     * Writes immutable values that recur across responses as raw JSON computed once per distinct value (two models, a
     * handful of warnings, a few values per factor); the cache stops growing past {@link #LIMIT} values, after which
     * new values are simply written as usual.
     */
    static final class Memoized<T> extends JsonSerializer<T> {
        private static final int LIMIT = 1024;
        private final ObjectMapper plain;
        private final Map<T, String> json = new ConcurrentHashMap<>();

        Memoized(ObjectMapper plain) {
            this.plain = plain;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String cached = json.get(value);
            if (cached == null) {
                cached = plain.writeValueAsString(value);
                if (json.size() < LIMIT) {
                    json.put(value, cached);
                }
            }
            gen.writeRawValue(cached);
        }
    }
}
