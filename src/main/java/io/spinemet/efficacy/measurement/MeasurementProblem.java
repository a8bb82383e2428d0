package io.spinemet.efficacy.measurement;

/**
 * Why a measurement (or a combination of them) was refused. Never carries the value itself.
 *
 * @param measurement the measurement id as sent (possibly unknown)
 * @param field       the part of it at fault: {@code unit}, {@code value}, a list index; {@code null} for the whole
 * @param detail      what is wrong
 * @param allowed     what would be accepted
 */
public record MeasurementProblem(String measurement, String field, String detail, String allowed) {

    /** The problem's place relative to the measurements object, for messages: {@code serumAlbumin/unit}. */
    public String path() {
        return field == null ? measurement : measurement + "/" + field;
    }
}
