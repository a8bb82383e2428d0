package io.spinemet.efficacy.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/factors.md}, which model cards cite, states every factor's definition and source exactly as the
 * catalogue does. Regenerate with {@code -Dspinemet.writeDocs=true} after changing the catalogue.
 */
class FactorDocsTest {
    private static final Path DOCS = Path.of("docs/factors.md");

    static String render() {
        StringBuilder md = new StringBuilder("# Factor definitions\n\n")
                .append("The factors the models use, as the factor catalogue ")
                .append("(`io.spinemet.efficacy.catalogue.FactorCatalogue`) defines them: the operational definition, ")
                .append("its cut-off and where that cut-off comes from. The study itself named its factors without ")
                .append("definitions (`docs/study.md`); these are this project's choices. A test keeps this page ")
                .append("equal to the catalogue.\n");
        for (Factor f : FactorCatalogue.FACTORS) {
            md.append("\n## `").append(f.id()).append("`: ").append(f.label()).append("\n\n")
                    .append("- **Definition:** ").append(f.definition()).append('\n')
                    .append("- **Source of the cut-off:** ").append(f.source()).append('\n')
                    .append("- **Values:** ").append(f.allowedValues()).append('\n')
                    .append("- **Procedures:** ").append(f.procedures().stream().sorted().map(Enum::name)
                            .collect(Collectors.joining(", "))).append('\n')
                    .append("- **Study's risk level:** ").append(f.riskValue() == null ? "none named" : f.riskValue())
                    .append(f.independentIn().isEmpty() ? "" : "; reported as independent in " + f.independentIn()
                            .stream().sorted().map(Enum::name).collect(Collectors.joining(", ")))
                    .append('\n')
                    .append("- **Modifiable:** ").append(f.modifiability().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ')).append('\n');
        }
        return md.toString();
    }

    @Test
    void docsMatchTheCatalogue() throws Exception {
        if (Boolean.getBoolean("spinemet.writeDocs")) {
            Files.writeString(DOCS, render());
        }
        assertEquals(render(), Files.readString(DOCS), "docs/factors.md drifted from the catalogue; regenerate it");
    }
}
