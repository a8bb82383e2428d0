package io.spinemet.efficacy.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The CDS Hooks 2.0 response shapes. Optional fields that have no value are left out, never null or empty (the
 * specification's "Null and empty JSON elements"); {@code cards} is the one array that may be empty.
 */
public final class CdsJson {

    private CdsJson() {
    }

    /** The discovery response. */
    public record Discovery(List<Service> services) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"hook", "id", "title", "description", "prefetch", "usageRequirements"})
    public record Service(String hook, String id, String title, String description, Map<String, String> prefetch,
                          String usageRequirements) {
    }

    /** A service's answer: {@code cards}, possibly empty. */
    public record Response(List<Card> cards) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"uuid", "summary", "indicator", "detail", "source", "links", "extension"})
    public record Card(String uuid, String summary, String indicator, String detail, Source source, List<Link> links,
                       Map<String, Object> extension) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String label, String url, Coding topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(String label, String url, String type) {
    }
}
