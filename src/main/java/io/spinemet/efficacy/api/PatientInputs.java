package io.spinemet.efficacy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.catalogue.Factor;
import io.spinemet.efficacy.measurement.DerivedFactor;
import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.Measurement;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import io.spinemet.efficacy.measurement.MeasurementJson;
import io.spinemet.efficacy.measurement.MeasurementProblem;
import io.spinemet.efficacy.measurement.Measurements;
import io.spinemet.efficacy.scores.Scores;
import io.spinemet.efficacy.scoring.LoadedModel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A patient's inputs in a request: {@code factors}, {@code measurements} or both (contract C). Measurements are
 * validated and turned into factors by {@link FactorDerivation}; a factor given both ways must agree. The merged
 * values, the provenance and the scores are what the endpoints use.
 *
 * @param values      every valid factor value, given or derived, in catalogue order; {@code null} when unusable
 * @param derived     provenance of the derived factors (empty without measurements; {@code null} when scores
 *                    come from factors alone)
 * @param scores      both scores, when measurements were sent or factors alone suffice for one; otherwise
 *                    {@code null}
 * @param derivation  the derivation, for the missing-factor messages ({@code null} without measurements)
 * @param sent        factors sent, validly or not: the names in the {@code factors} object and the factors of
 *                    measurements sent with a problem (a factor whose input was wrong is not also missing)
 */
