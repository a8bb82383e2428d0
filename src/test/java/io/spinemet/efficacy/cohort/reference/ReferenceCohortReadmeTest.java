package io.spinemet.efficacy.cohort.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.Sha256;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code models/cohort/README.md} quotes the generated cohort's figures; keep the two in step. */
class ReferenceCohortReadmeTest {

    @Test
    void readmeQuotesTheGeneratedTablesTheSeedAndTheChecksum() throws Exception {
        String readme = Files.readString(ReferenceCohortFiles.README);
        ReferenceCohort cohort = ReferenceCohort.instance();
        for (String table : cohort.summaryMarkdown().split("\n\n")) {
            assertTrue(readme.contains(table.strip()),
                    "README.md must contain each table of ReferenceCohort.summaryMarkdown() verbatim; paste the "
                            + "current output:\n" + table);
        }
        assertTrue(readme.contains(Sha256.hex(Files.readAllBytes(ReferenceCohortFiles.CSV))),
                "README.md must give the CSV's SHA-256");
        assertTrue(readme.contains(String.valueOf(ReferenceCohort.SEED)), "README.md must give the seed");
        assertTrue(readme.contains("NOT real patients"), "README.md must say plainly these are not real patients");
    }
}
