package io.spinemet.efficacy.fhir;

import io.spinemet.efficacy.fhir.Findings.ConditionFinding;
import io.spinemet.efficacy.fhir.Findings.ConditionKind;
import io.spinemet.efficacy.fhir.Findings.MedicationUse;
import io.spinemet.efficacy.fhir.Findings.RadiotherapyFinding;
import io.spinemet.efficacy.fhir.FhirSources.ObservationSource;
import io.spinemet.efficacy.measurement.RxNormAgents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads HAPI R4 resources (searchset Bundles are unpacked) into typed {@link Findings}. Plain Java, no HTTP.
 *
 * <p>Selection rules:
 * <ul>
 *   <li>Every resource must be about the patient in context (its subject or patient reference); others are skipped.</li>
 *   <li>Observations: status {@code entered-in-error} or {@code cancelled}, no value, no effective date, dated after
 *       the hook or before the look-back window: skipped. Of the rest, the newest per measurement is used.</li>
 *   <li>Conditions: verification status {@code entered-in-error} or {@code refuted}, clinical status inactive,
 *       remission or resolved: skipped.</li>
 *   <li>MedicationRequests: only active or on-hold orders count. MedicationAdministrations, Procedures and
 *       ServiceRequests: {@code entered-in-error}, not-done and revoked are skipped.</li>
 * </ul>
 */
public final class FhirReader {

    private final FhirSources sources;
    private final Duration lookBack;

    /**
     * @param sources  what to read
     * @param lookBack how far back before the hook an Observation may be dated (default 30 days)
     */
    public FhirReader(FhirSources sources, Duration lookBack) {
        if (lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException("the look-back window must be positive: " + lookBack);
        }
        this.sources = sources;
        this.lookBack = lookBack;
    }

    public Duration lookBack() {
        return lookBack;
    }

    /**
     * Reads the resources of one patient.
     *
     * @param patientId the FHIR id of the patient in the hook's context
     * @param resources resources and searchset Bundles, as prefetched or fetched
     * @param hookTime  when the hook fired: the end of the look-back window
     */
    public Findings read(String patientId, Collection<? extends Resource> resources, Instant hookTime) {
        return read(patientId, null, resources, hookTime);
    }

    /**
     * Reads the resources of one patient, held on one FHIR server.
     *
     * @param patientId  the FHIR id of the patient in the hook's context
     * @param fhirServer the hook's {@code fhirServer}: a resource whose subject is an absolute reference to a patient
     *                   on any other server (or any absolute reference, when {@code null}) is skipped
     * @param resources  resources and searchset Bundles, as prefetched or fetched
     * @param hookTime   when the hook fired: the end of the look-back window
     */
    public Findings read(String patientId, java.net.URI fhirServer, Collection<? extends Resource> resources,
                         Instant hookTime) {
        Reader r = new Reader(patientId, fhirServer, hookTime);
        List<Resource> flat = new ArrayList<>();
        for (Resource resource : resources) {
            flatten(resource, flat);
        }
        Map<String, Medication> medicationsById = new HashMap<>();
        for (Resource res : flat) {
            if (res instanceof Medication m && m.hasIdElement()) {
                medicationsById.put(m.getIdElement().getIdPart(), m);
                if (m.getUserData(LOGICAL_ID) instanceof String own) {
                    medicationsById.putIfAbsent(own, m); // "Medication/own" beside "urn:uuid:..."
                }
            }
        }
        r.medications = medicationsById;
        for (Resource res : flat) {
            r.accept(res);
        }
        return r.findings();
    }

    /**
     * Whether {@code base} is the FHIR server {@code server}: scheme and host compared without case, the port with
     * the scheme's default filled in, the path exactly (a trailing slash aside).
     */
    static boolean sameServer(java.net.URI server, String base) {
        java.net.URI other;
        try {
            other = java.net.URI.create(base);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return server.getScheme() != null && server.getScheme().equalsIgnoreCase(other.getScheme())
                && server.getHost() != null && server.getHost().equalsIgnoreCase(other.getHost())
                && port(server) == port(other) && path(server).equals(path(other));
    }

    private static int port(java.net.URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String path(java.net.URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void flatten(Resource resource, List<Resource> into) {
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.hasResource()) {
                    flatten(entry.getResource(), into);
                }
            }
        } else if (resource != null) {
            into.add(resource);
        }
    }

    /** User data: a resource's own id when a Bundle entry's {@code urn:} fullUrl replaced it. */
    private static final String LOGICAL_ID = "spinemet.logicalId";

