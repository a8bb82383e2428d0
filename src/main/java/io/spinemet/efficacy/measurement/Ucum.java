package io.spinemet.efficacy.measurement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/**
 * Unit conversion by the HL7/FHIR UCUM library ({@code org.fhir:ucum}), never by a hand-written table.
 *
 * <p>Every unit the catalogue accepts is a multiplicative (non-special) UCUM unit, so converting {@code x} from
 * {@code u} to {@code v} is {@code x · f(u, v)}, where {@code f(u, v)} is what the library gives for one {@code u}.
 * The library takes milliseconds per call (it parses both units every time) and about half a second to load its
 * essence file, so each factor is computed once and kept: the catalogue's units at start-up, and up to
 * {@link #CACHED_PAIRS} other unit pairs met in requests (beyond that, factors are computed per call, so that requests
 * cannot grow the cache without bound). Arithmetic is exact ({@link BigDecimal}), so 3.5 g/dL is exactly 35 g/L at the
 * cut-off.
 */
public final class Ucum {

    /** Most unit pairs whose factor is kept. */
    static final int CACHED_PAIRS = 256;

    private static final Map<String, BigDecimal> FACTORS = new ConcurrentHashMap<>();

    private Ucum() {
    }

    /** The library's service, loaded once from the {@code ucum-essence.xml} that ships in its jar. */
    private static final class Service {
        static final UcumEssenceService INSTANCE = load();

        private static UcumEssenceService load() {
            try (InputStream essence = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
                if (essence == null) {
                    throw new IllegalStateException("ucum-essence.xml is missing from the org.fhir:ucum jar");
                }
                return new UcumEssenceService(essence);
            } catch (UcumException e) {
                throw new IllegalStateException("ucum-essence.xml could not be read: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code value} in {@code from}, expressed in {@code to}, exactly (the scale is not normalised). */
    public static BigDecimal convert(BigDecimal value, String from, String to) {
        if (from.equals(to)) {
            return value;
        }
        return value.multiply(factor(from, to));
    }

    /**
     * How many {@code to} make one {@code from}, as the UCUM library computes it; cached.
     *
     * @throws IllegalArgumentException when either unit is not UCUM or the two measure different things
     */
    public static BigDecimal factor(String from, String to) {
        String key = from + '\u0000' + to;
        BigDecimal factor = FACTORS.get(key);
        if (factor == null) {
            factor = compute(from, to);
            if (FACTORS.size() < CACHED_PAIRS) {
                FACTORS.putIfAbsent(key, factor);
            }
        }
        return factor;
    }

    /** Whether {@code unit} is a UCUM unit that converts to {@code to} by a factor (commensurable, not special). */
    public static boolean converts(String unit, String to) {
        try {
            factor(unit, to);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the library knows {@code unit} as a valid UCUM expression (uncached; for tests and start-up checks). */
    public static boolean valid(String unit) {
        return Service.INSTANCE.validate(unit) == null;
    }

    /** Loads the library and computes every factor the catalogue needs, so no request pays for it. */
    public static void warmUp() {
        for (Measurement m : MeasurementCatalogue.MEASUREMENTS) {
            for (String unit : m.units()) {
                factor(unit, m.canonicalUnit());
            }
        }
    }

    private static BigDecimal convert1(String from, String to, String value) throws UcumException {
        return new BigDecimal(Service.INSTANCE.convert(new Decimal(value), from, to).asDecimal()).stripTrailingZeros();
    }

    private static BigDecimal compute(String from, String to) {
        try {
            BigDecimal one = convert1(from, to, "1.000000000000000000000000");
            BigDecimal two = convert1(from, to, "2.000000000000000000000000");
            if (two.compareTo(one.add(one)) != 0) {
                throw new IllegalArgumentException("UCUM converts " + from + " to " + to + " with an offset or a "
                        + "non-linear function, not by a factor");
            }
            return one;
        } catch (UcumException | ArithmeticException | NumberFormatException | IllegalStateException e) {
            throw new IllegalArgumentException("UCUM cannot convert " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
