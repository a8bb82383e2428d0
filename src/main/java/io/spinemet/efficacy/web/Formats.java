package io.spinemet.efficacy.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Number formats of the pages: {@code {fmt:sig(x)}}, {@code {fmt:p(x)}}, {@code {fmt:pct(x)}}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private Formats() {
    }

    /** Three significant digits; "n/a" for a value that does not exist. */
    static String sig(Double v) {
        return Svg.stat(v);
    }

    /** A p-value: three decimals, or "&lt;0.001". */
    static String p(Double v) {
        return v == null ? "n/a" : v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A proportion as a whole percentage. */
    static String pct(double v) {
        return Math.round(100 * v) + "%";
    }

    /** Two decimals. */
    static String dec2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
