package io.spinemet.efficacy.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** A Barthel index coded with LOINC 96761-2 reaches the performance-status rule (poor when Barthel <= 60). */
class BarthelObservationTest {

    static final Instant HOOK = Instant.parse("2026-11-28T12:00:00Z");

    static Observation barthel(int total) {
        Observation o = new Observation();
        o.setId("b1");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(CodeSystems.LOINC, "96761-2", "Total score Barthel Index")));
        o.setSubject(new Reference("Patient/p1"));
        o.setEffective(new DateTimeType("2026-11-27"));
        o.setValue(new IntegerType(total));
        return o;
    }

    static Object poorPerformance(int total) {
        Findings f = new FhirReader(StandardSources.standard(), Duration.ofDays(30))
                .read("p1", List.of(barthel(total)), HOOK);
        assertEquals(total, f.observation(MeasurementCatalogue.BARTHEL).orElseThrow().value());
        MeasurementMapping.Mapped m = MeasurementMapping.map(f, LocalDate.parse("2026-11-28"), Duration.ofDays(30));
        assertEquals(List.of("Observation/b1"), m.references().get(MeasurementCatalogue.BARTHEL));
        return FactorDerivation.derive(m.measurements().measurements()).factors().get("poorPerformanceStatus");
    }

    @Test
    void barthelSixtyIsPoorAndSixtyFiveIsNot() {
        // data dictionary §2(3): poor performance status is Barthel <= 60
        assertEquals(true, poorPerformance(60));
        assertEquals(false, poorPerformance(65));
    }
}
