package io.spinemet.efficacy.cdshooks;

import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode;

/**
 * Escapes text for the card's Markdown (CDS Hooks: {@code detail} is GitHub Flavored Markdown), so that text from the
 * EHR (resource ids, a medication's display, a value it sent) shows as the characters it is and cannot add links,
 * images, HTML, emphasis or table cells. As a Qute {@link ResultMapper} it escapes every value a card template
 * prints; a template marks the few values it trusts (inside code spans) with {@code .raw}.
 *
 * <p>Rules: line breaks and other control characters become spaces (a value cannot start a new block). The
 * punctuation that opens inline syntax is backslash-escaped, which CommonMark renders as the character itself:
 * {@code \ ` * _ [ ] | ~} always, {@code <} unless a space or {@code =} follows (so "&lt; 35 g/L" stays as written),
 * {@code &} before a letter or {@code #}; block markers ({@code # > - + =}, "1. ") only where a value starts. The GFM
 * extended autolinks ({@code www.}, {@code scheme://}, {@code user@host}) are broken by escaping their {@code .},
 * {@code :} or {@code @}.
 */
public final class MarkdownText implements ResultMapper {

    @Override
    public boolean appliesTo(TemplateNode.Origin origin, Object result) {
        return !(result instanceof RawString);
    }

    @Override
    public String map(Object result, Expression expression) {
        return escape(result.toString());
    }

    /** Characters {@link #replacement} may change: controls, U+2028/9 and the punctuation listed above. */
    private static final String SPECIAL = "\\`*_[]|~@<&#>-+=.):";

    /** {@link #SPECIAL} and the ASCII controls as a table: a card prints thousands of characters per call. */
    private static final boolean[] SPECIAL_ASCII = new boolean[128];

    /** A backslash and the character, for each ASCII character (no string built per escape). */
    private static final String[] BACKSLASHED = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            SPECIAL_ASCII[c] = c < 0x20 || c == 0x7f || SPECIAL.indexOf(c) >= 0;
            BACKSLASHED[c] = "\\" + c;
        }
    }

    /** The text escaped for Markdown inline content. */
    public static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            String replacement = special(c) ? replacement(text, i, c) : null;
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(text, copied, i).append(replacement);
                copied = i + 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();   // most values need nothing
    }

    private static boolean special(char c) {
        return c < 128 ? SPECIAL_ASCII[c] : c == '\u2028' || c == '\u2029';
    }

    private static String replacement(String text, int i, char c) {
        if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            return " ";
        }
        switch (c) {
            case '\\', '`', '*', '_', '[', ']', '|', '~', '@':
                return BACKSLASHED[c];
            case '<':
                // raw HTML and autolinks open with '<' and a letter, '/', '!' or '?'; "< 35" and "<= 40" stay
                return i + 1 < text.length() && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '=') ? null
                        : "\\<";
            case '&':
                // an entity or character reference: "&lt;", "&#60;"
                return i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '#')
                        ? "\\&" : null;
            case '#', '>', '-', '+', '=':
                // block markers (heading, quote, list, setext) count only where a value starts
                return i == 0 ? BACKSLASHED[c] : null;
            case '.', ')':
                // an ordered-list marker "1. " at the start of a value, or "www." of an extended autolink
                if (i > 0 && allDigits(text, 0, i) && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                    return BACKSLASHED[c];
                }
                return c == '.' && i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3) ? "\\." : null;
            case ':':
                return text.startsWith("//", i + 1) ? "\\:" : null;
            default:
                return null;
        }
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
