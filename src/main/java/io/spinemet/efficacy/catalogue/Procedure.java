package io.spinemet.efficacy.catalogue;

import java.util.Optional;

/** The two palliative operations the study analysed, each with its own model. */
public enum Procedure {
    /** Percutaneous vertebroplasty. */
    PVP("Percutaneous vertebroplasty", "pvp"),
    /** Palliative debulking decompression surgery. */
    DECOMPRESSION("Palliative debulking decompression surgery", "decompression");

    private final String label;
    private final String slug;

    Procedure(String label, String slug) {
        this.label = label;
        this.slug = slug;
    }

    public String label() {
        return label;
    }

    /** Lower-case name used in file names and URLs ({@code models/pvp.json}, {@code /models/pvp}). */
    public String slug() {
        return slug;
    }

    /** Parses the id ({@code PVP}) or the slug ({@code pvp}) in any case ({@code Pvp}); nothing else. */
    public static Optional<Procedure> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Procedure p : values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static final String ALLOWED = String.join(", ",
            java.util.Arrays.stream(values()).map(Enum::name).toList());

    /** The allowed spellings, for error messages. */
    public static String allowed() {
        return ALLOWED;
    }
}
