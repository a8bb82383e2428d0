package io.spinemet.efficacy.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.FactorCatalogue;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.cohort.Cohort;
import io.spinemet.efficacy.cohort.CohortCsvReader;
import io.spinemet.efficacy.modelfile.ModelCard;
import io.spinemet.efficacy.modelfile.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A card retrained on a hospital's cohort says only what that cohort and its trainer support. */
class ModelCardTruthTest {
    private static String card;
    private static String stated;

    @BeforeAll
    static void train() throws Exception {
        Cohort cohort = CohortCsvReader.read(Path.of("src/test/resources/reference/cohort-a.csv"));
        TrainingOptions plain = new TrainingOptions(Procedure.PVP, FactorCatalogue.studyPredictors(Procedure.PVP),
                Method.FIRTH, 40, 1L, "train");
        ModelFile m = ModelTrainer.train(cohort, plain, b -> { });
        card = ModelCard.markdown(m, "0".repeat(64));
        Files.writeString(Path.of("target/cohort-a-card.md"), card);
        TrainingOptions withMetadata = new TrainingOptions(Procedure.PVP, FactorCatalogue.studyPredictors(
                Procedure.PVP), Method.FIRTH, 40, 1L, "train",
                new ModelFile.StudyMetadata("Example Hospital, Oslo", "2019-2023", "consecutive PVP patients"));
        stated = ModelCard.markdown(ModelTrainer.train(cohort, withMetadata, b -> { }), "0".repeat(64));
    }

    @Test
    void noHardCodedStudyFacts() {
        assertFalse(card.contains("Chinese"), card);
        assertFalse(card.contains("2017"), card);
        assertFalse(card.contains("December 2020"), card);
        assertFalse(card.contains("far below"), card);
        assertTrue(card.contains("- **Site:** not stated"), card);
        assertTrue(card.contains("- **Period:** not stated"), card);
        assertTrue(stated.contains("- **Site:** Example Hospital, Oslo"), stated);
        assertTrue(stated.contains("- **Period:** 2019-2023"), stated);
    }

    @Test
    void epvSentenceIsComputed() {
        // cohort-a: 80 patients, 40 events, 5 terms: EPV 8, below 10.
        assertTrue(card.contains("8.00 events per variable"), card);
        assertTrue(card.contains("below the common rule of thumb of 10-20"), card);
    }

    @Test
    void statesTheCalibrationAssumptionAndNoApparentSlope() {
        assertTrue(card.contains("| calibration slope | 1 (assumed) |"), card);
        assertTrue(card.contains("as rms::validate does even for penalized fits"), card);
    }

    @Test
    void tripodStatements() {
        assertTrue(card.contains("complete-case"), card);
        assertTrue(card.contains("postoperativeRadiotherapy is a treatment plan when the prediction is made"), card);
        assertTrue(card.contains("targetedTherapy is a treatment plan when the prediction is made"), card);
        assertTrue(card.contains("associations in observational data, not causal effects"), card);
        assertTrue(card.contains("AUC") && card.contains("(95% CI "), card);
        assertTrue(card.contains("Minimum sample size (Riley et al. 2019, 2020)"), card);
        assertTrue(card.contains("docs/study.md") && card.contains("docs/factors.md"), card);
    }
}
