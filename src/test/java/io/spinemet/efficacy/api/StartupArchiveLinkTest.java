package io.spinemet.efficacy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second training run links exactly the classes the first dump reported as not linked, and skips the rest. */
class StartupArchiveLinkTest {

    @Test
    void linksTheNamedClassesAndSkipsHiddenUnknownAndOtherLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app-cds-not-linked.log");
        Files.writeString(log, String.join("\n",
                "[68.764s][warning][cds] Skipping com/fasterxml/jackson/databind/util/ByteBufferBackedInputStream: Not linked",
                "[68.764s][warning][cds] Skipping io/spinemet/efficacy/api/Problem: Not linked",
                "[68.764s][warning][cds] Skipping com/example/NoSuchClass: Not linked",
                "[68.764s][warning][cds] Skipping io/spinemet/efficacy/Main$$Lambda$12/0x0000000801012345: Not linked",
                "[68.764s][warning][cds] Skipping jdk/internal/reflect/GeneratedMethodAccessor9: Pre JDK 6 class",
                ""));
        assertEquals(2, StartupArchiveTraining.linkNotLinked(log.toString()));
        assertEquals(0, StartupArchiveTraining.linkNotLinked(dir.resolve("absent.log").toString()));
        assertEquals(0, StartupArchiveTraining.linkNotLinked(null));
    }
}
