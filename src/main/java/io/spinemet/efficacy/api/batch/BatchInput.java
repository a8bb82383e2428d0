package io.spinemet.efficacy.api.batch;

import io.spinemet.efficacy.api.problem.ErrorList;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.measurement.DerivedFactor;
import io.spinemet.efficacy.scores.Scores;
import java.util.List;
import java.util.Map;

/**
 * One patient of a batch after validation, from a JSON record or a CSV row alike: its values, or its errors.
 *
 * @param index     0-based position in the batch
 * @param line      CSV: the line the row starts on (the header is line 1); {@code null} for JSON
 * @param id        the patient's id, if given
 * @param procedure the procedure, or {@code null} when it was not valid
 * @param values    the valid catalogue factor values (Boolean, Integer or level String), in catalogue order
 * @param errors    every problem of this patient (capped); empty when it can be scored
 * @param derived   JSON: the factors derived from the patient's measurements; {@code null} for CSV
 * @param scores    JSON: the Tokuhashi and Tomita scores from the measurements, or {@code null} without them
 */
public record BatchInput(int index, Long line, String id, Procedure procedure, Map<String, Object> values,
                         ErrorList errors, List<DerivedFactor> derived, Scores scores) {
}
