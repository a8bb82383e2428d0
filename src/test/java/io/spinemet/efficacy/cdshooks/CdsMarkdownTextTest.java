package io.spinemet.efficacy.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text from the EHR is escaped for the card's Markdown by CommonMark's backslash escapes (spec 0.30 §2.4: any ASCII
 * punctuation may be escaped and then renders as itself), so it cannot open a link, image, HTML tag, emphasis, code
 * span, table cell or block, nor a GFM autolink.
 */
class CdsMarkdownTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            // links and images need '[' and ']'
            "[x](javascript:alert(1))¦\\[x\\](javascript:alert(1))",
            "![i](http://e.x/a.png)¦!\\[i\\](http\\://e.x/a.png)",
            // raw HTML and autolinks need '<' before a letter, '/', '!' or '?'
            "<img src=x onerror=alert(1)>¦\\<img src=x onerror=alert(1)>",
            "</td><script>¦\\</td>\\<script>",
            "<http://evil.example>¦\\<http\\://evil.example>",
            // GFM extended autolinks
            "see www.evil.example now¦see www\\.evil.example now",
            "https://evil.example/x¦https\\://evil.example/x",
            "mail me@evil.example¦mail me\\@evil.example",
            // emphasis, code, strikethrough, table cells, backslash
            "*bold* _it_ `code` ~~gone~~ a|b c\\d¦\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ a\\|b c\\\\d",
            // entities
            "&lt;img&gt; &#60; a & b¦\\&lt;img\\&gt; \\&#60; a & b",
            // block markers only where the value starts
            "# Heading¦\\# Heading",
            "> quote¦\\> quote",
            "- item¦\\- item",
            "1. first¦1\\. first",
            "C79.51 and 3.5 g/dL¦C79.51 and 3.5 g/dL",
            // comparison signs in the service's own rules stay as written
            "< 35 g/L (3.5 g/dL)¦< 35 g/L (3.5 g/dL)",
            "KPS <= 40 or ECOG >= 3¦KPS <= 40 or ECOG >= 3",
            "site -> Tomita class¦site -> Tomita class",
            "Observation/alb-2 (status entered-in-error)¦Observation/alb-2 (status entered-in-error)",
    })
    void escapes(String text, String expected) {
        assertEquals(expected, MarkdownText.escape(text));
    }

    @ParameterizedTest
    @CsvSource({"'line one\nline two', 'line one line two'", "'a\r\n# b', 'a  # b'", "'tab\there', 'tab here'",
            "'a\u2028b\u2029c\u007fd', 'a b c d'"})
    void lineBreaksCannotStartABlock(String text, String expected) {
        assertEquals(expected, MarkdownText.escape(text));
    }
}
