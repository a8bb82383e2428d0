package io.spinemet.efficacy.fhir;

/**
 * A resource that matched what the service looks for but was not used, and why (entered in error, cancelled, no
 * value, outside the look-back window, older than another one, ...). Shown to the clinician so that nothing is dropped
 * silently.
 *
 * @param reference the resource ({@code Observation/123})
 * @param reason    why it was not used
 */
public record Skipped(String reference, String reason) {
}
