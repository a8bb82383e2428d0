package io.spinemet.efficacy.modelfile.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.spinemet.efficacy.modelfile.ModelFile;
import io.spinemet.efficacy.modelfile.ModelFileCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An infinite profile bound (flat profile) and a failed search are written and shown differently. */
class CardContentTest {

    private static ModelFile.Coefficient row(Double lower, Double upper, String lowerStatus, String upperStatus) {
        return new ModelFile.Coefficient("a", 1.0, 0.5, 2.72, lower, upper, 0.04,
                new ModelFile.ProfileSearch(lowerStatus, upperStatus, false));
    }

    @Test
    void infiniteAndFailedBoundsDiffer() {
        assertEquals("1.50 to ∞ (flat profile)", CardContent.ci(row(1.5, null, "found", "infinite")));
        assertEquals("1.50 to search failed", CardContent.ci(row(1.5, null, "found", "failed")));
        assertEquals("0 (flat profile) to 4.00", CardContent.ci(row(null, 4.0, "infinite", "found")));
        // a Wald row without a profile search: a missing bound is just not available
        assertEquals("n/a to 4.00", CardContent.ci(new ModelFile.Coefficient("a", 1.0, 0.5, 2.72, null, 4.0, 0.04)));
    }

    /** The file format lets a model leave out the alternative fit (the test fixtures do): the card says so. */
    @Test
    void aModelWithoutAnAlternativeFitHasACard() throws Exception {
        ModelFile m = ModelFileCodec.read("pvp.json",
                Files.readAllBytes(Path.of("src/test/resources/fixture-models/pvp.json")));
        assertNull(m.alternativeFit());
        CardView card = CardContent.of(m, "0".repeat(64));
        CardView.Section alt = card.sections().stream().filter(s -> s.id().equals("alternative-fit")).findFirst()
                .orElseThrow();
        assertEquals(List.of(CardContent.NO_ALTERNATIVE_FIT), alt.paragraphs());
        assertEquals(List.of(), alt.tables());
    }
}
