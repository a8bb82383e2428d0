package io.spinemet.efficacy.training;

import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.modelfile.ModelFile;
import java.util.List;

/**
 * What to train.
 *
 * @param procedure  the procedure's patients and candidate factors
 * @param predictors the multivariable predictors, in order
 * @param method     the served estimator
 * @param bootstrap  Harrell bootstrap replicates
 * @param seed       seed of the bootstrap's resampling
 * @param command    the command line that reproduces the model, recorded in the file (no directories)
 * @param study      what the trainer stated about the cohort (site, period, description); parts may be null
 */
public record TrainingOptions(Procedure procedure, List<Factor> predictors, Method method, int bootstrap, long seed,
                              String command, ModelFile.StudyMetadata study) {

    /** Options without stated metadata. */
    public TrainingOptions(Procedure procedure, List<Factor> predictors, Method method, int bootstrap, long seed,
                           String command) {
        this(procedure, predictors, method, bootstrap, seed, command, new ModelFile.StudyMetadata(null, null, null));
    }

    public static final int DEFAULT_BOOTSTRAP = 1000;
    public static final long DEFAULT_SEED = 20170501L;

    public TrainingOptions {
        predictors = List.copyOf(predictors);
    }
}
