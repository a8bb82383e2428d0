package io.spinemet.efficacy.modelfile;

/** Names shared by every model file. */
public final class Terms {

    /** The intercept's term name, as R prints it. */
    public static final String INTERCEPT = "(Intercept)";

    private Terms() {
    }
}
