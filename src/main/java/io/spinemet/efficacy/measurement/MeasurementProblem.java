package io.spinemet.efficacy.measurement;

/**
 * Why a measurement (or a combination of them) was refused. Never carries the value itself.
 *
 * @param path    where, relative to the measurements object: {@code serumAlbumin}, {@code serumAlbumin/unit},
 *                {@code anticancerDrugs/2}
 * @param detail  what is wrong
 * @param allowed what would be accepted
 */
public record MeasurementProblem(String path, String detail, String allowed) {
}
