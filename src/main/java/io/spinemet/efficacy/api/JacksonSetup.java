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
 * accessors instead of reflection, and the few values that are the same in every response (a model's description,
 * the warnings) written once and then reused as raw JSON.
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
        ObjectMapper plain = mapper.copy();
        mapper.registerModule(new SimpleModule("spinemet-constant-values")
                .addSerializer(ModelInfo.class, new Memoized<>(plain))
                .addSerializer(Prediction.Warning.class, new Memoized<>(plain)));
    }

    /**
     * Writes immutable values that recur in every response as raw JSON computed once per distinct value (there are
     * two models and a handful of warnings; the cache stops growing past {@link #LIMIT} values).
     */
    static final class Memoized<T> extends JsonSerializer<T> {
        private static final int LIMIT = 64;
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