    /**
     * Keeps a resource's own id before its Bundle entry's {@code fullUrl} replaces it, when that fullUrl is a
     * {@code urn:uuid:} or {@code urn:oid:} (which names the entry, not the resource's {@code Type/id}: CDS Hooks'
     * {@code selections} and the card's provenance use {@code Type/id}).
     */
    public static void keepLogicalId(Resource resource) {
        String own = resource.getIdElement().getIdPart();
        if (own != null && !own.startsWith("urn:")) {
            resource.setUserData(LOGICAL_ID, own);
        }
    }

    /** {@code Type/id} of a resource: its own id, also when a {@code urn:} fullUrl stands in for it. */
    public static String reference(Resource resource) {
        Object own = resource.getUserData(LOGICAL_ID);
        String id = own instanceof String s && resource.getIdElement().getIdPart() != null
                && resource.getIdElement().getIdPart().startsWith("urn:") ? s : resource.getIdElement().getIdPart();
        return resource.fhirType() + "/" + (id == null ? "(no id)" : id);
    }

    private final class Reader {
        private final String patientId;
        private final java.net.URI fhirServer;
        private final Instant hookTime;
        private final Instant windowStart;
        private String patient;
        private Map<String, Medication> medications = Map.of();
        private final Map<String, Candidate> newest = new LinkedHashMap<>();
        private final List<ConditionFinding> conditions = new ArrayList<>();
        private final List<MedicationUse> medicationUses = new ArrayList<>();
        private final List<RadiotherapyFinding> radiotherapy = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();
        private final Set<String> seen = new java.util.HashSet<>();

        Reader(String patientId, java.net.URI fhirServer, Instant hookTime) {
            this.patientId = patientId;
            this.fhirServer = fhirServer;
            this.hookTime = hookTime;
            this.windowStart = hookTime.minus(lookBack);
        }

        void accept(Resource res) {
            String ref = reference(res);
            if (!seen.add(ref)) {
                return; // the same resource in two prefetch entries
            }
            if (res instanceof org.hl7.fhir.r4.model.Patient p) {
                if (patientId.equals(p.getIdElement().getIdPart())) {
                    patient = ref;
                } else {
                    skipped.add(new Skipped(ref, "another patient than the one in context"));
                }
            } else if (res instanceof Observation o) {
                if (ours(ref, o.getSubject())) {
                    observation(ref, o);
                }
            } else if (res instanceof Condition c) {
                if (ours(ref, c.getSubject())) {
                    condition(ref, c);
                }
            } else if (res instanceof MedicationRequest m) {
                if (ours(ref, m.getSubject())) {
                    medicationRequest(ref, m);
                }
            } else if (res instanceof MedicationAdministration m) {
                if (ours(ref, m.getSubject())) {
                    medicationAdministration(ref, m);
                }
            } else if (res instanceof Procedure p) {
                if (ours(ref, p.getSubject())) {
                    procedure(ref, p);
                }
            } else if (res instanceof ServiceRequest s) {
                if (ours(ref, s.getSubject())) {
                    serviceRequest(ref, s);
                }
            }
            // Medication (read by reference) and anything else: not a finding by itself
        }

        /**
         * Whether a resource is about the patient in context: its subject must be a Patient reference with that id,
         * relative or on the hook's own FHIR server. A Group, another resource type, or the same id on another server
         * is another subject.
         */
        private boolean ours(String ref, Reference subject) {
            org.hl7.fhir.instance.model.api.IIdType target = subject == null ? null : subject.getReferenceElement();
            String id = target == null ? null : target.getIdPart();
            if (id == null) {
                skipped.add(new Skipped(ref, "no subject"));
                return false;
            }
            if (target.getValue() != null && target.getValue().startsWith("urn:")) {
                skipped.add(new Skipped(ref, "its subject is a urn: reference, not Patient/{id}"));
                return false;
            }
            String type = target.getResourceType() != null ? target.getResourceType() : subject.getType();
            if (!"Patient".equals(type)) {
                skipped.add(new Skipped(ref, "its subject is not a Patient reference"));
                return false;
            }
            if (target.hasBaseUrl() && (fhirServer == null || !sameServer(fhirServer, target.getBaseUrl()))) {
                skipped.add(new Skipped(ref, "its subject is a patient on another FHIR server"));
                return false;
            }
            if (!patientId.equals(id)) {
                skipped.add(new Skipped(ref, "another patient than the one in context"));
                return false;
            }
            return true;
        }

