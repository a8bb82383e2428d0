package io.spinemet.efficacy.web;

import io.spinemet.efficacy.security.AuthEnabledProfile;
import java.util.HashMap;
import java.util.Map;

/** What a clinician sees in a hospital: the bundled models, with authentication of {@code /api/v1} on. */
public class AuthOnBundledModels extends AuthEnabledProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.putAll(new BundledModels().getConfigOverrides());
        return overrides;
    }
}
