package io.spinemet.efficacy.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Authentication on (it is off in the other tests), against the JWK Set {@link TestTokens} generates; rate limits on
 * too, at a rate the tests do not reach.
 */
public class AuthEnabledProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "spinemet.security.auth-enabled", "true",
                "mp.jwt.verify.publickey.location", TestTokens.jwksLocation(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "mp.jwt.verify.audiences", TestTokens.AUDIENCE,
                "spinemet.security.rate-limit.enabled", "true",
                "spinemet.security.rate-limit.requests", "1000000");
    }
}
