package io.spinemet.efficacy.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service with the models bundled in the jar (what a clinician sees), not the test fixtures. */
public class BundledModels implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("spinemet.models.dir", "");
    }
}
