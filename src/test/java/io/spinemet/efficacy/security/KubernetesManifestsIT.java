package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed manifests say what this build generated (after package), compared as YAML trees in which lists of
 * named items (env, ports, volumes) are taken in name order: the generator keeps neither the order of labels nor
 * that of such lists from one build to the next. Fix a failure with
 * {@code ./mvnw -B -ntp package -DskipTests && cp target/kubernetes/kubernetes.yml deploy/kubernetes/} and commit
 * (the commit-id annotations are left out of the comparison: the build adds them in a git checkout only).
 */
class KubernetesManifestsIT {

    static Map<String, JsonNode> normalized(Path file) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        KubernetesManifestsTest.read(file).forEach((kind, doc) -> out.put(kind, normalize(doc.deepCopy())));
        return out;
    }

    private static JsonNode normalize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("app.quarkus.io/commit-id"); // present only in a git checkout, and new with every commit
            object.remove("app.quarkus.io/vcs-uri"); // the clone's origin: differs between checkouts
            object.fieldNames().forEachRemaining(name -> object.set(name, normalize(object.get(name))));
        } else if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(item -> items.add(normalize(item)));
            if (!items.isEmpty() && items.stream().allMatch(i -> i.isObject() && i.has("name"))) {
                items.sort(Comparator.comparing(i -> i.get("name").asText()));
            }
            array.removeAll();
            items.forEach(array::add);
        }
        return node;
    }

    @Test
    void committedManifestsAreTheGeneratedOnes() throws Exception {
        assertEquals(normalized(Path.of("target/kubernetes/kubernetes.yml")),
                normalized(KubernetesManifestsTest.COMMITTED),
                "deploy/kubernetes/kubernetes.yml is out of date: copy target/kubernetes/kubernetes.yml over it");
    }
}
