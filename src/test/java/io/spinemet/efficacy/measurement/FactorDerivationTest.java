package io.spinemet.efficacy.measurement;

import static io.spinemet.efficacy.measurement.MeasurementCatalogue.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every derivation rule, with the expected value taken from the published definition (data dictionary §2, as the
 * factor catalogue states it), at and around each cut-off.
 */
class FactorDerivationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    static FactorDerivation.Derivation derive(Consumer<Measurements.Builder> given) {
        Measurements.Builder b = Measurements.builder(TODAY);
        given.accept(b);
        Measurements.Result r = b.build();
        assertEquals(List.of(), r.problems(), "the measurements themselves are valid");
        return FactorDerivation.derive(r.measurements());
    }

    static List<MeasurementProblem> problems(Consumer<Measurements.Builder> given) {
        Measurements.Builder b = Measurements.builder(TODAY);
        given.accept(b);
        Measurements.Result r = b.build();
        return r.problems().isEmpty() ? FactorDerivation.derive(r.measurements()).problems() : r.problems();
    }

    /** Malnutrition: albumin < 35 g/L (3.5 g/dL); 35 g/L itself is not malnutrition. */
    @ParameterizedTest
    @CsvSource({"35, g/L, false", "34.9, g/L, true", "3.5, g/dL, false", "3.49, g/dL, true", "3.50, g/dL, false",
                "40, g/L, false", "2.0, g/dL, true", "5, g/L, true", "80, g/L, false"})
    void malnutrition(String value, String unit, boolean expected) {
        var d = derive(b -> b.quantity(SERUM_ALBUMIN, new BigDecimal(value), unit));
        assertEquals(expected, d.factors().get("malnutrition"));
        DerivedFactor df = d.of("malnutrition").orElseThrow();
        assertEquals("g/L", df.inputs().get(0).canonicalUnit());
        assertEquals(unit, df.inputs().get(0).unit());
        assertEquals("< 35 g/L (3.5 g/dL)", df.cutoff());
    }

    @Test
    void albuminInGramsPerDecilitreIsTenTimesInGramsPerLitre() {
        var d = derive(b -> b.quantity(SERUM_ALBUMIN, new BigDecimal("3.2"), "g/dL"));
        assertEquals(0, new BigDecimal("32").compareTo((BigDecimal) d.of("malnutrition").orElseThrow().inputs().get(0)
                .canonicalValue()));
    }

    /** Leukopenia: WBC < 4.0 x 10^9/L; 4.0 itself is not. 1 /uL = 10^-3 x 10^9/L; 1 10*3/uL = 1 x 10^9/L. */
    @ParameterizedTest
    @CsvSource({"4.0, 10*9/L, false", "3.99, 10*9/L, true", "4000, /uL, false", "3999, /uL, true",
                "3600, /uL, true", "4.0, 10*3/uL, false", "3.9, 10*3/uL, true", "0.1, 10*9/L, true",
                "11.2, 10*3/uL, false"})
    void leukopenia(String value, String unit, boolean expected) {
        var d = derive(b -> b.quantity(LEUKOCYTE_COUNT, new BigDecimal(value), unit));
        assertEquals(expected, d.factors().get("leukopenia"));
    }

    /** Poor performance status: KPS <= 40, ECOG >= 3, Barthel <= 60. */
    @ParameterizedTest
    @CsvSource({"karnofskyPerformanceStatus, 40, true", "karnofskyPerformanceStatus, 50, false",
                "karnofskyPerformanceStatus, 0, true", "karnofskyPerformanceStatus, 100, false",
                "ecogPerformanceStatus, 2, false", "ecogPerformanceStatus, 3, true",
                "ecogPerformanceStatus, 0, false", "ecogPerformanceStatus, 5, true",
                "barthelIndex, 60, true", "barthelIndex, 61, false", "barthelIndex, 100, false",
                "barthelIndex, 0, true"})
    void poorPerformanceStatus(String scale, int value, boolean expected) {
        var d = derive(b -> b.integer(scale, value));
        assertEquals(expected, d.factors().get("poorPerformanceStatus"));
    }

    @Test
    void anyPoorScaleMakesPerformanceStatusPoorAndAllScalesAreListed() {
        var d = derive(b -> b.integer(KPS, 80).integer(BARTHEL, 55));
        assertEquals(true, d.factors().get("poorPerformanceStatus"));
        DerivedFactor df = d.of("poorPerformanceStatus").orElseThrow();
        assertEquals(List.of(KPS, BARTHEL), df.inputs().stream().map(DerivedFactor.Input::measurement).toList());
        assertEquals("KPS <= 40 or Barthel <= 60", df.cutoff());
        var good = derive(b -> b.integer(KPS, 80).integer(ECOG, 1));
        assertEquals(false, good.factors().get("poorPerformanceStatus"));
    }

    @Test
    void aKpsAndAnEcogTwoStepsApartAreNoted() {
        // ECOG 4 = KPS 10-20, so KPS 90 (ECOG 0's range) is four steps away: noted; poor, as ECOG 4 is poor
        DerivedFactor far = derive(b -> b.integer(KPS, 90).integer(ECOG, 4)).of("poorPerformanceStatus").orElseThrow();
        assertEquals(true, far.value());
        assertEquals("KPS 90 and ECOG 4 lie two or more steps apart on the KPS-ECOG correspondence (ECOG 4 = KPS "
                + "10-20): check both entries and their dates. poorPerformanceStatus counts any poor scale.", far.note());
        // KPS 100 with ECOG 2 (KPS 50-60): two steps, noted although neither is poor
        assertTrue(derive(b -> b.integer(KPS, 100).integer(ECOG, 2)).of("poorPerformanceStatus").orElseThrow().note()
                .startsWith("KPS 100 and ECOG 2 lie two or more steps apart"));
        // one step apart (KPS 50 is ECOG 2's range, ECOG 3 next to it; KPS 60 with ECOG 3): not noted
        assertNull(derive(b -> b.integer(KPS, 50).integer(ECOG, 3)).of("poorPerformanceStatus").orElseThrow().note());
        assertNull(derive(b -> b.integer(KPS, 60).integer(ECOG, 3)).of("poorPerformanceStatus").orElseThrow().note());
        assertNull(derive(b -> b.integer(KPS, 40).integer(ECOG, 3)).of("poorPerformanceStatus").orElseThrow().note());
        // Barthel measures daily living, not performance: KPS 80 with Barthel 55 is poor but not noted
        DerivedFactor barthel = derive(b -> b.integer(KPS, 80).integer(BARTHEL, 55)).of("poorPerformanceStatus")
                .orElseThrow();
        assertEquals(true, barthel.value());
        assertNull(barthel.note());
        assertNull(derive(b -> b.integer(ECOG, 4)).of("poorPerformanceStatus").orElseThrow().note());
    }

    /** The published correspondence, ECOG 0 = KPS 90-100 ... 5 = 0, read both ways. */
    @ParameterizedTest
    @CsvSource({"100, 0", "90, 0", "80, 1", "70, 1", "60, 2", "50, 2", "40, 3", "30, 3", "20, 4", "10, 4", "0, 5"})
    void ecogOfKps(int kps, int ecog) {
        assertEquals(ecog, FactorDerivation.ecogOfKps(kps));
    }

    /** Tomita classes of the factor catalogue: SLOW breast, thyroid, prostate; MODERATE kidney, uterus; RAPID lung,
     * stomach, liver, colon, unknown primary. */
    @ParameterizedTest
    @CsvSource({"BREAST, SLOW", "THYROID, SLOW", "PROSTATE, SLOW", "KIDNEY, MODERATE", "UTERUS, MODERATE",
                "LUNG, RAPID", "STOMACH, RAPID", "LIVER, RAPID", "COLON, RAPID", "UNKNOWN_PRIMARY, RAPID"})
    void primaryTumorGrowthOfNamedSites(String site, String expected) {
        assertEquals(expected, derive(b -> b.code(PRIMARY_SITE, site)).factors().get("primaryTumorGrowth"));
    }

    @ParameterizedTest
    @CsvSource({"RECTUM", "BLADDER", "OESOPHAGUS", "PANCREAS", "GALLBLADDER", "OSTEOSARCOMA", "CARCINOID", "OTHER"})
    void aSiteTomitaDoesNotNameNeedsTheClassNeverAGuess(String site) {
        var d = derive(b -> b.code(PRIMARY_SITE, site));
        assertNull(d.factors().get("primaryTumorGrowth"));
        assertEquals(List.of(GROWTH_CLASS), d.incomplete().get("primaryTumorGrowth"));
        var given = derive(b -> b.code(PRIMARY_SITE, site).code(GROWTH_CLASS, "MODERATE"));
        assertEquals("MODERATE", given.factors().get("primaryTumorGrowth"));
    }

    @Test
    void aGrowthClassContradictingTheSiteIsAProblemAtBoth() {
        var p = problems(b -> b.code(PRIMARY_SITE, "BREAST").code(GROWTH_CLASS, "RAPID"));
        assertEquals(List.of(PRIMARY_SITE, GROWTH_CLASS), p.stream().map(MeasurementProblem::measurement).toList());
        assertTrue(p.get(0).detail().contains(GROWTH_CLASS));
        assertTrue(p.get(1).detail().contains(PRIMARY_SITE));
    }

    /** Diagnosed from the first cycle to 28 days after the last, both ends included. */
    @ParameterizedTest
    @CsvSource({"2026-01-05, 2026-03-01, 2026-03-29, true",   // exactly 28 days after the last cycle
                "2026-01-05, 2026-03-01, 2026-03-30, false",  // 29 days
                "2026-01-05, 2026-03-01, 2026-01-05, true",   // on the day of the first cycle
                "2026-01-05, 2026-03-01, 2026-01-04, false",  // the day before chemotherapy started
                "2026-01-05, 2026-03-01, 2026-02-01, true",   // between the cycles
                "2026-01-05, 2026-01-05, 2026-02-02, true",   // a single cycle, 28 days later
                "2026-01-05, 2026-01-05, 2026-02-03, false"})
    void metastasisDuringChemotherapy(String first, String last, String diagnosis, boolean expected) {
        var d = derive(b -> b.date(CHEMO_FIRST, LocalDate.parse(first)).date(CHEMO_LAST, LocalDate.parse(last))
                .date(SPINAL_DIAGNOSIS, LocalDate.parse(diagnosis)));
        assertEquals(expected, d.factors().get("metastasisDuringChemotherapy"));
    }

    @Test
    void noChemotherapyIsFalseAndContradictingDatesAreProblems() {
        assertEquals(false, derive(b -> b.code(CHEMOTHERAPY, "NONE")).factors().get("metastasisDuringChemotherapy"));
        assertEquals(false, derive(b -> b.code(CHEMOTHERAPY, "NONE").date(SPINAL_DIAGNOSIS, TODAY))
                .factors().get("metastasisDuringChemotherapy"));
        var p = problems(b -> b.code(CHEMOTHERAPY, "NONE").date(CHEMO_LAST, TODAY));
        assertEquals(List.of(CHEMOTHERAPY, CHEMO_LAST), p.stream().map(MeasurementProblem::measurement).toList());
        var reversed = problems(b -> b.date(CHEMO_FIRST, TODAY).date(CHEMO_LAST, TODAY.minusDays(1))
                .date(SPINAL_DIAGNOSIS, TODAY));
        assertEquals(List.of(CHEMO_FIRST, CHEMO_LAST), reversed.stream().map(MeasurementProblem::measurement).toList());
    }

    @Test
    void chemotherapyWithoutAllDatesIsNotDerivedAndNamesWhatIsMissing() {
        var d = derive(b -> b.code(CHEMOTHERAPY, "GIVEN").date(CHEMO_LAST, TODAY));
        assertFalse(d.factors().containsKey("metastasisDuringChemotherapy"));
        assertEquals(List.of(CHEMO_FIRST, SPINAL_DIAGNOSIS), d.incomplete().get("metastasisDuringChemotherapy"));
        assertTrue(derive(b -> b.date(SPINAL_DIAGNOSIS, TODAY)).factors().isEmpty(), "no chemotherapy input at all");
    }

    /** Targeted: EGFR/ALK TKIs, anti-HER2, anti-VEGF and multikinase agents; not immunotherapy nor endocrine. */
    @ParameterizedTest
    @CsvSource({"L01EB02, true",  // erlotinib, EGFR TKI
                "L01EB04, true",  // osimertinib, EGFR TKI
                "L01ED01, true",  // crizotinib, ALK TKI
                "L01ED03, true",  // alectinib, ALK TKI
                "L01FD01, true",  // trastuzumab, anti-HER2
                "L01EH01, true",  // lapatinib, HER2 TKI
                "L01FG01, true",  // bevacizumab, anti-VEGF
                "L01EK01, true",  // axitinib, VEGFR TKI
                "L01EB01, true",  // gefitinib, EGFR TKI (boundary: L01EB still counts as a group)
                "L01EB, true",    // the EGFR TKI group itself
                "L01FG02, true",  // ramucirumab, anti-VEGFR2
                "L01XX44, true",  // aflibercept, VEGF trap (anti-VEGF)
                "L01EX01, true",  // sunitinib, multikinase
                "L01EX02, true",  // sorafenib, multikinase
                "L01EX03, true",  // pazopanib, multikinase
                "L01EX04, true",  // vandetanib, VEGFR/EGFR/RET
                "L01EX05, true",  // regorafenib, multikinase
                "L01EX07, true",  // cabozantinib, VEGFR2/MET/RET
                "L01EX08, true",  // lenvatinib, multikinase
                "L01EX09, true",  // nintedanib, VEGFR/FGFR/PDGFR
                "L01EX12, false", // larotrectinib, TRK only
                "L01EX17, false", // capmatinib, MET only
                "L01EX22, false", // selpercatinib, RET only
                "L01EX14, false", // entrectinib, TRK/ROS1
                "L01XX41, false", // eribulin, other antineoplastic (cytotoxic), beside aflibercept in L01XX
                "L01FF01, false", // nivolumab, PD-1 (boundary: L01FF never counts)
                "L01FF, false",   // the PD-1/PD-L1 group itself
                "L02BX03, false", // abiraterone: endocrine (boundary: L02 never counts)
                "L02BB, false",   // anti-androgens, a level-4 group of L02
                "L01FF02, false", // pembrolizumab, PD-1: immunotherapy
                "L01FX04, false", // ipilimumab, CTLA-4: immunotherapy
                "L02BA01, false", // tamoxifen: endocrine
                "L02BG04, false", // letrozole: endocrine
                "L01BC06, false", // capecitabine: cytotoxic
                "L01XA01, false", // cisplatin: cytotoxic
                "M05BX04, false"})// denosumab: bone-targeted, not anticancer targeted therapy
    void targetedTherapy(String atc, boolean expected) {
        assertEquals(expected, derive(b -> b.codes(DRUGS, List.of(atc))).factors().get("targetedTherapy"));
    }

    @Test
    void targetedTherapyFromAListAndFromNone() {
        assertEquals(true, derive(b -> b.codes(DRUGS, List.of("L01XA02", "L01FF01", "L01EB01")))
                .factors().get("targetedTherapy"));
        assertEquals(false, derive(b -> b.codes(DRUGS, List.of())).factors().get("targetedTherapy"));
    }

    @Test
    void burdenAndNeurology() {
        var d = derive(b -> b.integer(VERTEBRAE, 3).integer(EXTRASPINAL, 0).code(VISCERAL, "NONE")
                .code(FRANKEL, "C"));
        assertEquals(Map.of("vertebraeInvolved", 3, "extraspinalBoneMetastasis", false, "visceralMetastasis", false,
                "frankelGrade", "C"), d.factors());
        var e = derive(b -> b.integer(EXTRASPINAL, 1).code(VISCERAL, "REMOVABLE").code(ASIA, "D"));
        assertEquals(true, e.factors().get("extraspinalBoneMetastasis"));
        assertEquals(true, e.factors().get("visceralMetastasis"));
        assertEquals("D", e.factors().get("frankelGrade"));
        assertEquals(true, derive(b -> b.code(VISCERAL, "UNREMOVABLE")).factors().get("visceralMetastasis"));
        var p = problems(b -> b.code(FRANKEL, "D").code(ASIA, "C"));
        assertEquals(List.of(FRANKEL, ASIA), p.stream().map(MeasurementProblem::measurement).toList());
    }

    @Test
    void derivedFactorsCiteTheFactorCatalogue() {
        var d = derive(b -> b.quantity(SERUM_ALBUMIN, new BigDecimal("30"), "g/L").integer(KPS, 40));
        for (DerivedFactor df : d.derived()) {
            assertEquals(io.spinemet.efficacy.catalogue.FactorCatalogue.get(df.factor()).source(), df.source());
        }
    }

    // ---- refused values: named problems, never a clamp ----

    @Test
    void implausibleAlbuminIsRefusedNotClamped() {
        var p = problems(b -> b.quantity(SERUM_ALBUMIN, new BigDecimal("500"), "g/L"));
        assertEquals(1, p.size());
        assertEquals("serumAlbumin/value", p.get(0).path());
        assertTrue(p.get(0).detail().contains("plausible range"), p.get(0).detail());
        // 3.2 g/L is implausible, and 3.2 g/dL is plausible: the message says to check the unit
        var unit = problems(b -> b.quantity(SERUM_ALBUMIN, new BigDecimal("3.2"), "g/L"));
        assertTrue(unit.get(0).detail().contains("g/dL"), unit.get(0).detail());
    }

    @Test
    void aWhiteCountInTheWrongUnitIsRefusedNotReadAsLeukopenia() {
        // 4.0 /uL is 0.004 x 10^9/L, below the plausible 0.1; as 4.0 x 10^3/uL it would be plausible
        var p = problems(b -> b.quantity(LEUKOCYTE_COUNT, new BigDecimal("4.0"), "/uL"));
        assertEquals(1, p.size());
        assertEquals("leukocyteCount/value", p.get(0).path());
        assertTrue(p.get(0).detail().contains("10*9/L") && p.get(0).detail().contains("check the unit"),
                p.get(0).detail());
        // the lower end itself, 100 /uL = 0.1 x 10^9/L, is plausible (and leukopenia)
        assertEquals(true, derive(b -> b.quantity(LEUKOCYTE_COUNT, new BigDecimal("100"), "/uL")).factors()
                .get("leukopenia"));
        assertEquals("leukocyteCount/value", problems(b -> b.quantity(LEUKOCYTE_COUNT, new BigDecimal("0.09"),
                "10*9/L")).get(0).path());
    }

    @Test
    void unknownUnitIsNamed() {
        var p = problems(b -> b.quantity(SERUM_ALBUMIN, new BigDecimal("3.2"), "mmol/L"));
        assertEquals("serumAlbumin/unit", p.get(0).path());
        assertEquals("serumAlbumin/unit", problems(b -> b.quantity(SERUM_ALBUMIN, BigDecimal.ONE, "furlong")).get(0)
                .path());
        assertTrue(p.get(0).allowed().contains("g/dL"));
        assertEquals("leukocyteCount/unit", problems(b -> b.quantity(LEUKOCYTE_COUNT, BigDecimal.TEN, "g/L"))
                .get(0).path());
    }

    /** Another UCUM unit of the same kind is converted by the library: 3.4 g/dl (litre as l) = 34 g/L. */
    @Test
    void otherUcumUnitsOfTheSameKindAreConverted() {
        assertEquals(true, derive(b -> b.quantity(SERUM_ALBUMIN, new BigDecimal("3.4"), "g/dl"))
                .factors().get("malnutrition"));
        assertEquals(false, derive(b -> b.quantity(LEUKOCYTE_COUNT, new BigDecimal("4000"), "/mm3"))
                .factors().get("leukopenia"));
    }

    @Test
    void kpsOffItsScaleAndScalesMixedUpAreNamed() {
        var p45 = problems(b -> b.integer(KPS, 45));
        assertEquals(KPS, p45.get(0).path());
        assertTrue(p45.get(0).detail().contains("steps of 10"));
        var ecogAsKps = problems(b -> b.integer(KPS, 3));
        assertTrue(ecogAsKps.get(0).detail().contains("looks like an ECOG grade"), ecogAsKps.get(0).detail());
        var kpsAsEcog = problems(b -> b.integer(ECOG, 40));
        assertTrue(kpsAsEcog.get(0).detail().contains("looks like a KPS"), kpsAsEcog.get(0).detail());
        assertEquals(1, problems(b -> b.integer(KPS, 110)).size());
        assertEquals(1, problems(b -> b.integer(BARTHEL, -5)).size());
    }

    @Test
    void aFutureDateIsRefusedTodayIsNot() {
        var p = problems(b -> b.date(SPINAL_DIAGNOSIS, TODAY.plusDays(1)));
        assertEquals(SPINAL_DIAGNOSIS, p.get(0).path());
        assertTrue(p.get(0).detail().contains("future"));
        assertEquals(List.of(), problems(b -> b.date(SPINAL_DIAGNOSIS, TODAY)));
    }

    @Test
    void atcCodesMustBeLevelFourOrFive() {
        var p = problems(b -> b.codes(DRUGS, List.of("L01EB02", "L01E", "erlotinib")));
        assertEquals(List.of("anticancerDrugs/1", "anticancerDrugs/2"), p.stream().map(MeasurementProblem::path)
                .toList());
    }

    /** L01EX and L01XX hold agents that count beside agents that do not: the group code alone cannot be decided. */
    @ParameterizedTest
    @CsvSource({"L01EX", "L01XX"})
    void aMixedGroupWithoutItsLevelFiveCodeIsRefused(String group) {
        var p = problems(b -> b.codes(DRUGS, List.of("L01EB01", group)));
        assertEquals(List.of("anticancerDrugs/1"), p.stream().map(MeasurementProblem::path).toList());
        assertTrue(p.get(0).detail().contains("send the level-5 code"), p.get(0).detail());
        assertFalse(Measurements.builder(TODAY).codes(DRUGS, List.of(group)).build().measurements().has(DRUGS),
                "never read as a value");
    }

    /** Pre-2022 codes: WHO moved L01XE to L01E and L01XC to L01F; an old code is refused, never read as false. */
    @ParameterizedTest
    @CsvSource({"L01XE02", // gefitinib before 2022 (now L01EB01)
                "L01XC03", // trastuzumab before 2022 (now L01FD01)
                "L01XC07", // bevacizumab before 2022 (now L01FG01)
                "L01XE05", // sorafenib before 2022 (now L01EX02)
                "L01XE",   // the retired group itself
                "L01XC"})
    void retiredCodesAreRefused(String code) {
        var p = problems(b -> b.codes(DRUGS, List.of(code)));
        assertEquals(List.of("anticancerDrugs/0"), p.stream().map(MeasurementProblem::path).toList());
        assertTrue(p.get(0).detail().contains("retired in the 2022 ATC revision"), p.get(0).detail());
        assertTrue(p.get(0).detail().contains("send the current code"), p.get(0).detail());
        assertFalse(Measurements.builder(TODAY).codes(DRUGS, List.of(code)).build().measurements().has(DRUGS),
                "never read as \"not targeted\"");
    }

    /** The 14 ATC anatomical main groups are A B C D G H J L M N P R S V; any other first letter is no ATC code. */
    @ParameterizedTest
    @CsvSource({"Z99ZZ99", "E01AA01", "F01AA", "I01AA01", "K01AA01", "O01AA01", "Q01AA01", "T01AA01", "U01AA01",
                "W01AA01", "X01AA01", "Y01AA01"})
    void codesOutsideTheAnatomicalMainGroupsAreRefused(String code) {
        var p = problems(b -> b.codes(DRUGS, List.of(code)));
        assertEquals(List.of("anticancerDrugs/0"), p.stream().map(MeasurementProblem::path).toList());
        assertTrue(p.get(0).detail().contains("not one of the 14 ATC anatomical main groups"), p.get(0).detail());
    }

    /** Not the layout of a level-4 or level-5 ATC code: refused before any group is looked at. */
    @ParameterizedTest
    @CsvSource({"l01eb01", "L01eb01", "L01EB0", "L01EB011", "L1EB01", "L01E", "L0AEB01", "L01EBAA", "L01E101",
                "1L01EB0", "L01EB 1", "' L01EB01'", "\uFF2C01EB01", "L01EB\uFF101"}) // fullwidth L, fullwidth 0
    void malformedCodesAreRefused(String code) {
        var p = problems(b -> b.codes(DRUGS, List.of(code)));
        assertEquals(List.of("anticancerDrugs/0"), p.stream().map(MeasurementProblem::path).toList(), code);
        assertEquals("not a WHO ATC code at level 4 or 5", p.get(0).detail(), code);
    }

    @ParameterizedTest
    @CsvSource({"A10BA02", "B01AC06", "C09AA05", "D07AC01", "G03DB06", "H02AB02", "J01CA04", "L01XA01", "M05BX04",
                "N02AA01", "P01BE03", "R03AC02", "S01LA05", "V03AF03"})
    void everyAnatomicalMainGroupIsAccepted(String code) {
        assertEquals(List.of(), problems(b -> b.codes(DRUGS, List.of(code))));
        assertEquals(false, derive(b -> b.codes(DRUGS, List.of(code))).factors().get("targetedTherapy"));
    }

    @Test
    void codesOutsideTheListAreRefused() {
        assertEquals(1, problems(b -> b.code(PRIMARY_SITE, "lung")).size());
        assertEquals(1, problems(b -> b.code(VISCERAL, "YES")).size());
        assertEquals(1, problems(b -> b.code(FRANKEL, "F")).size());
    }

    @Test
    void theVertebraCountHasTheFactorsRange() {
        // at most 25: the 24 mobile vertebrae and the sacrum (factor catalogue); 26 is refused as a measurement,
        // with the range it advertises, rather than accepted and then refused as a derivation
        assertEquals(25, derive(b -> b.integer(VERTEBRAE, 25)).factors().get("vertebraeInvolved"));
        assertEquals(1, derive(b -> b.integer(VERTEBRAE, 1)).factors().get("vertebraeInvolved"));
        List<MeasurementProblem> refused = problems(b -> b.integer(VERTEBRAE, 26));
        assertEquals(1, refused.size());
        assertEquals(VERTEBRAE, refused.get(0).measurement());
        assertTrue(refused.get(0).allowed().contains("1 to 25"), refused.get(0).toString());
        assertTrue(MeasurementCatalogue.find(VERTEBRAE).orElseThrow().range().contains(java.math.BigDecimal.valueOf(25)));
        assertFalse(MeasurementCatalogue.find(VERTEBRAE).orElseThrow().range().contains(java.math.BigDecimal.valueOf(26)));
        assertEquals(1, problems(b -> b.integer(VERTEBRAE, 0)).size());
    }
}
