package io.spinemet.efficacy.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser with a memory of the tokens it has verified. An integration engine sends the same bearer
 * token on every call until it expires; checking its RSA or EC signature and re-reading its claims each time cost
 * more than the prediction itself. Here a token that passed every check of {@link DefaultJWTParser} (signature
 * against the JWK Set, algorithm, iss, aud, exp, nbf) is remembered by its exact compact serialisation, so a later
 * call with the identical bytes skips those checks:
 * <ul>
 * <li>for at most {@code spinemet.security.token-cache.ttl} (60 s), shorter than the JWK Set's refresh interval, so
 * a key rotated out of the set stops working no later than it would without the cache;</li>
 * <li>never past the token's {@code exp} plus the configured clock skew;</li>
 * <li>only successes are remembered: a refused token is checked again on every call, and a forged token cannot
 * displace a real one except by filling the bounded cache, which only costs verifications.</li>
 * </ul>
 * It replaces SmallRye JWT's parser as a CDI alternative, so Quarkus' JWT mechanism uses it unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokenCache(DefaultJWTParser verifier, SecuritySettings settings,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkewSeconds) {
        this.verifier = verifier;
        SecuritySettings.TokenCache cache = settings.tokenCache();
        this.verified = cache.size() <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(cache.size())
                .expireAfter(new UntilExpiry(cache.ttl(), Duration.ofSeconds(clockSkewSeconds)))
                // Housekeeping on the calling thread: handing it to the common pool woke a thread per burst.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = known(token);
        if (known != null) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        if (verified != null) {
            verified.put(token, fresh);
        }
        return fresh;
    }

    /**
     * The token verified earlier with exactly these bytes and still trusted, else {@code null}. {@link
     * ApiAuthorization} uses it to skip Quarkus' authentication pipeline for a token this parser has already
     * accepted: that pipeline would call {@link #parse(String)} and get the same object back.
     */
    public JsonWebToken known(String token) {
        return verified == null || token == null ? null : verified.getIfPresent(token);
    }

    /** Number of tokens remembered now. */
    public long size() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    // Calls with their own keys or context are not the service's bearer tokens: never cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /**
     * How long a verified token stays trusted: {@code min(ttl, exp + skew - now)}, never negative. A token without
     * {@code exp} (which the verifier refuses unless configured otherwise) gets the ttl.
     */
    static final class UntilExpiry implements Expiry<String, JsonWebToken> {

        private final long ttlNanos;
        private final long skewSeconds;

        UntilExpiry(Duration ttl, Duration skew) {
            this.ttlNanos = ttl.toNanos();
            this.skewSeconds = skew.toSeconds();
        }

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            if (!(token.getClaim(Claims.exp.name()) instanceof Number exp)) {
                return ttlNanos;
            }
            long leftSeconds = exp.longValue() + skewSeconds - System.currentTimeMillis() / 1000;
            return Math.max(0, Math.min(ttlNanos, Duration.ofSeconds(leftSeconds).toNanos()));
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
