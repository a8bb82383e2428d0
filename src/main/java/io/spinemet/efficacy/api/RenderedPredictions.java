package io.spinemet.efficacy.api;

import io.spinemet.efficacy.scoring.LoadedModel;
import io.spinemet.efficacy.scoring.Prediction;
import io.spinemet.efficacy.scoring.Scorer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JSON of single predictions, memoized. A prediction is a pure function of the model and the patient's validated
 * factor values: nothing in it depends on the request, the caller or the time. The models take few distinct inputs
 * (the bundled PVP model uses five booleans), so most requests repeat an earlier answer, and rendering one (scoring
 * and, above all, writing about 3 kB of JSON) costs more than the HTTP exchange around it.
 *
 * <p>Bounded: once about {@code capacity} distinct inputs are held (concurrent first requests may add a few more),
 * further ones are rendered afresh on every request and nothing is evicted. A capacity of 0 turns the memo off. The memo holds factor values in memory only; they are never
 * logged.
 */
final class RenderedPredictions {

    /**
     * The model (by identity), the values of the factors it uses and the names of the others: all a prediction
     * depends on (an ignored factor appears only by name in {@code inputsIgnored}). Keying ignored factors by name
     * keeps requests from measurements, which derive factors the model does not use, on the memo. The entries are
     * id, value, id, value... in the order of the values (catalogue order, as the request readers build them): a flat
     * array hashes and compares faster than a map, and the same values in another order would only make a second
     * key, never a wrong answer.
     */
    private record Input(LoadedModel model, Object[] entries, int hash) {

        private static final Object IGNORED = new Object();

        static Input of(LoadedModel model, Map<String, Object> values) {
            Object[] entries = new Object[values.size() * 2];
            int i = 0;
            for (Map.Entry<String, Object> e : values.entrySet()) {
                entries[i++] = e.getKey();
                entries[i++] = model.uses(e.getKey()) ? e.getValue() : IGNORED;
            }
            return new Input(model, entries, 31 * System.identityHashCode(model) + Arrays.hashCode(entries));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Input other && other.model == model && Arrays.equals(other.entries, entries);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final int capacity;
    private final Function<Prediction, byte[]> writer;
    private final Map<Input, byte[]> rendered = new ConcurrentHashMap<>();

    /**
     * @param capacity most distinct inputs held
     * @param writer   writes a prediction as the JSON response body
     */
    RenderedPredictions(int capacity, Function<Prediction, byte[]> writer) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        this.writer = writer;
    }

    /** The JSON of {@code Scorer.predict(model, values)}; the caller must not modify the array. */
    byte[] render(LoadedModel model, Map<String, Object> values) {
        Input input = Input.of(model, values);
        byte[] json = rendered.get(input);
        if (json == null) {
            json = writer.apply(Scorer.predict(model, values));
            if (rendered.size() < capacity) {
                rendered.putIfAbsent(input, json);
            }
        }
        return json;
    }

    /** Distinct inputs held. */
    int size() {
        return rendered.size();
    }
}