        // Observations -------------------------------------------------------------------------------------------

        private void observation(String ref, Observation o) {
            ObservationSource source = sourceOf(o.getCode());
            if (source == null) {
                return; // not something the service reads
            }
            if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                    || o.getStatus() == Observation.ObservationStatus.CANCELLED) {
                skipped.add(new Skipped(ref, "status " + o.getStatus().toCode()));
                return;
            }
            if (!o.hasValue()) {
                skipped.add(new Skipped(ref, "no value"));
                return;
            }
            Instant effective = effective(o);
            if (effective == null) {
                skipped.add(new Skipped(ref, "no effective date"));
                return;
            }
            if (effective.isAfter(hookTime)) {
                skipped.add(new Skipped(ref, "dated after the hook"));
                return;
            }
            if (effective.isBefore(windowStart)) {
                skipped.add(new Skipped(ref, "older than the " + lookBack.toDays() + "-day look-back window"));
                return;
            }
            Object value;
            try {
                value = value(source, o.getValue());
            } catch (IllegalArgumentException e) {
                skipped.add(new Skipped(ref, e.getMessage()));
                return;
            }
            Candidate candidate = new Candidate(source.measurement(), value, ref, effective);
            Candidate current = newest.get(source.measurement());
            if (current == null) {
                newest.put(source.measurement(), candidate);
            } else if (candidate.effective.isAfter(current.effective)) {
                skipped.add(new Skipped(current.reference, "a newer value is used (" + ref + ")"));
                newest.put(source.measurement(), candidate);
            } else {
                skipped.add(new Skipped(ref, "a newer value is used (" + current.reference + ")"));
            }
        }

        private ObservationSource sourceOf(CodeableConcept code) {
            for (Coding coding : code.getCoding()) {
                for (ObservationSource s : sources.observations()) {
                    if (s.matches(coding.getSystem(), coding.getCode())) {
                        return s;
                    }
                }
            }
            return null;
        }

        private static Object value(ObservationSource source, Type value) {
            return switch (source.kind()) {
                case QUANTITY -> {
                    if (!(value instanceof Quantity q) || !q.hasValue()) {
                        throw new IllegalArgumentException("value is not a quantity");
                    }
                    if (!CodeSystems.UCUM.equals(q.getSystem()) || !q.hasCode()) {
                        throw new IllegalArgumentException("unit is not a UCUM code");
                    }
                    if (q.hasComparator()) {
                        throw new IllegalArgumentException("value is censored (" + q.getComparator().toCode() + ")");
                    }
                    yield new Reading.Quantity(q.getValue(), q.getCode());
                }
                case INTEGER -> {
                    if (value instanceof IntegerType i && i.hasValue()) {
                        yield i.getValue();
                    }
                    if (value instanceof Quantity q && q.hasValue() && !q.hasComparator()) {
                        BigDecimal v = q.getValue();
                        if (v.stripTrailingZeros().scale() <= 0) {
                            try {
                                yield v.intValueExact();
                            } catch (ArithmeticException e) {
                                throw new IllegalArgumentException("value is out of range");
                            }
                        }
                        throw new IllegalArgumentException("value is not a whole number");
                    }
                    throw new IllegalArgumentException("value is not an integer");
                }
                case CODE -> {
                    if (value instanceof CodeableConcept cc && cc.hasCoding() && cc.getCodingFirstRep().hasCode()) {
                        yield cc.getCodingFirstRep().getCode();
                    }
                    if (value instanceof StringType s && s.hasValue() && !s.getValue().isBlank()) {
                        yield s.getValue().trim();
                    }
                    throw new IllegalArgumentException("value is not a code");
                }
            };
        }

        private static Instant effective(Observation o) {
            if (o.hasEffectiveDateTimeType()) {
                return instant(o.getEffectiveDateTimeType().getValue());
            }
            if (o.hasEffectivePeriod()) {
                Period p = o.getEffectivePeriod();
                return instant(p.hasEnd() ? p.getEnd() : p.getStart());
            }
            if (o.hasEffectiveInstantType()) {
                return instant(o.getEffectiveInstantType().getValue());
            }
            return null;
        }

        // Conditions ---------------------------------------------------------------------------------------------

