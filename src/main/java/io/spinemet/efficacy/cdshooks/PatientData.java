package io.spinemet.efficacy.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Collects a hook's FHIR data, template by template (CDS Hooks 2.0, "Prefetch Template"):
 * <ul>
 *   <li>a prefetched resource or Bundle is used as it is;</li>
 *   <li>a {@code null} entry means the client has no such data: nothing to read, nothing missing;</li>
 *   <li>an OperationOutcome means the client failed to prefetch it and tells the service not to query again: the data
 *       is unavailable;</li>
 *   <li>an absent key is fetched from {@code fhirServer} when the call gives {@code fhirAuthorization}, following a
 *       paged search's {@code next} links on that server (see {@link FhirFetcher}); otherwise, or when the fetch
 *       fails, the data is unavailable. A search cut off at the page cap is used, and noted as possibly
 *       incomplete;</li>
 *   <li>a prefetched Bundle with a {@code next} link (the first page of a search) is completed from
 *       {@code fhirServer} in the same way when the call gives {@code fhirAuthorization}; otherwise it is
 *       unavailable.</li>
 * </ul>
 * Unavailable data other than the Patient makes the hook answer 412.
 */
public final class PatientData {

    /** How one template was satisfied. */
    public enum Source { PREFETCH, NO_DATA, FETCHED, PREFETCH_AND_FETCHED }

    /**
     * A template whose data could be had neither way.
     *
     * @param key      the prefetch key
     * @param template its template
     * @param reason   why
     */
    public record Unavailable(String key, String template, String reason) {
    }

    /**
     * Data that was read but may not be all there is (a search cut off at the page cap).
     *
     * @param key    the prefetch key
     * @param reason why it may be incomplete
     */
    public record Incomplete(String key, String reason) {
    }

    /**
     * @param resources   everything read, Bundles included
     * @param sources     how each key was satisfied
     * @param unavailable keys whose data could not be had
     * @param incomplete  keys whose data was read but may be incomplete
     */
    public record Gathered(List<Resource> resources, Map<String, Source> sources, List<Unavailable> unavailable,
                           List<Incomplete> incomplete) {
        /** Unavailable data that a prediction needs: everything but the Patient resource. */
        public List<Unavailable> blocking() {
            return unavailable.stream().filter(u -> !CdsServiceDefinitions.PATIENT_KEY.equals(u.key())).toList();
        }
    }

    private PatientData() {
    }

    public static Gathered gather(HookRequest request, CdsServiceDefinitions.Service service, FhirContext fhir,
                                  FhirFetcher fetcher) {
        IJsonLikeParser parser = FhirJson.parser(fhir);
        List<Resource> resources = new ArrayList<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        List<Unavailable> unavailable = new ArrayList<>();
        List<Incomplete> incomplete = new ArrayList<>();
        Map<String, String> toFetch = new LinkedHashMap<>();
        Map<String, Bundle> continued = new LinkedHashMap<>();
        for (Map.Entry<String, String> template : service.prefetch().entrySet()) {
            String key = template.getKey();
            JsonNode entry = request.prefetch() == null ? null : request.prefetch().get(key);
            if (request.prefetch() != null && request.prefetch().has(key) && (entry == null || entry.isNull())) {
                sources.put(key, Source.NO_DATA);
                continue;
            }
            if (entry != null) {
                IBaseResource parsed = FhirJson.parseOrNull(parser, entry);
                if (parsed instanceof Bundle first && first.getLink(Bundle.LINK_NEXT) != null && request.canFetch()) {
                    // the first page of a search: the rest is read from fhirServer, after the same checks
                    String problem = accept(parsed, true, new ArrayList<>());
                    if (problem == null) {
                        continued.put(key, first);
                    } else {
                        unavailable.add(new Unavailable(key, template.getValue(), "prefetch: " + problem));
                    }
                    continue;
                }
                String problem = accept(parsed, false, resources);
                if (problem == null) {
                    sources.put(key, Source.PREFETCH);
                } else {
                    unavailable.add(new Unavailable(key, template.getValue(), "prefetch: " + problem));
                }
                continue;
            }
            if (request.canFetch()) {
                toFetch.put(key, expand(template.getValue(), request));
            } else {
                unavailable.add(new Unavailable(key, template.getValue(),
                        "not prefetched, and the call gives no fhirServer with fhirAuthorization to fetch it"));
            }
        }
        if (!toFetch.isEmpty() || !continued.isEmpty()) {
            Map<String, FhirFetcher.Result> fetched = fetcher.fetch(request.fhirServer(), request.accessToken(),
                    toFetch, continued, fhir);
            fetched.forEach((key, result) -> {
                String problem = result.failure();
                List<Resource> read = new ArrayList<>();
                for (int i = 0; problem == null && i < result.pages().size(); i++) {
                    problem = accept(result.pages().get(i), true, read);
                }
                if (problem == null) {
                    resources.addAll(read);
                    sources.put(key, continued.containsKey(key) ? Source.PREFETCH_AND_FETCHED : Source.FETCHED);
                    if (result.incomplete() != null) {
                        incomplete.add(new Incomplete(key, result.incomplete()));
                    }
                } else {
                    unavailable.add(new Unavailable(key, service.prefetch().get(key),
                            (continued.containsKey(key) ? "fetching the pages after the prefetched one: " : "fetch: ")
                                    + problem));
                }
            });
        }
        return new Gathered(resources, sources, unavailable, incomplete);
    }

    /**
     * Adds one parsed resource to {@code into}; returns why it cannot be used, or {@code null}.
     *
     * @param paged whether the fetcher has already followed (or capped) its next links
     */
    private static String accept(IBaseResource parsed, boolean paged, List<Resource> into) {
        if (parsed == null) {
            return "not a FHIR R4 resource";
        }
        if (parsed instanceof OperationOutcome) {
            return "the client reported an error (OperationOutcome)";
        }
        if (parsed instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof OperationOutcome outcome && isError(outcome)) {
                    return "the client reported an error (OperationOutcome in the Bundle)";
                }
            }
            if (!paged && bundle.getLink(Bundle.LINK_NEXT) != null) {
                return "the Bundle is paginated (has a next link); send all pages";
            }
        }
        if (!(parsed instanceof Resource resource)) {
            return "not a FHIR R4 resource";
        }
        into.add(resource);
        return null;
    }

    /** An OperationOutcome with an error or fatal issue; information and warnings in a searchset do not count. */
    private static boolean isError(OperationOutcome outcome) {
        return outcome.getIssue().stream().anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
    }

    /** Fills the template's tokens from the (checked) context. */
    static String expand(String template, HookRequest request) {
        return template.replace("{{context.patientId}}", request.patientId());
    }
}
