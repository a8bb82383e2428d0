package io.spinemet.efficacy.scores;

import io.spinemet.efficacy.measurement.AllowedValue;
import io.spinemet.efficacy.measurement.CytotoxicAgents;
import io.spinemet.efficacy.measurement.Derives;
import io.spinemet.efficacy.measurement.Measurement;
import io.spinemet.efficacy.measurement.MeasurementCatalogue;
import io.spinemet.efficacy.measurement.MeasurementColumns;
import io.spinemet.efficacy.measurement.Measurements;
import io.spinemet.efficacy.measurement.PrimarySite;
import io.spinemet.efficacy.measurement.StandardCode;
import io.spinemet.efficacy.measurement.RxNormAgents;
import io.spinemet.efficacy.measurement.TargetedAgents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code docs/measurements.md}, rendered from the measurement catalogue and the score code, so the docs cannot drift
 * from what the service does (a test compares them). The score tables are produced by running the scoring functions
 * on every input value, so they show what the code computes; the tests check that against the published tables.
 */
public final class MeasurementDocs {

    private MeasurementDocs() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Measurements, derivation rules and scores\n\n")
                .append("<!-- Generated from io.spinemet.efficacy.measurement.MeasurementCatalogue and the scores "
                        + "package by MeasurementDocs; MeasurementDocsTest fails when this file drifts. -->\n\n")
                .append("Health records hold raw values (an albumin in g/dL, a KPS, dates, drug codes), not the "
                        + "study's yes/no factors. The service accepts these values as `measurements` "
                        + "(`POST /api/v1/predictions`, `/comparison`, `/batch`, `POST /api/v1/scores`; listed by "
                        + "`GET /api/v1/measurements`), checks each against a plausible range (a value outside it "
                        + "is refused, never clamped), converts units with the UCUM library `org.fhir:ucum` "
                        + "(the units listed below or any other UCUM unit of the same kind, such as `g/dl` or "
                        + "`/mm3`; exact decimal arithmetic; one cached factor per unit pair), and derives the factors "
                        + "with the rules below. Each derived factor is returned in `derivedFactors` with the "
                        + "values it came from (as sent and in the canonical unit), the rule, the cut-off and the "
                        + "source. When a KPS and an ECOG grade given together lie two or more steps apart on the "
                        + "KPS-ECOG correspondence, `poorPerformanceStatus` (poor when any scale is) carries a `note` "
                        + "asking to check both entries and their dates; a CDS card shows it among its warnings. "
                        + "A factor sent both directly and through measurements must agree, or the request "
                        + "is refused naming both. A factor whose inputs are missing is not derived, and a model "
                        + "that needs it answers 400 naming it: nothing is defaulted.\n\n")
                .append("The cut-offs and sources are those of the factor catalogue (`GET /api/v1/factors`), "
                        + "which follows the project's data dictionary §2.\n\n");

