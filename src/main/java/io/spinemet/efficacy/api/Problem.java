package io.spinemet.efficacy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json} for every 4xx and 5xx.
 *
 * @param type     URI naming the kind of problem
 * @param title    short summary of the kind
 * @param status   HTTP status
 * @param detail   what went wrong with this request
 * @param instance the request path
 * @param errors   the offending fields, each with a JSON Pointer (or CSV line and column) and what is allowed; at
 *                 most {@link io.spinemet.efficacy.api.problem.ErrorList#CAP}
 * @param errorsOmitted how many further problems were found but not listed; absent when all are listed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
public record Problem(
        @Schema(description = "URI naming the kind of problem.", examples = "urn:spinemet:problem:invalid-request")
        String type,
        @Schema(examples = "The request is not valid") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "2 problem(s) in the request; see errors.") String detail,
        @Schema(examples = "/api/v1/predictions") String instance,
        @Schema(description = "The offending fields: every one, or the first "
                + io.spinemet.efficacy.api.problem.ErrorList.CAP + " when there are more.")
        List<FieldError> errors,
        @Schema(description = "How many further problems were found but not listed (absent when errors lists "
                + "them all).", examples = "149900") Long errorsOmitted) {

    /** A problem whose errors are all listed. */
    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /**
     * One offending field.
     *
     * @param pointer JSON Pointer (RFC 6901) to the field in the request body; {@code ""} is the whole body; absent
     *                for CSV problems
     * @param line    CSV problems: 1-based line (the header is line 1)
     * @param column  CSV problems: the column's name
     * @param detail  what is wrong
     * @param allowed what would be accepted
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError", description = "One offending field of the request.")
    public record FieldError(
            @Schema(description = "JSON Pointer (RFC 6901) to the field in the request body.",
                    examples = "/factors/malnutrition") String pointer,
            @Schema(description = "CSV requests: 1-based line, the header being line 1.", examples = "3") Long line,
            @Schema(description = "CSV requests: the column's name.", examples = "malnutrition") String column,
            @Schema(examples = "must be a JSON boolean; got a string") String detail,
            @Schema(description = "What would be accepted.", examples = "true or false") String allowed) {

        public static FieldError at(String pointer, String detail, String allowed) {
            return new FieldError(pointer, null, null, detail, allowed);
        }
    }
}
