package io.spinemet.efficacy.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.spinemet.efficacy.api.Problem.FieldError;
import io.spinemet.efficacy.api.ProblemException;
import io.spinemet.efficacy.catalogue.Procedure;
import io.spinemet.efficacy.fhir.FhirReader;
import io.spinemet.efficacy.fhir.FhirSources;
import io.spinemet.efficacy.fhir.Findings;
import io.spinemet.efficacy.fhir.MeasurementMapping;
import io.spinemet.efficacy.fhir.StandardSources;
import io.spinemet.efficacy.measurement.FactorDerivation;
import io.spinemet.efficacy.scoring.ModelRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The CDS services: a call is checked, its FHIR data gathered (prefetch, then fetch), read into findings, mapped to
 * measurements, derived into factors by the measurement layer, scored and put on one card.
 */
@Singleton
public class CdsHooks {

    private final CdsSettings settings;
    private final FhirContexts fhir;
    private final FhirSources sources = StandardSources.standard();
    private final CdsServiceDefinitions services = new CdsServiceDefinitions(sources);
    private final FhirReader reader;
    private final FhirFetcher fetcher;
    private final CardBuilder cards;
    private final Map<String, Procedure> procedureCodes;
    private final MeterRegistry meters;
    private final Clock clock;

    @Inject
    public CdsHooks(CdsSettings settings, FhirContexts fhir, ModelRegistry models, MeterRegistry meters) {
        this(settings, fhir, models, meters, settings.fixedTime().map(t -> Clock.fixed(t, ZoneOffset.UTC))
                .orElse(Clock.systemUTC()));
    }

    CdsHooks(CdsSettings settings, FhirContexts fhir, ModelRegistry models, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.fhir = fhir;
        this.reader = new FhirReader(sources, settings.lookBack());
        this.fetcher = new FhirFetcher(settings.callTimeout(), settings.hookBudget(), settings.maxPages());
        this.cards = new CardBuilder(settings.serviceUrl(), models::get);
        this.procedureCodes = procedureCodes(settings.procedureCodes());
        this.meters = meters;
        this.clock = clock;
    }

    /** {@code system|code} to procedure, from configuration; a malformed entry or an unknown procedure stops start-up. */
    static Map<String, Procedure> procedureCodes(Map<String, List<String>> configured) {
        Map<String, Procedure> codes = new HashMap<>();
        configured.forEach((slug, list) -> {
            Procedure p = Procedure.parse(slug).orElseThrow(() -> new IllegalStateException(
                    "spinemet.cds.procedure-codes." + slug + ": not a procedure (" + Procedure.allowed() + ")"));
            for (String entry : list) {
                int bar = entry.indexOf('|');
                if (bar <= 0 || bar == entry.length() - 1) {
                    throw new IllegalStateException("spinemet.cds.procedure-codes." + slug
                            + ": entries must be system|code");
                }
                Procedure previous = codes.put(entry.trim(), p);
                if (previous != null && previous != p) {
                    throw new IllegalStateException("spinemet.cds.procedure-codes: one code maps to two procedures");
                }
            }
        });
        return Map.copyOf(codes);
    }

    public CdsServiceDefinitions services() {
        return services;
    }

    public FhirSources sources() {
        return sources;
    }

