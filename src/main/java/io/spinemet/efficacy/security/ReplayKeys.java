package io.spinemet.efficacy.security;

import java.nio.charset.StandardCharsets;

/** One key per issuer and token id, the same in every replay cache (so replicas agree). */
final class ReplayKeys {

    static final String PREFIX = "spinemet:jti:";

    private ReplayKeys() {
    }

    /**
     * {@code spinemet:jti:<issuer length>:<issuer><jti>}: the length keeps {@code ("a:b", "c")} and
     * {@code ("a", "b:c")} apart.
     */
    static String key(String issuer, String jti) {
        if (issuer == null || jti == null || jti.isEmpty()) {
            throw new IllegalArgumentException("a replay check needs an issuer and a non-empty jti");
        }
        return PREFIX + issuer.getBytes(StandardCharsets.UTF_8).length + ":" + issuer + jti;
    }
}
