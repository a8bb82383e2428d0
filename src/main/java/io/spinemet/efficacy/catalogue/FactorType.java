package io.spinemet.efficacy.catalogue;

/** How a factor's value is written and encoded. */
public enum FactorType {
    /** Yes/no; JSON {@code true}/{@code false}, CSV {@code 0}/{@code 1} or {@code true}/{@code false}. */
    BOOLEAN,
    /** One of a fixed list of upper-case levels; JSON and CSV write the level itself. */
    CATEGORICAL,
    /** A whole count with a lower bound; enters a model as one linear term. */
    INTEGER
}
