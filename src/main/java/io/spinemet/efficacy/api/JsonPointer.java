package io.spinemet.efficacy.api;

/** Builds RFC 6901 JSON Pointers. */
final class JsonPointer {

    private JsonPointer() {
    }

    /** {@code parent} followed by one reference token, escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    static String child(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
