package io.spinemet.efficacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command and the Dockerfile's heap do what the docs say. */
class SetupDocsTest {

    @TempDir
    Path dir;

    /** README command 1 with the build and the JVM replaced by {@code true}: the shell must stay where it was. */
    @Test
    void readmeCommandOneLeavesTheShellInTheRepositoryRoot() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("## Set up: the two commands.*?```\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find());
        String command = block.group(1).trim();
        assertTrue(command.startsWith("./mvnw -B -ntp package -DskipTests && "), command);
        assertTrue(readme.contains("runs in the foreground"), "the README says the server runs in the foreground");
        Files.createDirectories(dir.resolve("target/quarkus-app"));
        String dryRun = command.replace("./mvnw -B -ntp package -DskipTests", "true").replace("java ", "true ");
        String pwd = run(List.of("bash", "-c", dryRun + " && pwd"), null).trim();
        assertEquals(dir.toRealPath().toString(), pwd, "command 1 left the shell in another directory");
    }

    /** The image's default heap is in JAVA_TOOL_OPTIONS, so setting the variable changes the heap. */
    @Test
    void theDockerHeapIsSettableThroughJavaToolOptions() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Matcher entry = Pattern.compile("^ENTRYPOINT (\\[.*])$", Pattern.MULTILINE).matcher(dockerfile);
        assertTrue(entry.find());
        List<String> argv = List.of(new ObjectMapper().readValue(entry.group(1), String[].class));
        assertFalse(String.join(" ", argv).contains("-Xmx"), "a heap flag on the command line overrides "
                + "JAVA_TOOL_OPTIONS: " + argv);
        assertTrue(dockerfile.contains("JAVA_TOOL_OPTIONS=\"-XX:+UseSerialGC -Xmx128m\""), "the default heap");
        // Run the entrypoint's script with the JDK's java, asking for the heap instead of the jar.
        String script = argv.get(2).replace("-jar /deployments/quarkus-run.jar \"$@\"", "-XX:+PrintFlagsFinal -version")
                .replace("exec java", "exec '" + ProcessHandle.current().info().command().orElse("java") + "'");
        String flags = run(List.of("/bin/sh", "-c", script, "--"), "-XX:+UseSerialGC -Xmx300m");
        Matcher heap = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)").matcher(flags);
        assertTrue(heap.find(), flags);
        assertEquals(300L * 1024 * 1024, Long.parseLong(heap.group(1)));
    }

    private String run(List<String> command, String javaToolOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS_APPEND", "");
        if (javaToolOptions != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