        private void condition(String ref, Condition c) {
            ConditionKind kind = null;
            Coding matched = null;
            for (Coding coding : c.getCode().getCoding()) {
                ConditionKind k = null;
                if (sources.spinalMetastasis().matches(coding.getSystem(), coding.getCode())) {
                    k = ConditionKind.SPINAL_METASTASIS;
                } else if (sources.visceralMetastasis().matches(coding.getSystem(), coding.getCode())) {
                    k = ConditionKind.VISCERAL_METASTASIS;
                } else if (sources.primaryCancer().matches(coding.getSystem(), coding.getCode())) {
                    k = ConditionKind.PRIMARY_CANCER;
                }
                if (k == null) {
                    continue;
                }
                // a cancer coded as "malignant tumor of <organ>", which SNOMED CT uses for primaries and metastases
                // alike, yields to any other recognised coding of the same Condition: its ICD-10 code, a primary
                // concept, or a metastasis concept
                if (kind == null || siteUnstated(matched) && !siteUnstated(coding)) {
                    kind = k;
                    matched = coding;
                }
                if (!siteUnstated(matched)) {
                    break;
                }
            }
            if (kind == null) {
                return;
            }
            if (kind == ConditionKind.SPINAL_METASTASIS && !sources.spinalMetastasis().bodySites().isEmpty()
                    && !spinalSite(c)) {
                return; // a bone metastasis outside the spine
            }
            String verification = code(c.getVerificationStatus());
            if ("entered-in-error".equals(verification) || "refuted".equals(verification)) {
                skipped.add(new Skipped(ref, "verification status " + verification));
                return;
            }
            String clinical = code(c.getClinicalStatus());
            if (clinical != null && Set.of("inactive", "remission", "resolved").contains(clinical)) {
                skipped.add(new Skipped(ref, "clinical status " + clinical));
                return;
            }
            LocalDate onset = c.hasOnsetDateTimeType() ? date(c.getOnsetDateTimeType())
                    : c.hasRecordedDate() ? date(c.getRecordedDate()) : null;
            conditions.add(new ConditionFinding(kind, matched.getSystem(), matched.getCode(), ref, onset));
        }

        /** A SNOMED CT organ grouper: a cancer in the organ, primary or not. */
        private static boolean siteUnstated(Coding coding) {
            return CodeSystems.SNOMED_CT.equals(coding.getSystem())
                    && io.spinemet.efficacy.measurement.PrimarySite.organOfGrouper(coding.getCode()).isPresent();
        }

        private boolean spinalSite(Condition c) {
            for (Coding coding : c.getCode().getCoding()) {
                // a spine-specific code needs no body site
                if (sources.spinalMetastasis().siteImplied(coding.getSystem(), coding.getCode())) {
                    return true;
                }
            }
            for (CodeableConcept site : c.getBodySite()) {
                for (Coding coding : site.getCoding()) {
                    if (sources.spinalMetastasis().qualifyingBodySite(coding.getSystem(), coding.getCode())) {
                        return true;
                    }
                }
            }
            return false;
        }

        // Medications --------------------------------------------------------------------------------------------

        private void medicationRequest(String ref, MedicationRequest m) {
            MedicationRequest.MedicationRequestStatus status = m.getStatus();
            if (status != MedicationRequest.MedicationRequestStatus.ACTIVE
                    && status != MedicationRequest.MedicationRequestStatus.ONHOLD) {
                skipped.add(new Skipped(ref, "not an active order (status "
                        + (status == null ? "missing" : status.toCode()) + ")"));
                return;
            }
            CodeableConcept agent = agent(m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null,
                    m.hasMedicationReference() ? m.getMedicationReference() : null);
            medication(ref, agent, false, m.hasAuthoredOn() ? date(m.getAuthoredOn()) : null);
        }

        private void medicationAdministration(String ref, MedicationAdministration m) {
            MedicationAdministration.MedicationAdministrationStatus status = m.getStatus();
            if (status == MedicationAdministration.MedicationAdministrationStatus.ENTEREDINERROR
                    || status == MedicationAdministration.MedicationAdministrationStatus.NOTDONE) {
                skipped.add(new Skipped(ref, "status " + status.toCode()));
                return;
            }
            CodeableConcept agent = agent(m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null,
                    m.hasMedicationReference() ? m.getMedicationReference() : null);
            LocalDate date = null;
            if (m.hasEffectiveDateTimeType()) {
                date = date(m.getEffectiveDateTimeType());
            } else if (m.hasEffectivePeriod()) {
                Period p = m.getEffectivePeriod();
                date = date(p.hasEnd() ? p.getEnd() : p.getStart());
            }
            medication(ref, agent, true, date);
        }

