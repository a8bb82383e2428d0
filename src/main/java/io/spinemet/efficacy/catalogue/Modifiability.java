package io.spinemet.efficacy.catalogue;

/** Whether the care team can still change a factor, and when. */
public enum Modifiability {
    /** Fixed by the disease or its history. */
    NONE,
    /** Can be corrected before the operation (for example nutrition). */
    BEFORE_SURGERY,
    /** A treatment decided around or after the operation (radiotherapy, targeted drugs). */
    AFTER_SURGERY;

    public boolean modifiable() {
        return this != NONE;
    }
}
