package io.spinemet.efficacy.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinemet.efficacy.cohort.Cohort;
import io.spinemet.efficacy.cohort.CohortCsvReader;
import io.spinemet.efficacy.cohort.CohortException;
import io.spinemet.efficacy.cohort.CohortProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cohort CSV with measurement columns in place of factor columns trains the same model as the factor CSV it
 * encodes, and the card says which rule produced each factor. The raw values sit exactly on the cut-offs' edges
 * (albumin 3.5 g/dL is not malnutrition, 3.4 is; KPS 40 is poor, 50 is not), so a rule off by one would change the
 * fit.
 */
class TrainFromMeasurementsTest {

    private static final Path REFERENCE = Path.of("models/cohort/reference-cohort.csv");

    @TempDir
    Path dir;

    /** The reference cohort with some factor columns replaced by measurement columns. */
    private static String encode(Map<String, Map.Entry<String, Function<String, String>>> replace) throws Exception {
        List<String> lines = Files.readAllLines(REFERENCE, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        StringBuilder out = new StringBuilder();
        List<String> newHeader = new ArrayList<>();
        for (String h : header) {
            newHeader.add(replace.containsKey(h) ? replace.get(h).getKey() : h);
        }
        out.append(String.join(",", newHeader)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            List<String> row = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                var r = replace.get(header.get(i));
                row.add(r == null ? cells[i] : r.getValue().apply(cells[i]));
            }
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    private static final Map<String, Map.Entry<String, Function<String, String>>> RAW = Map.of(
            "malnutrition", Map.entry("serumAlbumin_g_dL", v -> v.equals("1") ? "3.4" : "3.5"),
            "poorPerformanceStatus", Map.entry("karnofskyPerformanceStatus", v -> v.equals("1") ? "40" : "50"),
            // erlotinib (EGFR TKI) against pembrolizumab + tamoxifen (immunotherapy and endocrine: not targeted)
            "targetedTherapy", Map.entry("anticancerDrugs", v -> v.equals("1") ? "L01EB02" : "L01FF02;L02BA01"));

    @Test
    void measurementColumnsTrainTheSameModelAndTheCardNamesTheRules() throws Exception {
        Path raw = dir.resolve("raw-cohort.csv");
        Files.writeString(raw, encode(RAW));
        Path fromFactors = Files.createDirectory(dir.resolve("factors"));
        Path fromRaw = Files.createDirectory(dir.resolve("raw"));
        String[] common = {"--procedure", "PVP", "--bootstrap", "20", "--seed", "7"};
        assertEquals(0, TrainCommand.run(concat(new String[] {"--cohort", REFERENCE.toString(), "--out",
                fromFactors.toString()}, common)));
        assertEquals(0, TrainCommand.run(concat(new String[] {"--cohort", raw.toString(), "--out",
                fromRaw.toString()}, common)));
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(fromFactors.resolve("pvp.json").toFile());
        JsonNode b = json.readTree(fromRaw.resolve("pvp.json").toFile());
        assertEquals(a.get("coefficients"), b.get("coefficients"));
        assertEquals(a.get("covariance"), b.get("covariance"));
        assertEquals(a.get("cohort").get("prevalence"), b.get("cohort").get("prevalence"));
        String provenance = b.get("cohort").get("provenance").textValue();
        assertTrue(provenance.contains("malnutrition <- serumAlbumin: malnutrition is true when serum albumin < 35 g/L"),
                provenance);
        assertTrue(provenance.contains("poorPerformanceStatus <- karnofskyPerformanceStatus"), provenance);
        assertTrue(provenance.contains("targetedTherapy <- anticancerDrugs"), provenance);
        assertTrue(!a.get("cohort").get("provenance").textValue().contains("<-"));
        String card = Files.readString(fromRaw.resolve("pvp.md"));
        assertTrue(card.contains("malnutrition <- serumAlbumin"), "the model card records the rule");
    }

    @Test
    void aFactorCellContradictingItsMeasurementIsAProblemNamingTheCell() {
        String csv = "patientId,procedure,malnutrition,serumAlbumin_g_L,poorPerformanceStatus,leukopenia,"
                + "primaryTumorGrowth,targetedTherapy,metastasisDuringChemotherapy,primaryRadicallyResected,"
                + "vertebraeInvolved,extraspinalBoneMetastasis,visceralMetastasis,postoperativeRadiotherapy,"
                + "frankelGrade,reliefMonths,survivalMonths,goodEfficacy\n"
                + "P1,PVP,0,30,0,0,SLOW,0,0,0,1,0,0,0,,6,7,1\n"
                + "P2,PVP,,500,0,0,SLOW,0,0,0,1,0,0,0,,6,7,1\n"
                + "P3,PVP,,,0,0,SLOW,0,0,0,1,0,0,0,,6,7,1\n";
        CohortException e = assertThrows(CohortException.class, () -> CohortCsvReader.read("c.csv",
                csv.getBytes(StandardCharsets.UTF_8), CohortCsvReader.Mode.TRAINING));
        List<String> where = e.problems().stream().map(p -> p.line() + ":" + p.column()).toList();
        assertEquals(List.of("2:malnutrition", "3:serumAlbumin_g_L", "3:malnutrition", "4:malnutrition"), where);
        CohortProblem conflict = e.problems().get(0);
        assertTrue(conflict.message().contains("contradicts"), conflict.message());
    }

    @Test
    void aCohortOfFactorColumnsRecordsNoDerivation() throws Exception {
        Cohort cohort = CohortCsvReader.read(REFERENCE);
        assertTrue(cohort.derivations().isEmpty());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