record PatientInputs(Map<String, Object> values, List<DerivedFactor> derived, Scores scores,
                     FactorDerivation.Derivation derivation, Set<String> sent) {

    static final String FACTORS = "factors";
    static final String MEASUREMENTS = "measurements";

    /** Reads {@code factors} and/or {@code measurements} of {@code parent}; problems go to {@code errors}. */
    static PatientInputs read(ObjectNode parent, String parentPointer, List<FieldError> errors) {
        boolean hasFactors = parent.has(FACTORS);
        JsonNode measurementsNode = parent.get(MEASUREMENTS);
        if (!hasFactors && measurementsNode == null) {
            errors.add(FieldError.at(JsonPointer.child(parentPointer, FACTORS), "required (or measurements)",
                    "a JSON object of factor id to value, and/or a measurements object"));
            return new PatientInputs(null, List.of(), null, null, Set.of());
        }
        Map<String, Object> given = hasFactors ? RequestValidator.factors(parent, parentPointer, errors) : Map.of();
        Set<String> sent = new HashSet<>();
        if (parent.get(FACTORS) instanceof ObjectNode factors) {
            factors.fieldNames().forEachRemaining(sent::add);
        }
        if (measurementsNode == null) {
            return ofFactors(given, sent);
        }
        String pointer = JsonPointer.child(parentPointer, MEASUREMENTS);
        ObjectNode object = RequestValidator.object(measurementsNode, pointer, errors);
        if (object == null) {
            return new PatientInputs(given, List.of(), null, null, sent);
        }
        return withMeasurements(given, sent, MeasurementJson.read(object, Measurements.builder()), parentPointer,
                errors);
    }

    /**
     * The inputs of a request read without a JSON tree ({@link StreamedRequest}): every value given was of the
     * expected JSON type.
     *
     * @param given        the valid factor values in catalogue order, or {@code null} when {@code factors} was absent
     * @param sent         the names in the {@code factors} object; mutable, extended as in {@link #read}
     * @param measurements the measurements read, or {@code null} when {@code measurements} was absent
     */
    static PatientInputs of(Map<String, Object> given, Set<String> sent, Measurements.Builder measurements,
                            String parentPointer, List<FieldError> errors) {
        Map<String, Object> factors = given == null ? Map.of() : given;
        return measurements == null ? ofFactors(factors, sent)
                : withMeasurements(factors, sent, measurements, parentPointer, errors);
    }

    /** No measurements: no derivation to show ({@code null}, so that derivedFactors is absent beside factor scores). */
    private static PatientInputs ofFactors(Map<String, Object> given, Set<String> sent) {
        Scores fromFactors = Scores.ofFactors(given).orElse(null);
        return new PatientInputs(given, fromFactors == null ? List.of() : null, fromFactors, null, sent);
    }

    /** Factors derived from the measurements read, merged with those given; a contradiction is an error at both. */
    private static PatientInputs withMeasurements(Map<String, Object> given, Set<String> sent,
                                                  Measurements.Builder measurements, String parentPointer,
                                                  List<FieldError> errors) {
        String pointer = JsonPointer.child(parentPointer, MEASUREMENTS);
        Measurements.Result result = measurements.build();
        report(result.problems(), pointer, errors);
        result.problems().forEach(p -> MeasurementCatalogue.find(p.measurement())
                .ifPresent(m -> m.derives().forEach(d -> sent.add(d.factor()))));
        FactorDerivation.Derivation derivation = FactorDerivation.derive(result.measurements());
        report(derivation.problems(), pointer, errors);
        Map<String, Object> values = given == null ? null : new LinkedHashMap<>();
        if (values != null) {
            for (Factor f : io.spinemet.efficacy.catalogue.FactorCatalogue.FACTORS) {
                Object direct = given.get(f.id());
                Object derived = derivation.factors().get(f.id());
                if (direct != null && derived != null && !direct.equals(derived)) {
                    conflict(f.id(), derivation.of(f.id()).orElseThrow(), parentPointer, errors);
                    values.put(f.id(), direct);
                } else if (direct != null || derived != null) {
                    values.put(f.id(), direct != null ? direct : derived);
                }
            }
        }
        Scores scores = derivation.problems().isEmpty()
                ? Scores.of(result.measurements(), derivation, given) : null;
        return new PatientInputs(values, derivation.derived(), scores, derivation, sent);
    }

    /** Reports every factor the model uses that was neither given nor derived, with the measurements that would do. */
    void requireModelFactors(LoadedModel model, String parentPointer, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        for (Factor f : model.factors()) {
            if (values.containsKey(f.id()) || sent.contains(f.id())) {
                continue;
            }
            String pointer = JsonPointer.child(JsonPointer.child(parentPointer, FACTORS), f.id());
            String detail = "required by the " + model.procedure().name() + " model";
            String allowed = RequestValidator.allowed(f);
            if (derivation != null) {
                List<String> measurements = MeasurementCatalogue.deriving(f.id()).stream().map(Measurement::id)
                        .toList();
                List<String> stillNeeded = derivation.incomplete().getOrDefault(f.id(), List.of());
                detail += stillNeeded.isEmpty() ? "" : "; the measurements given need also "
                        + String.join(", ", stillNeeded);
                allowed += measurements.isEmpty() ? "" : ", or the measurements " + String.join(", ", measurements);
            }
            errors.add(FieldError.at(pointer, detail, allowed));
        }
    }

    private static void report(List<MeasurementProblem> problems, String pointer, List<FieldError> errors) {
        for (MeasurementProblem p : problems) {
            String at = JsonPointer.child(pointer, p.measurement());
            errors.add(FieldError.at(p.field() == null ? at : JsonPointer.child(at, p.field()), p.detail(),
                    p.allowed()));
        }
    }

    /** A factor given directly that contradicts its derivation: an error at each, naming the other. */
    private static void conflict(String factorId, DerivedFactor derived, String parentPointer,
                                 List<FieldError> errors) {
        String factorPointer = JsonPointer.child(JsonPointer.child(parentPointer, FACTORS), factorId);
        String measurements = String.join(", ", derived.inputs().stream().map(DerivedFactor.Input::measurement)
                .toList());
        errors.add(FieldError.at(factorPointer, "contradicts the value derived from the measurements "
                + measurements + " (" + derived.rule() + ")", "the derived value, or leave out one of the two"));
        for (DerivedFactor.Input input : derived.inputs()) {
            errors.add(FieldError.at(JsonPointer.child(JsonPointer.child(parentPointer, MEASUREMENTS),
                    input.measurement()), "derives " + factorId + " differently from " + factorPointer,
                    "consistent factors and measurements"));
        }
    }
}
