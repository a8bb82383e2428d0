package io.spinemet.efficacy.web;

import java.util.Locale;

/**
 * A small SVG writer for the server-drawn charts. It writes presentation attributes and classes only, never
 * {@code style} attributes, so the pages' Content-Security-Policy needs no {@code 'unsafe-inline'} styles.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    /**
     * Opens an {@code <svg>} with a view box, an accessible name ({@code <title>}) and a longer description.
     *
     * @param cssClass chart kind, e.g. {@code forest-plot}; also its {@code data-chart} attribute
     */
    Svg(String cssClass, double width, double height, String title, String description) {
        String id = cssClass + "-title";
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(cssClass)
                .append("\" data-chart=\"").append(cssClass).append("\" viewBox=\"0 0 ").append(num(width))
                .append(' ').append(num(height)).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append(' ').append(cssClass).append("-desc\"><title id=\"").append(id).append("\">")
                .append(escape(title)).append("</title><desc id=\"").append(cssClass).append("-desc\">")
                .append(escape(description)).append("</desc>");
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append('"');
        return cls(cssClass).append("/>");
    }

    /** Starts an element with attributes given as name/value pairs; close it with {@link #end}. */
    Svg open(String element, String... attributes) {
        out.append('<').append(element);
        attrs(attributes);
        out.append('>');
        return this;
    }

    /** A childless element with attributes given as name/value pairs. */
    Svg empty(String element, String... attributes) {
        out.append('<').append(element);
        attrs(attributes);
        out.append("/>");
        return this;
    }

    Svg end(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append('"');
        return cls(cssClass).append('>').append(escape(text)).append("</text>");
    }

    /** Text centred on (x, y), turned to read bottom to top (a y axis' title). */
    Svg verticalText(double x, double y, String cssClass, String text) {
        out.append("<text x=\"0\" y=\"0\" text-anchor=\"middle\" transform=\"translate(").append(num(x))
                .append(' ').append(num(y)).append(") rotate(-90)\"");
        return cls(cssClass).append('>').append(escape(text)).append("</text>");
    }

    /** A polyline through the points (x0, y0, x1, y1, ...). */
    Svg polyline(double[] xy, String cssClass, String... attributes) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                points.append(' ');
            }
            points.append(num(xy[i])).append(',').append(num(xy[i + 1]));
        }
        out.append("<polyline points=\"").append(points).append("\" fill=\"none\"");
        attrs(attributes);
        return cls(cssClass).append("/>");
    }

    @Override
    public String toString() {
        return out + "</svg>";
    }

    private void attrs(String... attributes) {
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    private Svg append(String s) {
        out.append(s);
        return this;
    }

    private Svg append(char c) {
        out.append(c);
        return this;
    }

    private Svg cls(String cssClass) {
        if (cssClass != null && !cssClass.isEmpty()) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        return this;
    }

    /** A coordinate with two decimals, without trailing zeros. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.indexOf('.') < 0 ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    /** A statistic as printed on a chart: three significant digits. */
    static String stat(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
