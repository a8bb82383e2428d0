package io.spinemet.efficacy.scoring;

import io.spinemet.efficacy.catalogue.Modifiability;
import io.spinemet.efficacy.catalogue.Procedure;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One patient's prediction under one procedure's model.
 *
 * @param procedure          the operation
 * @param probability        probability of good efficacy (relief lasting more than 3 months)
 * @param confidenceInterval 95% Wald interval on the logit scale, transformed back
 * @param baselineRate       the training cohort's rate of good efficacy
 * @param linearPredictor    the log-odds x'β: the intercept plus every contribution
 * @param intercept          the model's intercept (log-odds of a patient with every term at 0)
 * @param contributions      per model factor: value, coefficients, odds ratios and log-odds contributions
 * @param modifiableFactors  modifiable model factors not at their favourable value, with the prediction if changed
 * @param inputsUsed         factor ids the model used
 * @param inputsIgnored      valid catalogue factors given but not used by this model
 * @param model              the model that made it
 * @param warnings           what limits how far the number can be trusted
 */
@Schema(description = "A prediction of good efficacy (symptom relief lasting more than 3 months) for one patient "
        + "under one procedure, with its uncertainty and its basis.")
public record Prediction(
        Procedure procedure,
        @Schema(description = "Probability of good efficacy.", minimum = "0", maximum = "1", examples = "0.8176")
        double probability,
        ConfidenceInterval confidenceInterval,
        @Schema(description = "Rate of good efficacy in the training cohort (events / n).", minimum = "0",
                maximum = "1", examples = "0.6765")
        double baselineRate,
        @Schema(description = "The log-odds x'β: intercept plus the sum of the contributions.", examples = "1.5")
        double linearPredictor,
        @Schema(description = "The model's intercept on the log-odds scale.", examples = "1.0") double intercept,
        List<Contribution> contributions,
        List<ModifiableFactor> modifiableFactors,
        @Schema(description = "Factor ids the model used.") List<String> inputsUsed,
        @Schema(description = "Valid catalogue factors that were given but that this model does not use.")
        List<String> inputsIgnored,
        ModelInfo model,
        List<Warning> warnings) {

    /**
     * A confidence interval for a probability.
     *
     * @param level coverage, 0.95
     * @param lower lower bound
     * @param upper upper bound
     */
    @Schema(description = "95% confidence interval: Wald on the logit scale, expit(x'β ∓ 1.959964·sqrt(x'Σx)), "
            + "with Σ the model's covariance matrix.")
    public record ConfidenceInterval(@Schema(examples = "0.95") double level,
                                     @Schema(minimum = "0", maximum = "1", examples = "0.61") double lower,
                                     @Schema(minimum = "0", maximum = "1", examples = "0.93") double upper) {
    }

    /**
     * What one factor adds to the log-odds.
     *
     * @param factor the factor id
     * @param label  its label
     * @param value  the patient's value
     * @param terms  the design terms it gives
     */
    @Schema(description = "One model factor: the patient's value and what it adds to the log-odds.")
    public record Contribution(@Schema(examples = "malnutrition") String factor,
                               @Schema(examples = "Preoperative malnutrition") String label,
                               @Schema(description = "The patient's value: boolean, integer or level.",
                                       examples = "true") Object value,
                               List<TermContribution> terms) {
    }

    /**
     * One design term.
     *
     * @param term         term name as in the model file
     * @param x            the term's value in the design row
     * @param coefficient  its coefficient (log-odds)
     * @param oddsRatio    exp(coefficient)
     * @param contribution coefficient · x, added to the log-odds
     */
    @Schema(description = "One design term of a factor.")
    public record TermContribution(@Schema(examples = "malnutrition") String term,
                                   @Schema(description = "The term's value in the design row.", examples = "1") double x,
                                   @Schema(description = "Coefficient (log-odds).", examples = "-1.0")
                                   double coefficient,
                                   @Schema(description = "exp(coefficient).", examples = "0.3679") double oddsRatio,
                                   @Schema(description = "coefficient · x, added to the log-odds.", examples = "-1.0")
                                   double contribution) {
    }

    /**
     * The prediction if one modifiable factor were at its favourable value, everything else unchanged.
     *
     * @param factor             the factor id
     * @param label              its label
     * @param modifiability      when it can be changed
     * @param currentValue       the patient's value
     * @param favourableValue    the value that lowers the risk
     * @param probability        probability with the favourable value
     * @param confidenceInterval its 95% CI
     * @param interpretation     that the difference is an association, not a causal effect
     */
    @Schema(description = "The prediction if one modifiable factor were changed to its favourable value, everything "
            + "else unchanged. Associational, not a causal effect.")
    public record ModifiableFactor(@Schema(examples = "postoperativeRadiotherapy") String factor, String label,
                                   Modifiability modifiability,
                                   @Schema(examples = "false") Object currentValue,
                                   @Schema(examples = "true") Object favourableValue,
                                   @Schema(minimum = "0", maximum = "1", examples = "0.9") double probability,
                                   ConfidenceInterval confidenceInterval,
                                   @Schema(description = "How to read the what-if: an association, not an effect.")
                                   String interpretation) {

        /** What every what-if estimate is. */
        public static final String ASSOCIATION = "An association in observational data, not a causal effect: "
                + "patients who had the favourable value differed in other ways, so changing the factor need not "
                + "change this patient's outcome by this much.";
    }

    /**
     * Something that limits how far the prediction can be trusted.
     *
     * @param code    stable machine-readable code
     * @param message plain-language explanation
     */
    @Schema(description = "Something that limits how far the prediction can be trusted.")
    public record Warning(
            @Schema(enumeration = {"RECONSTRUCTED_COHORT", "UNSEEN_COMBINATION", "UNINFORMATIVE_INTERVAL",
                    "SEPARATION", "LOW_EVENTS_PER_VARIABLE"}) String code,
            String message) {
    }
}
