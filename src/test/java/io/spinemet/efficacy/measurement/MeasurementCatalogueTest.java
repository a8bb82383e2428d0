package io.spinemet.efficacy.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spinemet.efficacy.catalogue.FactorCatalogue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue's structure, its standard codes (issue 9's table) and unit conversion by the UCUM library. */
class MeasurementCatalogueTest {

    @Test
    void everyMeasurementIsWellFormed() {
        assertEquals(MeasurementCatalogue.MEASUREMENTS.size(), new HashSet<>(MeasurementCatalogue.ids()).size());
        for (Measurement m : MeasurementCatalogue.MEASUREMENTS) {
            assertFalse(m.derives().isEmpty(), m.id() + " derives something");
            for (Derives d : m.derives()) {
                assertTrue(FactorCatalogue.find(d.factor()).isPresent(), d.factor());
                assertTrue(m.usedBy().contains(d.factor()), m.id() + " lists " + d.factor() + " in usedBy");
            }
            switch (m.valueType()) {
                case QUANTITY -> {
                    assertEquals(m.canonicalUnit(), m.units().get(0), "canonical unit first");
                    assertEquals(m.canonicalUnit(), m.range().unit());
                    m.units().forEach(u -> assertTrue(Ucum.valid(u), u + " is a UCUM code"));
                }
                case INTEGER -> {
                    assertNotNull(m.range());
                    assertTrue(m.units().isEmpty());
                }
                case CODE -> assertFalse(m.allowedValues().isEmpty());
                default -> assertNull(m.range());
            }
        }
    }

    @Test
    void standardCodesOfTheIssueTable() {
        assertEquals(List.of("1751-7", "61151-7", "61152-5"), codes(MeasurementCatalogue.SERUM_ALBUMIN));
        assertEquals(List.of("6690-2", "26464-8"), codes(MeasurementCatalogue.LEUKOCYTE_COUNT));
        assertEquals(List.of("89243-0"), codes(MeasurementCatalogue.KPS));
        assertEquals(List.of("89247-1"), codes(MeasurementCatalogue.ECOG));
        assertEquals(List.of("g/L", "g/dL"), MeasurementCatalogue.get(MeasurementCatalogue.SERUM_ALBUMIN).units());
        assertEquals(List.of("10*9/L", "10*3/uL", "/uL"),
                MeasurementCatalogue.get(MeasurementCatalogue.LEUKOCYTE_COUNT).units());
        assertTrue(MeasurementCatalogue.get(MeasurementCatalogue.PRIMARY_SITE).allowsCode("UNKNOWN_PRIMARY"));
    }

    private static List<String> codes(String id) {
        return MeasurementCatalogue.get(id).codes().stream().map(StandardCode::code).toList();
    }

    /** Factors from UCUM's definitions: deci = 10^-1 (1 g/dL = 10 g/L); micro = 10^-6 (1 /uL = 10^6 /L). */
    @ParameterizedTest
    @CsvSource({"g/dL, g/L, 10", "g/L, g/L, 1", "/uL, 10*9/L, 0.001", "10*3/uL, 10*9/L, 1", "10*9/L, 10*9/L, 1"})
    void conversionFactorsFromTheUcumLibrary(String from, String to, String factor) {
        assertEquals(0, new BigDecimal(factor).compareTo(Ucum.factor(from, to)), from + " -> " + to);
    }

    @Test
    void conversionIsExactAndCached() {
        assertEquals(0, new BigDecimal("35").compareTo(Ucum.convert(new BigDecimal("3.5"), "g/dL", "g/L")));
        assertEquals(0, new BigDecimal("3.999").compareTo(Ucum.convert(new BigDecimal("3999"), "/uL", "10*9/L")));
        assertSame(Ucum.factor("g/dL", "g/L"), Ucum.factor("g/dL", "g/L"));
        // UCUM knows both l and L as the litre; mmol/L is a different kind of quantity; Cel converts with an offset
        assertTrue(Ucum.converts("g/dl", "g/L"));
        assertEquals(0, new BigDecimal("10").compareTo(Ucum.factor("g/dl", "g/L")));
        assertFalse(Ucum.converts("mmol/L", "g/L"));
        // UCUM's "10^" (the number ten for arbitrary powers) raised to 9 is the same as 10*9
        assertEquals(0, BigDecimal.ONE.compareTo(Ucum.factor("10^9/L", "10*9/L")));
        assertFalse(Ucum.converts("10e9/L", "10*9/L"));
        assertFalse(Ucum.converts("Cel", "K"));
        assertTrue(Ucum.converts("/mm3", "10*9/L"));
    }

    @ParameterizedTest
    @CsvSource({"C34.1, LUNG", "C341, LUNG", "C50.9, BREAST", "C61, PROSTATE", "C80.1, UNKNOWN_PRIMARY",
                "C18.7, COLON", "C20, RECTUM", "C64, KIDNEY", "C54.1, UTERUS", "C22.0, LIVER", "C7A.1, CARCINOID",
                "C90.0, OTHER", "C71.9, OTHER"})
    void icd10ToSite(String icd10, PrimarySite expected) {
        assertEquals(Optional.of(expected), PrimarySite.fromIcd10(icd10));
    }

    @ParameterizedTest
    @CsvSource({"C41.2", "C40.0", "C79.5", "C78.0", "C97", "D48.0", "I10", "''"})
    void icd10ThatCannotTellTheSite(String icd10) {
        assertEquals(Optional.empty(), PrimarySite.fromIcd10(icd10));
    }
}
