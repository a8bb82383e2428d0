package io.spinemet.efficacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** application.properties uses no property that Quarkus warns about as deprecated at every start. */
class ConfigHygieneTest {

    /** Deprecated in Quarkus 3 in favour of {@code ...enabled}; each logs a WARN at start-up. */
    private static final List<String> DEPRECATED = List.of("log.file.enable", "log.console.enable",
            "log.syslog.enable", "log.socket.enable");

    @Test
    void noDeprecatedLogProperties() throws Exception {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        List<String> deprecated = properties.stringPropertyNames().stream()
                .filter(name -> DEPRECATED.stream().anyMatch(d -> name.endsWith("quarkus." + d))).sorted().toList();
        assertEquals(List.of(), deprecated);
    }
}
