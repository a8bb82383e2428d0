package io.spinemet.efficacy.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The card's percentages: whole numbers, rounded half up, as a clinician reads them. */
class CardBuilderPctTest {

    @Test
    void probabilitiesAreWholePercentagesRoundedHalfUp() {
        assertEquals("0%", CardBuilder.pct(0.0));
        assertEquals("100%", CardBuilder.pct(1.0));
        assertEquals("74%", CardBuilder.pct(0.7412));
        assertEquals("13%", CardBuilder.pct(0.125));   // 12.5 -> 13
        assertEquals("0%", CardBuilder.pct(0.0049));
        assertEquals("1%", CardBuilder.pct(0.005));    // 0.5 -> 1
        assertEquals("99%", CardBuilder.pct(0.9949));
    }

    @Test
    void whatIsNotAProbabilityIsAnErrorNotAPercentage() {
        for (double bad : new double[] {Double.NaN, -0.01, 1.01, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalStateException.class, () -> CardBuilder.pct(bad), String.valueOf(bad));
        }
    }
}