        private CodeableConcept agent(CodeableConcept code, Reference reference) {
            if (code != null) {
                return code;
            }
            if (reference != null) {
                Medication med = medications.get(reference.getReferenceElement().getIdPart());
                if (med != null && med.hasCode()) {
                    return med.getCode();
                }
            }
            return null;
        }

        private void medication(String ref, CodeableConcept agent, boolean administered, LocalDate date) {
            if (agent == null) {
                skipped.add(new Skipped(ref, "no coded medication"));
                return;
            }
            List<String> atc = new ArrayList<>();
            List<String> rxnorm = new ArrayList<>();
            for (Coding coding : agent.getCoding()) {
                if (CodeSystems.ATC.equals(coding.getSystem()) && coding.hasCode()) {
                    atc.add(coding.getCode());
                } else if (CodeSystems.RXNORM.equals(coding.getSystem()) && coding.hasCode()) {
                    rxnorm.add(coding.getCode());
                }
            }
            if (atc.isEmpty() && rxnorm.isEmpty()) {
                return; // neither ATC nor RxNorm: not an agent the service can classify
            }
            if (date == null) {
                skipped.add(new Skipped(ref, "no date"));
                return;
            }
            boolean translated = false;
            if (atc.isEmpty()) {
                // the codings of one concept name the same agent: any RXCUI the catalogue knows classifies it
                for (String rxcui : rxnorm) {
                    RxNormAgents.find(rxcui).map(RxNormAgents.Agent::atc).filter(c -> !atc.contains(c))
                            .ifPresent(atc::add);
                }
                translated = !atc.isEmpty();
            }
            medicationUses.add(new MedicationUse(atc, rxnorm, administered, date, ref, display(agent), translated));
        }

        /** The EHR's words for a medication: the concept's text, or else its first coding display. */
        private static String display(CodeableConcept agent) {
            if (agent.hasText() && !agent.getText().isBlank()) {
                return agent.getText();
            }
            for (Coding coding : agent.getCoding()) {
                if (coding.hasDisplay() && !coding.getDisplay().isBlank()) {
                    return coding.getDisplay();
                }
            }
            return null;
        }

        // Radiotherapy -------------------------------------------------------------------------------------------

        private boolean radiotherapy(CodeableConcept code) {
            for (Coding coding : code.getCoding()) {
                if (sources.radiotherapy().contains(new FhirSources.Code(coding.getSystem(), coding.getCode()))) {
                    return true;
                }
            }
            return false;
        }

        private void procedure(String ref, Procedure p) {
            if (!radiotherapy(p.getCode())) {
                return;
            }
            Procedure.ProcedureStatus s = p.getStatus();
            if (s == Procedure.ProcedureStatus.ENTEREDINERROR || s == Procedure.ProcedureStatus.NOTDONE) {
                skipped.add(new Skipped(ref, "status " + s.toCode()));
                return;
            }
            LocalDate date = null;
            if (p.hasPerformedDateTimeType()) {
                date = date(p.getPerformedDateTimeType());
            } else if (p.hasPerformedPeriod()) {
                date = date(p.getPerformedPeriod().getStart());
            }
            radiotherapy.add(new RadiotherapyFinding(false, date, ref));
        }

        private void serviceRequest(String ref, ServiceRequest s) {
            if (!radiotherapy(s.getCode())) {
                return;
            }
            ServiceRequest.ServiceRequestStatus st = s.getStatus();
            if (st == ServiceRequest.ServiceRequestStatus.ENTEREDINERROR
                    || st == ServiceRequest.ServiceRequestStatus.REVOKED) {
                skipped.add(new Skipped(ref, "status " + st.toCode()));
                return;
            }
            radiotherapy.add(new RadiotherapyFinding(true, s.hasAuthoredOn() ? date(s.getAuthoredOn()) : null, ref));
        }

        Findings findings() {
            Map<String, Reading> selected = new LinkedHashMap<>();
            newest.forEach((id, c) -> selected.put(id, new Reading(id, c.value,
                    Provenance.of(c.reference, c.effective.atZone(ZoneOffset.UTC).toLocalDate()))));
            return new Findings(patient, selected, conditions, medicationUses, radiotherapy, skipped);
        }
    }

    private record Candidate(String measurement, Object value, String reference, Instant effective) {
    }

    private static String code(CodeableConcept cc) {
        return cc != null && cc.hasCoding() ? cc.getCodingFirstRep().getCode() : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate date(DateTimeType dt) {
        if (dt == null || !dt.hasValue()) {
            return null;
        }
        return LocalDate.of(dt.getYear(), dt.getMonth() + 1, dt.getDay());
    }
}
