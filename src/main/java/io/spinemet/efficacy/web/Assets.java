package io.spinemet.efficacy.web;

import io.spinemet.efficacy.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages' static files (script, style sheet, icon), read once from {@code web-assets/} on the class path. Each is
 * linked as {@code /assets/NAME?v=HASH}, so it can be cached for a year and a new build is fetched at once.
 */
final class Assets {

    /** One file: its bytes, media type and the first 12 hex digits of its SHA-256. */
    record Asset(String name, byte[] bytes, String mediaType, String hash) {

        String url() {
            return "/assets/" + name + "?v=" + hash;
        }

        String etag() {
            return hash;
        }
    }

    static final Map<String, String> FILES = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "icon.svg", "image/svg+xml");

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    Assets() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        FILES.forEach((name, type) -> {
            try (InputStream in = loader.getResourceAsStream("web-assets/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing page asset web-assets/" + name);
                }
                byte[] bytes = in.readAllBytes();
                assets.put(name, new Asset(name, bytes, type, Sha256.hex(bytes).substring(0, 12)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    Asset get(String name) {
        return assets.get(name);
    }
}
