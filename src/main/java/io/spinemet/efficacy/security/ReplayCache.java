package io.spinemet.efficacy.security;

import java.time.Instant;

/** Remembers token ids (jti) until they expire, so a replayed token is refused; shared between replicas when backed by Redis. */
public interface ReplayCache {
    /** True the first time {@code issuer}+{@code jti} is seen before {@code expiresAt}; false for a replay. */
    boolean firstUse(String issuer, String jti, Instant expiresAt);

    /** Whether {@link #firstUse} may wait on the network (then it must not run on an I/O thread). */
    default boolean blocks() {
        return true;
    }
}
