package io.spinemet.efficacy.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.Procedure;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortCsvReaderTest {

    private static final String HEADER = "patientId,procedure,malnutrition,poorPerformanceStatus,leukopenia,"
            + "primaryTumorGrowth,targetedTherapy,metastasisDuringChemotherapy,primaryRadicallyResected,"
            + "vertebraeInvolved,extraspinalBoneMetastasis,visceralMetastasis,postoperativeRadiotherapy,frankelGrade,"
            + "reliefMonths,survivalMonths,goodEfficacy\n";
    private static final String PVP_ROW = "P1,PVP,1,0,0,RAPID,0,0,0,2,1,0,0,,1.1,4.4,0\n";
    private static final String DEC_ROW = "D1,DECOMPRESSION,0,0,1,SLOW,true,false,0,1,0,0,1,D,6.0,14.0,1\n";

    private static Cohort read(String csv) throws CohortException {
        return CohortCsvReader.read("test.csv", csv.getBytes(StandardCharsets.UTF_8), CohortCsvReader.Mode.TRAINING);
    }

    private static List<CohortProblem> problems(String csv) {
        return assertThrows(CohortException.class, () -> read(csv)).problems();
    }

    @Test
    void readsTheRFixtureCohort() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/reference/cohort-a.csv")) {
            bytes = in.readAllBytes();
        }
        Cohort cohort = CohortCsvReader.read("cohort-a.csv", bytes, CohortCsvReader.Mode.TRAINING);
        // README of the fixtures: 80 PVP patients, 40 good outcomes.
        assertEquals(80, cohort.of(Procedure.PVP).size());
        assertEquals(40, cohort.patients().stream().mapToInt(Patient::goodEfficacy).sum());
        assertEquals(64, cohort.sha256().length());
    }

    @Test
    void typesValuesByTheCatalogue() throws Exception {
        Patient pvp = read(HEADER + PVP_ROW + DEC_ROW).patients().get(0);
        assertEquals(Boolean.TRUE, pvp.factors().get("malnutrition"));
        assertEquals("RAPID", pvp.factors().get("primaryTumorGrowth"));
        assertEquals(2, pvp.factors().get("vertebraeInvolved"));
        assertFalse(pvp.factors().containsKey("frankelGrade"), "PVP patients have no Frankel grade");
        Patient dec = read(HEADER + PVP_ROW + DEC_ROW).patients().get(1);
        assertEquals(Boolean.TRUE, dec.factors().get("targetedTherapy"), "true/false is accepted for booleans");
        assertEquals("D", dec.factors().get("frankelGrade"));
    }

    @Test
    void reportsEveryProblemWithLineColumnAndValue() {
        String csv = HEADER
                + "P1,PVP,2,0,0,FAST,0,0,0,0,1,0,0,,1.1,4.4,0\n"      // line 2: three bad values
                + "P1,PVP,1,0,0,SLOW,0,0,0,1,1,0,0,,5.0,4.0,0\n"      // line 3: duplicate id, relief > survival, disagreement
                + "D1,DECOMPRESSION,0,0,0,SLOW,0,0,0,1,0,0,0,,6.0,9.0,1\n" // line 4: missing Frankel
                + "P2,PVP,0,0,0,SLOW,0,0,0,1,0,0,0,C,6.0,9.0,1\n"     // line 5: Frankel on a PVP row
                + "P3,SURGERY,0,0,0,SLOW,0,0,0,1,0,0,0,,6.0,9.0,1\n"  // line 6: unknown procedure
                + "P4,PVP,0,0\n";                                      // line 7: short row
        List<CohortProblem> problems = problems(csv);
        assertProblem(problems, 2, "malnutrition", "2");
        assertProblem(problems, 2, "primaryTumorGrowth", "FAST");
        assertProblem(problems, 2, "vertebraeInvolved", "0");
        assertProblem(problems, 3, "patientId", "P1");
        assertProblem(problems, 3, "reliefMonths", "5.0");
        assertProblem(problems, 3, "goodEfficacy", "0");
        assertProblem(problems, 4, "frankelGrade", "");
        assertProblem(problems, 5, "frankelGrade", "C");
        assertProblem(problems, 6, "procedure", "SURGERY");
        assertTrue(problems.stream().anyMatch(p -> p.line() == 7 && p.column() == null), problems.toString());
        assertEquals(10, problems.size(), problems.toString());
    }

    /** A row with an unknown procedure still has its other bad values reported, every one of them. */
    @Test
    void reportsEveryProblemOnARowWithAnUnknownProcedure() {
        String csv = HEADER + "P9,SURGERY,maybe,0,0,FAST,0,0,0,0,1,0,0,,-1,4.4,2\n";
        List<CohortProblem> problems = problems(csv);
        assertProblem(problems, 2, "procedure", "SURGERY");
        assertProblem(problems, 2, "malnutrition", "maybe");
        assertProblem(problems, 2, "primaryTumorGrowth", "FAST");
        assertProblem(problems, 2, "vertebraeInvolved", "0");
        assertProblem(problems, 2, "reliefMonths", "-1");
        assertProblem(problems, 2, "goodEfficacy", "2");
        assertEquals(6, problems.size(), problems.toString());
    }

    /** Procedure names are case-insensitive, as on the command line and in the API. */
    @Test
    void procedureNamesAreCaseInsensitive() throws Exception {
        String csv = HEADER + "P1,pvp,0,0,0,SLOW,0,0,0,1,0,0,0,,6.0,9.0,1\n"
                + "D1,Decompression,0,0,0,SLOW,0,0,0,1,0,0,0,C,6.0,9.0,1\n";
        Cohort c = read(csv);
        assertEquals(Procedure.PVP, c.patients().get(0).procedure());
        assertEquals(Procedure.DECOMPRESSION, c.patients().get(1).procedure());
    }

    @Test
    void rejectsUnknownAndMissingColumns() {
        String header = HEADER.replace("leukopenia,", "leucopenia,").replace(",goodEfficacy", "");
        List<CohortProblem> problems = problems(header + "x\n");
        assertProblem(problems, 1, "leucopenia", "leucopenia");
        assertTrue(problems.stream().anyMatch(p -> "leukopenia".equals(p.column())
                && p.message().contains("missing column")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> "goodEfficacy".equals(p.column())
                && p.message().contains("missing column")), problems.toString());
    }

    @Test
    void goodEfficacyMeansReliefOfMoreThanThreeMonths() {
        assertProblem(problems(HEADER + "P1,PVP,0,0,0,SLOW,0,0,0,1,0,0,0,,3.0,9.0,1\n"), 2, "goodEfficacy", "1");
    }

    @Test
    void missingOutcomeIsAProblemForTrainingButNotForScoring() throws Exception {
        String csv = HEADER + "P1,PVP,0,0,0,SLOW,0,0,0,1,0,0,0,,,,\n";
        assertProblem(problems(csv), 2, "goodEfficacy", "");
        Cohort scored = CohortCsvReader.read("b.csv", csv.getBytes(StandardCharsets.UTF_8),
                CohortCsvReader.Mode.SCORING);
        assertEquals(null, scored.patients().get(0).goodEfficacy());
    }

    @Test
    void rejectsAnEmptyFileAndBinaryGarbage() {
        assertFalse(problems(HEADER).isEmpty());
        assertFalse(problems("").isEmpty());
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};
        assertThrows(CohortException.class, () -> CohortCsvReader.read("g.csv", garbage,
                CohortCsvReader.Mode.TRAINING));
    }

    @Test
    void writerRoundTripsThroughTheReader() throws Exception {
        Cohort cohort = read(HEADER + PVP_ROW + DEC_ROW);
        StringBuilder out = new StringBuilder();
        CohortCsvWriter.write(cohort.patients(), out);
        assertEquals(HEADER + PVP_ROW + DEC_ROW.replace("true,false", "1,0"), out.toString());
    }

    private static void assertProblem(List<CohortProblem> problems, long line, String column, String value) {
        assertTrue(problems.stream().anyMatch(p -> p.line() == line && column.equals(p.column())
                        && value.equals(p.value())),
                () -> "expected a problem at line " + line + " column " + column + " value '" + value + "' in "
                        + problems);
    }
}
