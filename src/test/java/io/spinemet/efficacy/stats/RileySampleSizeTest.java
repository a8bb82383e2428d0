package io.spinemet.efficacy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Riley et al.'s criteria against their published worked example and a hand calculation. */
class RileySampleSizeTest {

    /**
     * Riley et al., BMJ 2020;368:m441, binary example (also pmsampsize's documentation): 24 parameters, prevalence
     * 0.174, R²cs 0.288 need 623 (shrinkage), 662 (optimism) and 221 (intercept) patients: 662 in all.
     */
    @Test
    void publishedExample() {
        RileySampleSize.Result r = RileySampleSize.of(24, 0.174, 0.288);
        assertEquals(623, r.shrinkage());
        assertEquals(662, r.optimism());
        assertEquals(221, r.intercept());
        assertEquals(662, r.required());
    }

    /** φ = 0.5: max R²cs = 1 − 0.25 = 0.75 (hand calculation); criterion 3 = 1536.6·0.25 → 385. */
    @Test
    void handCalculationAtHalf() {
        assertEquals(0.75, RileySampleSize.maxR2cs(0.5), 1e-15);
        RileySampleSize.Result r = RileySampleSize.conservative(5, 0.5);
        assertEquals(385, r.intercept());
        // R²cs = 0.1125: n1 = 5 / (0.1 ln(1/(1 - 0.125))) = 5 / (0.1 * 0.133531) = 374.4 -> 375
        assertEquals(375, r.shrinkage());
    }
}
