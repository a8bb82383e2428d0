package io.spinemet.efficacy.measurement;

/** How a measurement's value is written in JSON (contract C). */
public enum ValueType {
    /** A number with a UCUM unit: {@code {"value": 3.2, "unit": "g/dL"}}. */
    QUANTITY,
    /** A JSON integer (a score or a count). */
    INTEGER,
    /** One string from the measurement's allowed codes. */
    CODE,
    /** An array of strings (for example ATC codes). */
    CODE_LIST,
    /** A calendar date, {@code "YYYY-MM-DD"}. */
    DATE
}