    /**
     * Whether a call can be answered without waiting on anything: the FHIR context is ready and the prefetch holds
     * every key of the service (an entry may be {@code null}, "no data"), none of them a search page with a next
     * link. Such a call only computes, so it may run on an I/O thread; any other call may query the FHIR server and
     * must run on a worker thread. Errs towards the worker: a malformed call is answered there too.
     */
    public boolean answersFromPrefetch(String serviceId, JsonNode body) {
        Optional<CdsServiceDefinitions.Service> service = services.find(serviceId);
        JsonNode prefetch = body.get("prefetch");
        if (service.isEmpty() || !fhir.ready() || prefetch == null || !prefetch.isObject()) {
            return false;
        }
        for (String key : service.get().prefetch().keySet()) {
            JsonNode entry = prefetch.get(key);
            if (entry == null) {
                return false;
            }
            JsonNode links = entry.path("link");
            if (!links.isMissingNode() && !links.isArray()) {
                return false;   // not what FHIR allows: let the worker find out what HAPI makes of it
            }
            for (JsonNode link : links) {
                if (!link.path("relation").isTextual() || "next".equals(link.path("relation").asText())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Answers one service call. */
    public CdsJson.Response call(String serviceId, JsonNode body) {
        CdsServiceDefinitions.Service service = services.find(serviceId).orElseThrow(() -> new ProblemException(404,
                "urn:spinemet:problem:unknown-cds-service", "Unknown CDS service",
                "There is no CDS service with this id; GET /cds-services lists them.", List.of()));
        HookRequest request = HookRequest.parse(body, service);
        Instant now = clock.instant();
        List<Procedure> shown;
        boolean selected;
        if (service.hook().equals("patient-view")) {
            shown = List.of(Procedure.PVP, Procedure.DECOMPRESSION);
            selected = false;
        } else {
            Optional<Procedure> ordered = orderedProcedure(request);
            if (ordered.isEmpty()) {
                count(serviceId, "no-procedure-order");
                return new CdsJson.Response(List.of());
            }
            Procedure first = ordered.get();
            Procedure other = first == Procedure.PVP ? Procedure.DECOMPRESSION : Procedure.PVP;
            shown = List.of(first, other);
            selected = true;
        }
        FhirContext context = fhir.r4();
        PatientData.Gathered data = PatientData.gather(request, service, context, fetcher);
        if (!data.blocking().isEmpty()) {
            count(serviceId, "precondition-failed");
            throw new PreconditionFailed(data.blocking());
        }
        Findings findings = reader.read(request.patientId(), request.fhirServer(), data.resources(), now);
        if (service.hook().equals("patient-view") && !findings.hasSpinalMetastasis()) {
            count(serviceId, "no-spinal-metastasis");
            return new CdsJson.Response(List.of());
        }
        MeasurementMapping.Mapped mapped = MeasurementMapping.map(findings, now.atZone(ZoneOffset.UTC).toLocalDate(),
                settings.lookBack());
        FactorDerivation.Derivation derivation = FactorDerivation.derive(mapped.measurements().measurements());
        CdsJson.Card card = cards.card(shown, selected, findings, mapped, derivation, data.incomplete().stream()
                .map(i -> "prefetch key '" + i.key() + "': " + i.reason()).toList());
        count(serviceId, "card");
        return new CdsJson.Response(List.of(card));
    }

    /**
     * The operation named by the draft orders: for order-select, among the orders in {@code context.selections}
     * (all draft orders when none are listed); for order-sign, among all draft orders.
     */
    private Optional<Procedure> orderedProcedure(HookRequest request) {
        JsonNode draft = request.context().get("draftOrders");
        if (draft == null || !draft.isObject()) {
            throw ProblemException.invalid(List.of(FieldError.at("/context/draftOrders", "required Bundle is missing",
                    "a FHIR Bundle of draft orders")));
        }
        Bundle bundle;
        try {
            bundle = FhirJson.parse(FhirJson.parser(fhir.r4()), (ObjectNode) draft, Bundle.class);
        } catch (RuntimeException e) {
            throw ProblemException.invalid(List.of(FieldError.at("/context/draftOrders", "is not a FHIR R4 Bundle",
                    "a FHIR Bundle of draft orders")));
        }
        Set<String> selections = new HashSet<>();
        JsonNode sel = request.context().get("selections");
        if (sel != null && sel.isArray()) {
            sel.forEach(s -> selections.add(s.asText()));
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof ServiceRequest order) {
                String ref = FhirReader.reference(order);
                if (!selections.isEmpty() && !selections.contains(ref)) {
                    continue;
                }
                for (Coding coding : order.getCode().getCoding()) {
                    Procedure p = procedureCodes.get(coding.getSystem() + "|" + coding.getCode());
                    if (p != null) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The 412 body: a FHIR OperationOutcome with one issue per template whose data is unavailable. */
    public String operationOutcome(List<PatientData.Unavailable> unavailable) {
        OperationOutcome outcome = new OperationOutcome();
        for (PatientData.Unavailable u : unavailable) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.INCOMPLETE)
                    .setDiagnostics("prefetch key '" + u.key() + "' (" + u.template() + "): " + u.reason())
                    .addExpression("prefetch." + u.key());
        }
        return fhir.r4().newJsonParser().encodeResourceToString(outcome);
    }

    private void count(String service, String result) {
        Counter.builder("spinemet.cds.calls").tag("service", service).tag("result", result)
                .description("CDS Hooks service calls, by result").register(meters).increment();
    }

    private static boolean isoTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean acceptedSuggestions(JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            return false;
        }
        for (JsonNode s : list) {
            if (!s.path("id").isTextual() || s.get("id").asText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Counts feedback per service and outcome; nothing else is kept (the user's comment may name the patient). */
    public int feedback(String serviceId, JsonNode body) {
        if (services.find(serviceId).isEmpty()) {
            throw new ProblemException(404, "urn:spinemet:problem:unknown-cds-service", "Unknown CDS service",
                    "There is no CDS service with this id; GET /cds-services lists them.", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("feedback");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ProblemException.invalid(List.of(FieldError.at("/feedback", "required non-empty array is missing",
                    "an array of feedback objects")));
        }
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            String at = "/feedback/" + i;
            if (!f.isObject()) {
                errors.add(FieldError.at(at, "must be an object", "card, outcome, outcomeTimestamp"));
                continue;
            }
            if (!f.path("card").isTextual() || f.path("card").asText().isBlank()) {
                errors.add(FieldError.at(at + "/card", "required string is missing", "the card's uuid"));
            }
            String outcome = f.path("outcome").asText("");
            if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
                errors.add(FieldError.at(at + "/outcome", "not an allowed outcome", "accepted or overridden"));
            }
            if (!f.path("outcomeTimestamp").isTextual()) {
                errors.add(FieldError.at(at + "/outcomeTimestamp", "required string is missing",
                        "an ISO 8601 timestamp in UTC"));
            } else if (!isoTimestamp(f.get("outcomeTimestamp").asText())) {
                errors.add(FieldError.at(at + "/outcomeTimestamp", "is not an ISO 8601 timestamp",
                        "an ISO 8601 timestamp in UTC, e.g. 2026-11-28T12:00:00Z"));
            }
            // CDS Hooks 2.0 feedback: acceptedSuggestions is "required for accepted outcomes" (objects with the id
            // of a suggestion); overrideReason, when given, is an object.
            if (outcome.equals("accepted") && !acceptedSuggestions(f.get("acceptedSuggestions"))) {
                errors.add(FieldError.at(at + "/acceptedSuggestions", "required for an accepted outcome",
                        "a non-empty array of objects with the accepted suggestion's id"));
            }
            if (f.has("overrideReason") && !f.get("overrideReason").isObject()) {
                errors.add(FieldError.at(at + "/overrideReason", "must be an object", "reason (a Coding), userComment"));
            }
            outcomes.add(outcome);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (String outcome : outcomes) {
            Counter.builder("spinemet.cds.feedback").tag("service", serviceId).tag("outcome", outcome)
                    .description("CDS Hooks card feedback, by outcome (no content is kept)").register(meters)
                    .increment();
        }
        return outcomes.size();
    }
}
