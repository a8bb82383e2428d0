package io.spinemet.efficacy.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue against the training-pipeline issue's table (typed from the issue, not from the code). */
class FactorCatalogueTest {

    @Test
    void idsAndTypesAreThoseOfTheIssue() {
        assertEquals(List.of("malnutrition", "poorPerformanceStatus", "leukopenia", "primaryTumorGrowth",
                "targetedTherapy", "metastasisDuringChemotherapy", "primaryRadicallyResected", "vertebraeInvolved",
                "extraspinalBoneMetastasis", "visceralMetastasis", "postoperativeRadiotherapy", "frankelGrade"),
                FactorCatalogue.ids());
        assertEquals(FactorType.CATEGORICAL, FactorCatalogue.get("primaryTumorGrowth").type());
        assertEquals(List.of("SLOW", "MODERATE", "RAPID"), FactorCatalogue.get("primaryTumorGrowth").levels());
        assertEquals("SLOW", FactorCatalogue.get("primaryTumorGrowth").referenceLevel());
        assertEquals(FactorType.INTEGER, FactorCatalogue.get("vertebraeInvolved").type());
        assertEquals(1, FactorCatalogue.get("vertebraeInvolved").minimum());
        assertEquals(List.of("A", "B", "C", "D", "E"), FactorCatalogue.get("frankelGrade").levels());
        assertEquals(9, FactorCatalogue.FACTORS.stream().filter(f -> f.type() == FactorType.BOOLEAN).count());
    }

    @Test
    void termsFollowTheNamingRules() {
        assertEquals(List.of("primaryTumorGrowth=MODERATE", "primaryTumorGrowth=RAPID"),
                FactorCatalogue.get("primaryTumorGrowth").terms().stream().map(Term::name).toList());
        Term frankel = FactorCatalogue.get("frankelGrade").terms().get(0);
        assertEquals(1, FactorCatalogue.get("frankelGrade").terms().size(), "Frankel enters as one binary term");
        assertEquals(1.0, frankel.encode("C"));
        assertEquals(0.0, frankel.encode("D"));
        assertEquals(3.0, FactorCatalogue.get("vertebraeInvolved").terms().get(0).encode(3));
    }

    @Test
    void frankelGradeIsForDecompressionOnly() {
        assertFalse(FactorCatalogue.get("frankelGrade").usedIn(Procedure.PVP));
        assertEquals(11, FactorCatalogue.candidates(Procedure.PVP).size());
        assertEquals(12, FactorCatalogue.candidates(Procedure.DECOMPRESSION).size());
    }

    @Test
    void modifiableFactorsAreNutritionRadiotherapyAndTargetedTherapy() {
        assertEquals(Set.of("malnutrition", "postoperativeRadiotherapy", "targetedTherapy"),
                Set.copyOf(FactorCatalogue.FACTORS.stream().filter(Factor::modifiable).map(Factor::id).toList()));
        assertEquals(Modifiability.BEFORE_SURGERY, FactorCatalogue.get("malnutrition").modifiability());
        assertEquals(false, FactorCatalogue.get("malnutrition").favourableValue());
        assertEquals(true, FactorCatalogue.get("postoperativeRadiotherapy").favourableValue());
        assertEquals(true, FactorCatalogue.get("targetedTherapy").favourableValue());
    }

    @Test
    void defaultPredictorsAreTheStudysIndependentFactors() {
        List<String> pvp = List.of("malnutrition", "poorPerformanceStatus", "targetedTherapy",
                "metastasisDuringChemotherapy", "postoperativeRadiotherapy");
        assertEquals(Set.copyOf(pvp), Set.copyOf(FactorCatalogue.studyPredictors(Procedure.PVP).stream()
                .map(Factor::id).toList()));
        assertEquals(6, FactorCatalogue.studyPredictors(Procedure.DECOMPRESSION).size());
        assertTrue(FactorCatalogue.studyPredictors(Procedure.DECOMPRESSION).contains(
                FactorCatalogue.get("frankelGrade")));
    }

    @Test
    void valuesAreCheckedWithoutCoercion() {
        Factor malnutrition = FactorCatalogue.get("malnutrition");
        assertTrue(malnutrition.problemWith(Boolean.TRUE).isEmpty());
        assertFalse(malnutrition.problemWith("true").isEmpty());
        assertFalse(malnutrition.problemWith(1).isEmpty());
        assertFalse(FactorCatalogue.get("vertebraeInvolved").problemWith(0).isEmpty());
        assertFalse(FactorCatalogue.get("primaryTumorGrowth").problemWith("slow").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> malnutrition.parseCsv("yes"));
        assertEquals(Boolean.FALSE, malnutrition.parseCsv("0"));
    }

    @Test
    void readmeFactorTableIsTheCatalogues() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(CatalogueDocs.markdownTable()),
                "README.md's factor table differs from the catalogue; paste CatalogueDocs.markdownTable():\n"
                        + CatalogueDocs.markdownTable());
    }
}