        md.append("## Measurements\n\n| id | type | units or values | plausible range | codes | derives |\n"
                + "|---|---|---|---|---|---|\n");
        for (Measurement m : MeasurementCatalogue.MEASUREMENTS) {
            md.append("| `").append(m.id()).append("` | ").append(m.valueType()).append(" | ")
                    .append(valuesOf(m)).append(" | ")
                    .append(m.range() == null ? "-" : m.range().describe()).append(" | ")
                    .append(codesOf(m)).append(" | ")
                    .append(m.derives().stream().map(d -> "`" + d.factor() + "`").distinct()
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }

        md.append("\n## Derivation rules\n\n| factor | from | rule | cut-off | source |\n|---|---|---|---|---|\n");
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (Measurement m : MeasurementCatalogue.MEASUREMENTS) {
            for (Derives d : m.derives()) {
                String key = d.factor() + "|" + d.rule() + "|" + d.cutoff();
                seen.computeIfAbsent(key, k -> new ArrayList<>()).add(m.id());
            }
        }
        for (Map.Entry<String, List<String>> e : seen.entrySet()) {
            Derives d = MeasurementCatalogue.rule(e.getValue().get(0), e.getKey().split("\\|", 2)[0]);
            md.append("| `").append(d.factor()).append("` | ")
                    .append(e.getValue().stream().map(id -> "`" + id + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(d.rule()).append(" | ").append(d.cutoff()).append(" | ")
                    .append(d.source()).append(" |\n");
        }

        md.append("\n### Primary tumour site\n\nThe sites follow the revised Tokuhashi item \"primary site\"; the "
                + "Tomita class is given where Tomita's published examples name the site, as the factor catalogue "
                + "defines `primaryTumorGrowth`. For any other site the class is a clinical judgement: send it as "
                + "`primaryTumorGrowthClass`.\n\n| code | site | ICD-10 | Tokuhashi points | Tomita class |\n"
                + "|---|---|---|---:|---|\n");
        for (PrimarySite s : PrimarySite.values()) {
            md.append("| `").append(s.name()).append("` | ").append(s.label()).append(" | ")
                    .append(s.icd10().isEmpty() ? "-" : String.join(", ", s.icd10())).append(" | ")
                    .append(s.tokuhashiPoints()).append(" | ").append(s.tomitaClass().orElse("- (give the class)"))
                    .append(" |\n");
        }

        md.append("\n### Targeted therapy (WHO ATC)\n\nA drug counts as targeted therapy when its ATC code lies in "
                + "one of these groups (ATC/DDD Index 2024 structure):\n\n| ATC group | holds | named agents |\n"
                + "|---|---|---|\n");
        for (TargetedAgents.Group g : TargetedAgents.GROUPS) {
            md.append("| `").append(g.code()).append("` | ").append(g.name()).append(" | ")
                    .append(String.join(", ", g.examples())).append(" |\n");
        }
        md.append("\nIn ").append(String.join(" and ", TargetedAgents.splitGroups())).append(" only these level-5 "
                + "codes count (codes and names checked against ").append(TargetedAgents.AGENTS_SOURCE)
                .append("):\n\n| ATC code | agent | target |\n|---|---|---|\n");
        for (TargetedAgents.Agent a : TargetedAgents.AGENTS) {
            md.append("| `").append(a.code()).append("` | ").append(a.name()).append(" | ").append(a.target())
                    .append(" |\n");
        }
        md.append("\n").append(TargetedAgents.UNCODED.substring(0, 1).toUpperCase())
                .append(TargetedAgents.UNCODED.substring(1)).append(".\n");
        md.append("\nNot counted: ").append(String.join("; ", TargetedAgents.NOT_COUNTED)).append(".\n");
        md.append("\nRefused with a named error, never read as \"not targeted\": a code whose first letter is not "
                + "one of the 14 ATC anatomical main groups (").append(String.join(", ",
                        TargetedAgents.MAIN_GROUPS.split(""))).append("); a code in ")
                .append(String.join(" or ", TargetedAgents.RETIRED)).append(", retired in the 2022 ATC revision "
                        + "(send the current L01E or L01F code); the level-4 code ")
                .append(String.join(" or ", TargetedAgents.splitGroups())).append(" alone (send the level-5 code).\n");

        md.append("\n### RxNorm codes\n\nA medication coded in RxNorm only (FHIR) is classified through this table "
                + "of RXCUIs and their WHO ATC codes; an RXCUI not in it is not classified, and what it would decide "
                + "stays unknown (send ATC codes as well). Cytotoxic groups: ").append(CytotoxicAgents.groupCodes())
                .append(".\n\n| RXCUI | term type | RxNorm name | ATC | counts as | confirmed in |\n"
                        + "|---|---|---|---|---|---|\n");
        for (RxNormAgents.Agent a : RxNormAgents.AGENTS) {
            String counts = TargetedAgents.targeted(a.atc()) ? "targeted therapy"
                    : CytotoxicAgents.cytotoxic(a.atc()) ? "cytotoxic chemotherapy" : "neither";
            md.append("| `").append(a.rxcui()).append("` | ").append(a.termType()).append(" | ").append(a.name())
                    .append(" | `").append(a.atc()).append("` | ").append(counts).append(" | ")
                    .append(a.evidence().text()).append(" |\n");
        }
        md.append("\nLeft out because their RXCUI could not be confirmed: ").append(RxNormAgents.UNCONFIRMED)
                .append(".\n");

        md.append("\n### Neurology\n\n`frankelClassification` gives `frankelGrade` directly. An ASIA impairment scale "
                + "grade maps letter for letter (the AIS was adapted from Frankel's grades; C and D are split by "
                + "key-muscle strength rather than usefulness, so the mapping is approximate at C/D). When both "
                + "are sent they must agree.\n");

        md.append("\n## Revised Tokuhashi score\n\n").append(Tokuhashi.CITATION).append("\n\n")
                .append("| item | category | points |\n|---|---|---:|\n");
        tokuhashiRows(md);
        md.append("\n| total | prognosis | strategy |\n|---|---|---|\n");
        Tokuhashi.BANDS.forEach(b -> md.append("| ").append(b.min()).append("-").append(b.max()).append(" | ")
                .append(b.prognosis()).append(" | ").append(b.strategy()).append(" |\n"));
        md.append("\nThe item \"general condition\" needs a KPS. An ECOG grade is converted only where the published "
                + "correspondence places it in a single Tokuhashi band (").append(Tokuhashi.ECOG_CONVERSION)
                .append("): ECOG 0, 2, 3 and 4 are scored with a warning; ECOG 1 (KPS 70-80) spans two bands and "
                        + "ECOG 5 is outside the table, so the score is not computed and asks for the KPS. The "
                        + "extraspinal item needs the number of foci, not yes/no.\n");

        md.append("\n## Tomita score\n\n").append(Tomita.CITATION).append("\n\n")
                .append("| item | category | points |\n|---|---|---:|\n");
        for (String growth : List.of("SLOW", "MODERATE", "RAPID")) {
            Score.Item i = Tomita.primary(growth, growth);
            md.append(row(i));
        }
        for (String v : List.of("NONE", "REMOVABLE", "UNREMOVABLE")) {
            md.append(row(Tomita.visceral(v)));
        }
        md.append(row(Tomita.bone(java.util.Optional.of(1), java.util.Optional.of(0), "").orElseThrow()));
        md.append(row(Tomita.bone(java.util.Optional.of(2), java.util.Optional.of(0), "").orElseThrow()));
        md.append("\n| total | goal | strategy |\n|---|---|---|\n");
        Tomita.BANDS.forEach(b -> md.append("| ").append(b.min()).append("-").append(b.max()).append(" | ")
                .append(b.prognosis()).append(" | ").append(b.strategy()).append(" |\n"));
        md.append("\nBone metastases are counted spine included: one vertebra and no extraspinal focus is solitary; "
                + "two or more vertebrae, or any extraspinal focus, is multiple. Counts cannot show that several "
                + "lesions are \"isolated\" in one region, so such a patient scores as multiple: 2 points where "
                + "Tomita's table gives 1. A score with a missing item is not "
                + "computed: the answer lists the measurements it needs and gives no band.\n");

        md.append("\n## Score items from factors\n\nA prediction request may give a factor directly instead of the "
                + "measurement behind it. The factor then settles a score item only where its value puts the patient "
                + "in one published category, and the item's input names the factor: `vertebraeInvolved` (both "
                + "scores' vertebra items), `frankelGrade` (Tokuhashi's palsy), `primaryTumorGrowth` (Tomita's "
                + "primary tumour), and `extraspinalBoneMetastasis` and `visceralMetastasis` when false (no focus, no "
                + "visceral metastasis). When true they do not say how many foci or whether the metastases are "
                + "removable, so the item still needs its measurement and a warning says so; in Tomita's bone item, "
                + "`extraspinalBoneMetastasis` = true already makes the metastases multiple. `poorPerformanceStatus` "
                + "never settles Tokuhashi's general condition (it also counts ECOG and Barthel, and false spans two "
                + "KPS bands). With factors alone Tokuhashi cannot be computed (it needs the KPS and the primary "
                + "site); the answer carries `scores` when Tomita can be.\n");

        md.append("\n## Cohort CSV columns\n\nA training or batch CSV may carry these columns in place of, or beside, "
                + "factor columns; each row's factors are derived by the same rules, and the model card's cohort "
                + "provenance names the rule behind each derived factor. Cells: decimal numbers, integers, codes, "
                + "YYYY-MM-DD dates; ATC codes separated by `;` (`NONE` for no drug); empty means not recorded.\n\n")
                .append(MeasurementColumns.COLUMNS.stream().map(c -> "`" + c.name() + "`")
                        .collect(Collectors.joining(", "))).append("\n");
        return md.toString();
    }

    private static void tokuhashiRows(StringBuilder md) {
        Map<String, Score.Item> rows = new LinkedHashMap<>();
        IntStream.of(10, 50, 80).forEach(k -> rows.put("kps" + k, new Score.Item("General condition (KPS)", "",
                Tokuhashi.kpsCategory(k), Tokuhashi.kpsPoints(k))));
        IntStream.of(3, 1, 0).forEach(n -> rows.put("x" + n, Tokuhashi.extraspinal(n)));
        IntStream.of(3, 2, 1).forEach(n -> rows.put("v" + n, Tokuhashi.vertebrae(n)));
        List.of("UNREMOVABLE", "REMOVABLE", "NONE").forEach(v -> rows.put(v, Tokuhashi.visceral(v)));
        IntStream.rangeClosed(0, 5).forEach(p -> {
            List<String> sites = Arrays.stream(PrimarySite.values()).filter(s -> s.tokuhashiPoints() == p)
                    .map(Enum::name).toList();
            rows.put("site" + p, new Score.Item("Primary site of the cancer", "", String.join(", ", sites), p));
        });
        rows.values().forEach(i -> md.append(row(i)));
        for (String[] palsy : new String[][] {{"A", "B"}, {"C", "D"}, {"E"}}) {
            Measurements m = Measurements.builder().code(MeasurementCatalogue.FRANKEL, palsy[0]).build()
                    .measurements();
            Score.Item i = Tokuhashi.palsy(m).orElseThrow();
            md.append(row(new Score.Item(i.item(), "", i.category(), i.points())));
        }
    }

    private static String row(Score.Item i) {
        return "| " + i.item() + " | " + i.category() + " | " + i.points() + " |\n";
    }

    private static String valuesOf(Measurement m) {
        return switch (m.valueType()) {
            case QUANTITY -> m.units().stream().map(u -> "`" + u + "`").collect(Collectors.joining(", "))
                    + " (canonical `" + m.canonicalUnit() + "`)";
            case CODE -> m.allowedValues().stream().map(AllowedValue::code).map(c -> "`" + c + "`")
                    .collect(Collectors.joining(", "));
            case CODE_LIST -> "ATC codes, level 4 or 5";
            case DATE -> "YYYY-MM-DD, not in the future";
            case INTEGER -> "integer";
        };
    }

    private static String codesOf(Measurement m) {
        List<StandardCode> codes = m.codes();
        if (codes.isEmpty()) {
            return "-";
        }
        String system = switch (codes.get(0).system()) {
            case StandardCode.LOINC -> "LOINC";
            case StandardCode.ICD10 -> "ICD-10";
            case StandardCode.ATC -> "ATC";
            default -> codes.get(0).system();
        };
        return system + " " + codes.stream().map(StandardCode::code).collect(Collectors.joining(", "));
    }
}
