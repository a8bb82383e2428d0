package io.spinemet.efficacy.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the FHIR resources say about a patient, as typed findings with their resource references: the newest usable
 * Observation per measurement, the cancer conditions, the anticancer medications and the radiotherapy. Nothing here
 * is a study factor yet; {@code MeasurementMapping} and the measurement layer derive those.
 *
 * @param patient      {@code Patient/id} when a Patient resource was read, else {@code null}
 * @param observations per measurement id, the selected Observation value (newest within the look-back window)
 * @param conditions   cancer conditions, each with its kind
 * @param medications  anticancer medication uses, each with its agent codes and date
 * @param radiotherapy radiotherapy done (Procedure) or planned (ServiceRequest)
 * @param skipped      matching resources that were not used, with the reason
 */
public record Findings(String patient, Map<String, Reading> observations, List<ConditionFinding> conditions,
                       List<MedicationUse> medications, List<RadiotherapyFinding> radiotherapy,
                       List<Skipped> skipped) {

    public Findings {
        observations = Map.copyOf(observations);
        conditions = List.copyOf(conditions);
        medications = List.copyOf(medications);
        radiotherapy = List.copyOf(radiotherapy);
        skipped = List.copyOf(skipped);
    }

    public Optional<Reading> observation(String measurement) {
        return Optional.ofNullable(observations.get(measurement));
    }

    public List<ConditionFinding> conditions(ConditionKind kind) {
        return conditions.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Whether a spinal-metastasis condition is on record: what patient-view requires before it shows anything. */
    public boolean hasSpinalMetastasis() {
        return !conditions(ConditionKind.SPINAL_METASTASIS).isEmpty();
    }

    /** The kinds of cancer condition the service reads. */
    public enum ConditionKind {
        SPINAL_METASTASIS, VISCERAL_METASTASIS, PRIMARY_CANCER
    }

    /**
     * A cancer condition.
     *
     * @param kind      what it is
     * @param system    the matching code's system
     * @param code      the matching code
     * @param reference {@code Condition/id}
     * @param onset     onset (or recorded) date, or {@code null}
     */
    public record ConditionFinding(ConditionKind kind, String system, String code, String reference,
                                   LocalDate onset) {
    }

    /**
     * One anticancer medication order or administration.
     *
     * @param atc           the agent's ATC codes: as coded, or else translated from its RxNorm codes by the
     *                      measurement catalogue's table ({@code RxNormAgents}); empty when neither gives one
     * @param rxnorm        the agent's RxNorm codes
     * @param administered  true for a MedicationAdministration, false for a MedicationRequest
     * @param date          administration date, or the request's authored date
     * @param reference     {@code MedicationAdministration/id} or {@code MedicationRequest/id}
     * @param display       the medication's text as the EHR gave it (a coding's display or the concept's text), or
     *                      {@code null}; free text from the EHR, to be escaped wherever it is shown
     * @param atcFromRxNorm whether {@code atc} was translated from RxNorm rather than coded
     */
    public record MedicationUse(List<String> atc, List<String> rxnorm, boolean administered, LocalDate date,
                                String reference, String display, boolean atcFromRxNorm) {
        public MedicationUse {
            atc = List.copyOf(atc);
            rxnorm = List.copyOf(rxnorm);
        }

        /** A use whose ATC codes were coded (or are absent), without display text. */
        public MedicationUse(List<String> atc, List<String> rxnorm, boolean administered, LocalDate date,
                             String reference) {
            this(atc, rxnorm, administered, date, reference, null, false);
        }
    }

    /**
     * A radiotherapy course.
     *
     * @param planned   true for a ServiceRequest (ordered or planned), false for a Procedure (done or in progress)
     * @param date      performed or authored date, or {@code null}
     * @param reference {@code Procedure/id} or {@code ServiceRequest/id}
     */
    public record RadiotherapyFinding(boolean planned, LocalDate date, String reference) {
    }
}
