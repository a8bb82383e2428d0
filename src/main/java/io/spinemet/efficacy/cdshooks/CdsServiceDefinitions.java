package io.spinemet.efficacy.cdshooks;

import io.spinemet.efficacy.fhir.FhirSources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CDS services this server offers, with their prefetch templates. The templates ask for exactly the resources
 * {@link io.spinemet.efficacy.fhir.FhirReader} reads, built from the same {@link FhirSources}.
 */
public final class CdsServiceDefinitions {

    public static final String ORDER_SELECT = "spinemet-order-select";
    public static final String ORDER_SIGN = "spinemet-order-sign";
    public static final String PATIENT_VIEW = "spinemet-patient-view";

    /** The prefetch key of the patient: the only key that is not needed for a prediction. */
    public static final String PATIENT_KEY = "patient";

    private static final String USAGE = "Research use only: the models were trained on a cohort reconstructed from "
            + "published figures. Needs, by prefetch or by FHIR access (fhirServer with fhirAuthorization), the "
            + "patient's recent Observations (serum albumin, KPS or ECOG, Frankel grade for decompression), cancer "
            + "Conditions, anticancer MedicationRequests and MedicationAdministrations (ATC-coded) and radiotherapy "
            + "Procedures and ServiceRequests. Missing inputs are listed on the card, never defaulted.";

    /**
     * One service.
     *
     * @param id          the {id} of {@code /cds-services/{id}}
     * @param hook        the hook it answers
     * @param title       human title
     * @param description what it does
     * @param prefetch    prefetch key to FHIR query template
     */
    public record Service(String id, String hook, String title, String description, Map<String, String> prefetch,
                          String usageRequirements) {
    }

    private final List<Service> services;

    public CdsServiceDefinitions(FhirSources sources) {
        Map<String, String> prefetch = prefetch(sources);
        this.services = List.of(
                new Service(ORDER_SELECT, "order-select", "Efficacy of palliative spine surgery (order selection)",
                        "When a percutaneous vertebroplasty or a palliative decompression is selected for a patient "
                                + "with spinal metastases, shows the predicted probability of good efficacy (symptom "
                                + "relief lasting more than 3 months) with its 95% CI, for that operation and for the "
                                + "alternative. Other orders get no card.", prefetch, USAGE),
                new Service(ORDER_SIGN, "order-sign", "Efficacy of palliative spine surgery (order signing)",
                        "The same prediction as at order selection, shown again when the operation is signed.",
                        prefetch, USAGE),
                new Service(PATIENT_VIEW, "patient-view", "Palliative spine surgery: PVP against decompression",
                        "For a patient with a spinal-metastasis condition, compares the predicted probability of "
                                + "good efficacy after percutaneous vertebroplasty and after palliative decompression.",
                        prefetch, USAGE));
    }

    public List<Service> all() {
        return services;
    }

    public Optional<Service> find(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The prefetch templates: exactly the resource types and codes the reader uses. */
    static Map<String, String> prefetch(FhirSources sources) {
        String patient = "patient={{context.patientId}}";
        String observationCodes = sources.observations().stream().flatMap(o -> o.codes().stream())
                .map(c -> c.system() + "|" + c.code()).sorted().distinct().collect(Collectors.joining(","));
        String radiotherapyCodes = sources.radiotherapy().stream().map(c -> c.system() + "|" + c.code()).sorted()
                .collect(Collectors.joining(","));
        Map<String, String> prefetch = new LinkedHashMap<>();
        prefetch.put(PATIENT_KEY, "Patient/{{context.patientId}}");
        prefetch.put("observations", "Observation?" + patient + "&code=" + observationCodes);
        prefetch.put("conditions", "Condition?" + patient);
        prefetch.put("medicationRequests", "MedicationRequest?" + patient);
        prefetch.put("medicationAdministrations", "MedicationAdministration?" + patient);
        prefetch.put("radiotherapyProcedures", "Procedure?" + patient + "&code=" + radiotherapyCodes);
        prefetch.put("radiotherapyRequests", "ServiceRequest?" + patient + "&code=" + radiotherapyCodes);
        return java.util.Collections.unmodifiableMap(prefetch);
    }

    /** The FHIR resource types the templates may read: nothing else is ever fetched. */
    public static final List<String> RESOURCE_TYPES = List.of("Patient", "Observation", "Condition",
            "MedicationRequest", "MedicationAdministration", "Procedure", "ServiceRequest");
}
