package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed manifests say what this build generated (after package), compared as YAML trees: the generator does
 * not keep the order of labels from one build to the next. Fix a failure with
 * {@code ./mvnw -B -ntp package -DskipTests && cp target/kubernetes/kubernetes.yml deploy/kubernetes/} and commit.
 */
class KubernetesManifestsIT {

    @Test
    void committedManifestsAreTheGeneratedOnes() throws Exception {
        assertEquals(KubernetesManifestsTest.read(Path.of("target/kubernetes/kubernetes.yml")),
                KubernetesManifestsTest.read(KubernetesManifestsTest.COMMITTED),
                "deploy/kubernetes/kubernetes.yml is out of date: copy target/kubernetes/kubernetes.yml over it");
    }
}
