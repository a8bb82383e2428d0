package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed manifests are exactly what this build generated (after package). Fix a failure with
 * {@code ./mvnw -B -ntp package -DskipTests && cp target/kubernetes/kubernetes.yml deploy/kubernetes/} and commit.
 */
class KubernetesManifestsIT {

    @Test
    void committedManifestsAreTheGeneratedOnes() throws Exception {
        String generated = Files.readString(Path.of("target/kubernetes/kubernetes.yml"));
        assertEquals(generated, Files.readString(KubernetesManifestsTest.COMMITTED),
                "deploy/kubernetes/kubernetes.yml is out of date: copy target/kubernetes/kubernetes.yml over it");
    }
}
