package io.spinemet.efficacy.catalogue;

import java.util.stream.Collectors;

/** The catalogue rendered for the README, so the docs cannot drift from the code (a test compares them). */
public final class CatalogueDocs {

    private CatalogueDocs() {
    }

    /** A Markdown table of every factor: id, type and values, reference, procedures, modifiability, definition. */
    public static String markdownTable() {
        StringBuilder md = new StringBuilder("| id | values | reference | procedures | modifiable | definition |\n"
                + "|---|---|---|---|---|---|\n");
        for (Factor f : FactorCatalogue.FACTORS) {
            md.append("| `").append(f.id()).append("` | ").append(f.allowedValues()).append(" | ")
                    .append(f.referenceLevel() == null ? "-" : "`" + f.referenceLevel() + "`").append(" | ")
                    .append(f.procedures().size() == Procedure.values().length ? "both"
                            : f.procedures().stream().map(Procedure::name).sorted().collect(Collectors.joining(", ")))
                    .append(" | ").append(f.modifiable() ? f.modifiability().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            : "no")
                    .append(" | ").append(f.definition()).append(" |\n");
        }
        return md.toString();
    }
}
