package io.spinemet.efficacy.measurement;

/**
 * One value a CODE measurement accepts.
 *
 * @param code  the exact string to send
 * @param label what it means
 */
public record AllowedValue(String code, String label) {
}
