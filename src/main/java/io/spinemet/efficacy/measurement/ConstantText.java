package io.spinemet.efficacy.measurement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a string that is almost always one of a few constants (a rule, a cut-off, a citation, a band) from JSON
 * bytes encoded once, instead of escaping it character by character on every response: a prediction from
 * measurements carries several kilobytes of such text, and escaping it was the largest cost of the answer. At most
 * {@link #CAPACITY} distinct strings are kept; any other string is written as usual.
 */
public final class ConstantText extends JsonSerializer<String> {

    public static final int CAPACITY = 4096;

    private static final Map<String, SerializedString> ENCODED = new ConcurrentHashMap<>();

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(encoded(value));
    }

    /** {@code value} with its JSON encoding, kept after the first use (up to {@link #CAPACITY} strings). */
    public static SerializableString encoded(String value) {
        SerializedString encoded = ENCODED.get(value);
        if (encoded == null) {
            encoded = new SerializedString(value);
            if (ENCODED.size() < CAPACITY) {
                ENCODED.putIfAbsent(value, encoded);
            }
        }
        return encoded;
    }
}
