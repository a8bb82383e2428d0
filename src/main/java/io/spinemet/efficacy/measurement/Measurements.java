package io.spinemet.efficacy.measurement;

import static io.spinemet.efficacy.measurement.MeasurementCatalogue.ECOG;
import static io.spinemet.efficacy.measurement.MeasurementCatalogue.KPS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A patient's validated measurements, keyed by id. Built only through {@link #builder()}, which checks every value
 * against the catalogue (unit, plausible range, allowed codes, dates not in the future) and collects every problem;
 * nothing is clamped, coerced or defaulted.
 */
public final class Measurements {

    private static final Measurements EMPTY = new Measurements(Map.of());
    /** The latest time zone on Earth (UTC+14, Line Islands): no date there is yet in the future anywhere. */
    private static final ZoneOffset LATEST = ZoneOffset.ofHours(14);

    private final Map<String, MeasuredValue> values;

    private Measurements(Map<String, MeasuredValue> values) {
        this.values = values;
    }

    public static Measurements empty() {
        return EMPTY;
    }

    /** A builder that judges "the future" by today's date where it is latest on Earth (UTC+14). */
    public static Builder builder() {
        return new Builder(LocalDate.now(LATEST));
    }

    /** A builder for which dates after {@code today} are in the future. */
    public static Builder builder(LocalDate today) {
        return new Builder(today);
    }

    public Optional<MeasuredValue> get(String id) {
        return Optional.ofNullable(values.get(id));
    }

