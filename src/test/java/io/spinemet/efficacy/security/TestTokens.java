package io.spinemet.efficacy.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Keys generated for this test run and tokens signed with them. The issuer's JWK Set ({@link #JWKS}) holds the
 * current RSA key and an EC key; a third RSA key was "rotated out": it signs tokens but is not in the set. The keys
 * are kept in a file per JVM so that the test profile (which configures the service) and the tests (which mint
 * tokens), loaded by different class loaders, use the same ones.
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.test.example/realms/hospital";
    public static final String AUDIENCE = "spinemet-efficacy";
    static final Path DIR = Path.of("target", "test-keys", Long.toString(ProcessHandle.current().pid()));
    public static final Path JWKS = DIR.resolve("jwks.json");
    private static final Path PRIVATE = DIR.resolve("private-jwks.json");

    private static RSAKey rsa;
    private static ECKey ec;
    private static RSAKey rotatedOut;

    private TestTokens() {
    }

    private static synchronized void load() {
        if (rsa != null) {
            return;
        }
        try {
            if (!Files.exists(PRIVATE)) {
                Files.createDirectories(DIR);
                JWKSet all = new JWKSet(List.of(
                        new RSAKeyGenerator(2048).keyID("current-rsa").generate(),
                        new ECKeyGenerator(Curve.P_256).keyID("current-ec").generate(),
                        new RSAKeyGenerator(2048).keyID("rotated-out-rsa").generate()));
                JWKSet published = new JWKSet(List.of(all.getKeyByKeyId("current-rsa").toPublicJWK(),
                        all.getKeyByKeyId("current-ec").toPublicJWK()));
                write(JWKS, published.toString(true));
                write(PRIVATE, all.toString(false));
            }
            JWKSet all = JWKSet.load(PRIVATE.toFile());
            rsa = (RSAKey) all.getKeyByKeyId("current-rsa");
            ec = (ECKey) all.getKeyByKeyId("current-ec");
            rotatedOut = (RSAKey) all.getKeyByKeyId("rotated-out-rsa");
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("test keys", e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(DIR, "keys", ".tmp");
        Files.writeString(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Ensures the key files exist; returns the JWK Set's path for {@code mp.jwt.verify.publickey.location}. */
    public static String jwksLocation() {
        load();
        return JWKS.toAbsolutePath().toString();
    }

    /** Standard claims: our issuer and audience, issued now, valid for 5 minutes, the given scope. */
    public static JWTClaimsSet.Builder claims(String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("service-account-planner")
                .claim("azp", "planner").claim("scope", scope).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    public static String rs256(JWTClaimsSet claims) {
        load();
        return sign(claims, JWSAlgorithm.RS256, rsa.getKeyID(), s -> new RSASSASigner(rsa));
    }

    public static String es256(JWTClaimsSet claims) {
        load();
        return sign(claims, JWSAlgorithm.ES256, ec.getKeyID(), s -> new ECDSASigner(ec));
    }

    /** Signed with a key no longer in the issuer's JWK Set. */
    public static String rotatedOut(JWTClaimsSet claims) {
        load();
        return sign(claims, JWSAlgorithm.RS256, rotatedOut.getKeyID(), s -> new RSASSASigner(rotatedOut));
    }

    /**
     * HS256 with the issuer's public RSA key as the HMAC secret, naming the current kid: the algorithm-confusion
     * attack, which a verifier that lets the token choose its algorithm would accept.
     */
    public static String hs256(JWTClaimsSet claims) {
        load();
        byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        return sign(claims, JWSAlgorithm.HS256, rsa.getKeyID(), s -> new MACSigner(secret));
    }

    /** An unsecured JWT: header {@code {"alg":"none"}}, empty signature. */
    public static String none(JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A valid RS256 token whose claims were then changed (scope widened), keeping the old signature. */
    public static String tampered(JWTClaimsSet claims) {
        String token = rs256(claims);
        String[] parts = token.split("\\.");
        JWTClaimsSet changed = new JWTClaimsSet.Builder(claims).claim("scope", "predict models:read admin").build();
        parts[1] = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changed.toString().getBytes(StandardCharsets.UTF_8));
        return String.join(".", parts);
    }

    private interface SignerFactory {
        com.nimbusds.jose.JWSSigner create(String unused) throws JOSEException;
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm alg, String kid, SignerFactory signer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(signer.create(null));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
