package io.spinemet.efficacy.modelfile.card;

import io.spinemet.efficacy.modelfile.ModelFile;
import java.util.List;

/**
 * The model card's content, computed from one {@link ModelFile} (CONTRACTS.md B). Templates only lay it out:
 * {@code templates/card/card.md} as Markdown, {@code card.html} as a page. Every value is already worded and
 * formatted here, so both say the same thing; the calibration curve and ROC are passed through for drawing.
 *
 * @param title            e.g. "Model card: Percutaneous vertebroplasty efficacy model"
 * @param alerts           what a reader must see first (synthetic cohort, too few patients, poor discrimination)
 * @param identity         model id, version, file SHA-256, procedure, outcome, served fit
 * @param sections         the card's sections in order
 * @param calibrationCurve the stored calibration curve, or {@code null} for older files
 * @param roc              the stored ROC, or {@code null} for older files
 */
public record CardView(String title, List<String> alerts, List<Fact> identity, List<Section> sections,
                       ModelFile.CalibrationCurve calibrationCurve, ModelFile.Roc roc) {

    /** Builds the view of a model file whose bytes have the given SHA-256. */
    public static CardView of(ModelFile model, String sha256) {
        return CardContent.of(model, sha256);
    }

    /**
     * One section: paragraphs, then notes (call-outs), then labelled facts, then bullets, then tables.
     *
     * @param id    a stable anchor, e.g. {@code performance}
     * @param title the heading
     */
    public record Section(String id, String title, List<String> paragraphs, List<String> notes, List<Fact> facts,
                          List<String> bullets, List<Table> tables) {
    }

    /** A labelled value. */
    public record Fact(String label, String value) {
    }

    /** A table with an optional caption; cells are plain text. */
    public record Table(String caption, List<Column> columns, List<List<String>> rows) {
    }

    /** A column heading; numeric columns are right-aligned. */
    public record Column(String name, boolean numeric) {
    }
}