    public boolean has(String id) {
        return values.containsKey(id);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Collection<MeasuredValue> all() {
        return values.values();
    }

    /** The canonical value of an INTEGER measurement, if given. */
    public Optional<Integer> integer(String id) {
        return get(id).map(v -> (Integer) v.canonical());
    }

    /** The code of a CODE measurement, if given. */
    public Optional<String> code(String id) {
        return get(id).map(v -> (String) v.canonical());
    }

    /** The date of a DATE measurement, if given. */
    public Optional<LocalDate> date(String id) {
        return get(id).map(v -> (LocalDate) v.canonical());
    }

    /** The canonical value of a QUANTITY measurement, if given. */
    public Optional<BigDecimal> quantity(String id) {
        return get(id).map(v -> (BigDecimal) v.canonical());
    }

    /** The codes of a CODE_LIST measurement, if given. */
    @SuppressWarnings("unchecked")
    public Optional<List<String>> codes(String id) {
        return get(id).map(v -> (List<String>) v.canonical());
    }

    /**
     * The outcome of building: the valid measurements and every problem found.
     *
     * @param measurements the values that passed (a value with a problem is left out)
     * @param problems     every problem, in the order found
     */
    public record Result(Measurements measurements, List<MeasurementProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Collects measurements and their problems. Not thread-safe; one per request. */
    public static final class Builder {

        private final LocalDate today;
        private final Map<String, MeasuredValue> values = new LinkedHashMap<>();
        private final List<MeasurementProblem> problems = new ArrayList<>();

        private Builder(LocalDate today) {
            this.today = today;
        }

        /** Records a problem found by a reader (a wrong JSON type, an unknown id) at the whole measurement. */
        public Builder problem(String id, String detail, String allowed) {
            return problem(id, null, detail, allowed);
        }

        /** Records a problem at one part ({@code unit}, {@code value}, a list index) of a measurement. */
        public Builder problem(String id, String field, String detail, String allowed) {
            problems.add(new MeasurementProblem(id, field, detail, allowed));
            return this;
        }

        public Builder quantity(String id, BigDecimal value, String unit) {
            Measurement m = expect(id, ValueType.QUANTITY);
            if (m == null) {
                return this;
            }
            if (!m.units().contains(unit) && !Ucum.converts(unit, m.canonicalUnit())) {
                problem(id, "unit", "unknown unit for " + id + ": not a UCUM unit of the same kind as "
                        + m.canonicalUnit(), "one of " + String.join(", ", m.units())
                        + ", or another UCUM unit convertible to " + m.canonicalUnit() + " (UCUM codes)");
                return this;
            }
            BigDecimal canonical = Ucum.convert(value, unit, m.canonicalUnit());
            if (!m.range().contains(canonical)) {
                String hint = "";
                for (String other : m.units()) {
                    if (!other.equals(unit) && m.range().contains(Ucum.convert(value, other, m.canonicalUnit()))) {
                        hint = "; the number would be plausible in " + other + ": check the unit";
                        break;
                    }
                }
                problem(id, "value", outsideRange(m) + hint, m.allowed());
                return this;
            }
            values.put(id, new MeasuredValue(m, Numbers.plain(value), unit, Numbers.plain(canonical)));
            return this;
        }

        /** A quantity whose number no {@code double} holds ({@code 1e400}): outside any plausible range. */
        public Builder beyondRange(String id) {
            Measurement m = MeasurementCatalogue.get(id);
            return problem(id, "value", outsideRange(m), m.allowed());
        }

        private static String outsideRange(Measurement m) {
            return "outside the plausible range of " + m.id() + " (" + m.range().describe() + ")";
        }

        public Builder integer(String id, int value) {
            Measurement m = expect(id, ValueType.INTEGER);
            if (m == null) {
                return this;
            }
            if (!m.range().contains(BigDecimal.valueOf(value))) {
                problem(id, outOfScale(m, value), m.allowed());
                return this;
            }
            values.put(id, new MeasuredValue(m, value, null, value));
            return this;
        }

        public Builder code(String id, String code) {
            Measurement m = expect(id, ValueType.CODE);
            if (m == null) {
                return this;
            }
            if (!m.allowsCode(code)) {
                problem(id, "not an allowed code of " + id, m.allowed());
                return this;
            }
            values.put(id, new MeasuredValue(m, code, null, code));
            return this;
        }

        public Builder codes(String id, List<String> codes) {
            Measurement m = expect(id, ValueType.CODE_LIST);
            if (m == null) {
                return this;
            }
            boolean ok = true;
            for (int i = 0; i < codes.size(); i++) {
                Optional<String> problem = TargetedAgents.problem(codes.get(i));
                if (problem.isPresent()) {
                    problem(id, Integer.toString(i), problem.get(), m.allowed());
                    ok = false;
                }
            }
            if (ok) {
                List<String> copy = Collections.unmodifiableList(new ArrayList<>(codes));
                values.put(id, new MeasuredValue(m, copy, null, copy));
            }
            return this;
        }

        public Builder date(String id, LocalDate date) {
            Measurement m = expect(id, ValueType.DATE);
            if (m == null) {
                return this;
            }
            if (date.isAfter(today)) {
                problem(id, "a date in the future", m.allowed());
                return this;
            }
            values.put(id, new MeasuredValue(m, date, null, date));
            return this;
        }

        public Result build() {
            return new Result(new Measurements(Collections.unmodifiableMap(new LinkedHashMap<>(values))),
                    List.copyOf(problems));
        }

        private Measurement expect(String id, ValueType type) {
            Optional<Measurement> m = MeasurementCatalogue.find(id);
            if (m.isEmpty()) {
                problem(id, "unknown measurement", "the measurement ids " + String.join(", ",
                        MeasurementCatalogue.ids()));
                return null;
            }
            if (m.get().valueType() != type) {
                throw new IllegalArgumentException(id + " is a " + m.get().valueType() + ", not a " + type);
            }
            return m.get();
        }

        /** Names the likely mix-up of the two performance scales. */
        private static String outOfScale(Measurement m, int value) {
            String base = "outside " + m.id() + " (" + m.range().describe() + ")";
            if (m.id().equals(KPS) && value >= 1 && value <= 5) {
                return base + "; a value from 1 to 5 looks like an ECOG grade: send it as " + ECOG;
            }
            if (m.id().equals(ECOG) && value > 5 && value <= 100 && value % 10 == 0) {
                return base + "; a multiple of 10 looks like a KPS: send it as " + KPS;
            }
            return base;
        }
    }
}
