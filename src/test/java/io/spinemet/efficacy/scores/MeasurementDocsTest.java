package io.spinemet.efficacy.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/measurements.md is exactly what {@link MeasurementDocs} renders from the catalogue and the score code.
 * Regenerate with {@code ./mvnw -B -ntp test -Dtest=MeasurementDocsTest -Dspinemet.docs.write=true}.
 */
class MeasurementDocsTest {

    private static final Path DOC = Path.of("docs/measurements.md");

    @Test
    void docsMatchTheCatalogue() throws Exception {
        String generated = MeasurementDocs.markdown();
        if (Boolean.getBoolean("spinemet.docs.write")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated);
        }
        assertEquals(generated, Files.readString(DOC), "docs/measurements.md is out of date: run "
                + "./mvnw -B -ntp test -Dtest=MeasurementDocsTest -Dspinemet.docs.write=true and commit it");
    }

    @Test
    void docsStateThePublishedTables() {
        String md = MeasurementDocs.markdown();
        // rows of the published Tokuhashi table (NICE CG75 appendix 3), as the generated docs must print them
        assertTrue(md.contains("| General condition (KPS) | poor (KPS 10-40) | 0 |"));
        assertTrue(md.contains("| Primary site of the cancer | THYROID, BREAST, PROSTATE, CARCINOID | 5 |"));
        assertTrue(md.contains("| Primary site of the cancer | RECTUM | 4 |"));
        assertTrue(md.contains("| Palsy | complete (Frankel A, B) | 0 |"));
        assertTrue(md.contains("| 12-15 | >= 1 year | Excisional surgery |"));
        // Tomita (Spine 2001)
        assertTrue(md.contains("| Primary tumour | rapid growth | 4 |"));
        assertTrue(md.contains("| Visceral metastases | untreatable | 4 |"));
        assertTrue(md.contains("| 8-10 | Terminal care | Supportive, non-operative care |"));
        assertTrue(md.contains("`serumAlbumin_g_dL`"));
    }
}
