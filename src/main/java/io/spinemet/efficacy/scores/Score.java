package io.spinemet.efficacy.scores;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.spinemet.efficacy.measurement.ConstantText;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A prognostic score (contract C): either computed, with its items, total, band and citation, or not computed, with
 * the measurements it still needs. A band is never guessed from partial items.
 *
 * @param computed      whether every item could be scored
 * @param total         sum of the items' points (computed)
 * @param maximum       the largest possible total (computed)
 * @param items         each item with its input, category and points (computed)
 * @param band          the published band of the total (computed)
 * @param citation      the published score
 * @param warnings      conversions or caveats that apply, absent when none
 * @param missingInputs measurement ids still needed (not computed)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"computed", "total", "maximum", "items", "band", "missingInputs", "citation", "warnings"})
@Schema(name = "Score", description = "A prognostic score: computed with items, total and band, or not computed with "
        + "the measurements it needs.")
public record Score(
        boolean computed,
        @Schema(examples = "10") Integer total,
        @Schema(examples = "15") Integer maximum,
        List<Item> items,
        Band band,
        @JsonSerialize(using = ConstantText.class)
        @Schema(description = "The published score and table used.") String citation,
        @Schema(description = "Conversions or caveats that apply.") List<String> warnings,
        @Schema(description = "Measurement ids needed to compute the score (not computed only).",
                examples = "[\"extraspinalBoneMetastasesCount\"]") List<String> missingInputs) {

    static Score computed(List<Item> items, int maximum, Band band, String citation, List<String> warnings) {
        return new Score(true, total(items), maximum, List.copyOf(items), band, citation, List.copyOf(warnings), null);
    }

    /** The sum of the items' points. */
    static int total(List<Item> items) {
        int total = 0;
        for (Item item : items) {
            total += item.points();
        }
        return total;
    }

    /** {@code 1 vertebra}, {@code 3 vertebrae}: a count with its noun, as a score item's input. */
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static Score notComputed(List<String> missing, String citation, List<String> warnings) {
        return new Score(false, null, null, null, null, citation, List.copyOf(warnings), List.copyOf(missing));
    }

    /**
     * One item of a score.
     *
     * @param item     the item's name in the published table
     * @param input    what it was scored from
     * @param category the published category the input falls in
     * @param points   the category's points
     */
    @Schema(name = "ScoreItem", description = "One item of a score.")
    public record Item(@JsonSerialize(using = ConstantText.class)
                       @Schema(examples = "General condition (KPS)") String item,
                       @Schema(examples = "KPS 60") String input,
                       @JsonSerialize(using = ConstantText.class)
                       @Schema(examples = "moderate (KPS 50-70)") String category,
                       @Schema(examples = "1") int points) {
    }

    /**
     * The published band a total falls in.
     *
     * @param range     the band's totals, e.g. {@code 9-11}
     * @param prognosis predicted survival (Tokuhashi) or treatment goal (Tomita)
     * @param strategy  the published treatment strategy
     */
    @Schema(name = "ScoreBand", description = "The published band of a total.")
    public record Band(@Schema(examples = "9-11") String range,
                       @JsonSerialize(using = ConstantText.class)
                       @Schema(examples = ">= 6 months") String prognosis,
                       @JsonSerialize(using = ConstantText.class)
                       @Schema(examples = "Palliative surgery") String strategy) {
    }

    /** A band with its inclusive bounds. */
    record Banding(int min, int max, String prognosis, String strategy) {

        Band band() {
            return new Band(min + "-" + max, prognosis, strategy);
        }

        static Band of(List<Banding> bands, int total) {
            for (Banding b : bands) {
                if (total >= b.min && total <= b.max) {
                    return b.band();
                }
            }
            throw new IllegalStateException("no band holds " + total);
        }
    }
}
