package io.spinemet.efficacy.cdshooks;

import io.spinemet.efficacy.security.ReplayCache;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Checks the JWT a CDS client sends with every call (CDS Hooks 2.0, "Trusting CDS Clients"), with jose4j, the JOSE
 * library SmallRye JWT uses:
 * <ul>
 *   <li>the issuer is allow-listed, with its JWK Set (URL or inline);</li>
 *   <li>the signature verifies with the key its {@code kid} names; the algorithm is RS384, ES384, RS256 or ES256
 *       ({@code none} and HMAC are refused);</li>
 *   <li>{@code aud} is the URL called, {@code exp} has not passed, {@code iat} is not in the future;</li>
 *   <li>{@code exp} is at most the maximum lifetime ahead, and {@code exp - iat} at most that lifetime (5 minutes
 *       by default, the bound SMART Backend Services sets for its client authentication JWTs), so that a stolen
 *       token is short-lived and the replay cache holds a {@code jti} no longer than that;</li>
 *   <li>{@code jti} has not been seen before (replay).</li>
 * </ul>
 * A refusal says why, in words that never quote the token.
 */
public final class CdsTokenVerifier {

    /** Why a token was refused. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final List<String> ALLOWED = List.of(AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

    static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(ConstraintType.PERMIT,
            ALLOWED.toArray(String[]::new));

    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().setRelaxVerificationKeyValidation().build();

    private final Map<String, VerificationKeyResolver> keysByIssuer;
    private final ReplayCache replays;
    private final Duration skew;
    private final int maxLifetimeMinutes;
    private final boolean mayBlock;

    /**
     * @param clients allow-listed clients
     * @param replays the shared jti cache
     * @param skew    allowed clock skew
     * @param maxLifetime how far ahead {@code exp} may lie, and how long {@code exp - iat}: whole minutes, at least
     *                    one
     */
    public CdsTokenVerifier(Map<String, CdsSettings.Client> clients, ReplayCache replays, Duration skew,
                            Duration maxLifetime) {
        if (maxLifetime.toMinutes() < 1 || !maxLifetime.equals(Duration.ofMinutes(maxLifetime.toMinutes()))) {
            throw new IllegalStateException("spinemet.cds.auth.max-token-lifetime must be whole minutes, at least "
                    + "one: " + maxLifetime);
        }
        this.maxLifetimeMinutes = Math.toIntExact(maxLifetime.toMinutes());
        Map<String, VerificationKeyResolver> keys = new java.util.HashMap<>();
        clients.forEach((name, client) -> keys.put(client.issuer(), resolver(name, client)));
        this.keysByIssuer = Map.copyOf(keys);
        this.replays = replays;
        this.skew = skew;
        this.mayBlock = replays.blocks() || clients.values().stream().anyMatch(c -> c.jwksUrl().isPresent());
    }

    /**
     * Whether {@link #verify} may wait on the network: a shared (Redis) replay cache, or a client whose keys are
     * read from its JWK Set URL (fetched again on an unknown {@code kid}).
     */
    public boolean mayBlock() {
        return mayBlock;
    }

    private static VerificationKeyResolver resolver(String name, CdsSettings.Client client) {
        if (client.jwks().isPresent()) {
            try {
                return new JwksVerificationKeyResolver(new JsonWebKeySet(client.jwks().get()).getJsonWebKeys());
            } catch (JoseException e) {
                throw new IllegalStateException("spinemet.cds.auth.clients." + name + ".jwks is not a JWK Set", e);
            }
        }
        if (client.jwksUrl().isPresent()) {
            return new HttpsJwksVerificationKeyResolver(new HttpsJwks(client.jwksUrl().get()));
        }
        throw new IllegalStateException("spinemet.cds.auth.clients." + name + " needs jwks-url or jwks");
    }

    /**
     * @param token    the bearer token
     * @param audience the URL called: the service URL plus the request path
     * @return the verified claims
     */
    public JwtClaims verify(String token, String audience) throws Refused {
        JwtContext unverified;
        try {
            unverified = UNVERIFIED.process(token);
        } catch (InvalidJwtException e) {
            throw new Refused("the bearer token is not a JWT");
        }
        String alg = unverified.getJoseObjects().isEmpty() ? null
                : unverified.getJoseObjects().get(0).getAlgorithmHeaderValue();
        if (alg == null || !ALLOWED.contains(alg)) {
            throw new Refused("the token's algorithm is not accepted; sign with RS384 or ES384 (RS256, ES256 "
                    + "accepted); none and HMAC are refused");
        }
        String kid = unverified.getJoseObjects().get(0).getKeyIdHeaderValue();
        if (kid == null || kid.isBlank()) {
            throw new Refused("the token has no kid header");
        }
        String issuer;
        try {
            issuer = unverified.getJwtClaims().getIssuer();
        } catch (MalformedClaimException e) {
            throw new Refused("the token's iss claim is malformed");
        }
        if (issuer == null) {
            throw new Refused("the token has no iss claim");
        }
        VerificationKeyResolver keys = keysByIssuer.get(issuer);
        if (keys == null) {
            throw new Refused("the token's issuer is not an allow-listed CDS client");
        }
        int skewSeconds = (int) skew.toSeconds();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ALGORITHMS)
                .setVerificationKeyResolver(keys)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                // jose4j adds the clock skew to these bounds: iat may lie at most the skew in the future
                .setIssuedAtRestrictions(0, Integer.MAX_VALUE / 2)
                .setRequireJwtId()
                .setMaxFutureValidityInMinutes(maxLifetimeMinutes)
                .setAllowedClockSkewInSeconds(skewSeconds)
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new Refused(reason(e));
        }
        try {
            // exp at most the lifetime ahead bounds a token's remaining life; this bounds the life it was minted with
            long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
            if (lifetime > maxLifetimeMinutes * 60L) {
                throw new Refused("the token's lifetime (exp - iat) is longer than " + maxLifetimeMinutes
                        + " minutes");
            }
            // Remembered for as long as the token is accepted: until exp plus the clock skew.
            Instant acceptedUntil = Instant.ofEpochSecond(claims.getExpirationTime().getValue()).plus(skew);
            if (!replays.firstUse(issuer, claims.getJwtId(), acceptedUntil)) {
                throw new Refused("the token's jti was used before (replay)");
            }
        } catch (MalformedClaimException e) {
            throw new Refused("the token's exp, iat or jti claim is malformed");
        }
        return claims;
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "the token has expired";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "the token's aud is not the URL called";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return "the token's iat is in the future";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE)) {
            return "the token's exp lies too far ahead (a CDS client's token may live at most a few minutes)";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)) {
            return "the token has no iat claim";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "the token has no exp claim";
        }
        if (e.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
            return "the token has no jti claim";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "the token's signature does not verify";
        }
        if (Optional.ofNullable(e.getMessage()).map(m -> m.contains("Unable to find a suitable verification key"))
                .orElse(false)) {
            return "the token's kid names no key of its issuer";
        }
        return "the token is not valid";
    }
}
