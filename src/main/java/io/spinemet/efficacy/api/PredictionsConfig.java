package io.spinemet.efficacy.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Settings of the prediction endpoints; Hibernate Validator checks them at start-up, which fails on a bad value. */
@ConfigMapping(prefix = "spinemet.predictions")
public interface PredictionsConfig {

    /**
     * {@code spinemet.predictions.memo-size}: most distinct inputs whose single-prediction JSON is kept, about 3 kB
     * each ({@link RenderedPredictions}); 0 turns the memo off.
     */
    @WithDefault("1024")
    @Min(0)
    @Max(100_000)
    int memoSize();
}
