package io.spinemet.efficacy.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project's version, filtered into {@code spinemet-version.properties} by the build. */
public final class ProjectVersion {

    private static final String VERSION = load();

    private ProjectVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("/spinemet-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("spinemet-version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
