package io.spinemet.efficacy.api;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the prediction endpoints, checked when the service starts: a bad value stops start-up with a message
 * naming the property. (Hibernate Validator's config validation would do the same but adds about 0.9 s to start-up.)
 */
@Startup
@Singleton
public class PredictionSettings {

    static final String MEMO_SIZE = "spinemet.predictions.memo-size";
    static final int MAX_MEMO_SIZE = 100_000;

    private final int memoSize;

    /**
     * @param memoSize most distinct inputs whose single-prediction JSON is kept, about 3 kB each
     *                 ({@link RenderedPredictions}); 0 turns the memo off
     */
    public PredictionSettings(@ConfigProperty(name = MEMO_SIZE, defaultValue = "1024") int memoSize) {
        if (memoSize < 0 || memoSize > MAX_MEMO_SIZE) {
            throw new IllegalArgumentException(MEMO_SIZE + " must be from 0 to " + MAX_MEMO_SIZE + "; got "
                    + memoSize);
        }
        this.memoSize = memoSize;
    }

    int memoSize() {
        return memoSize;
    }
}
