package io.spinemet.efficacy.cdshooks;

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
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A CDS client (EHR) for the tests: keys generated when the tests start, its public JWK Set allow-listed in the
 * service's configuration, and tokens minted on demand (valid, or broken in one way).
 */
public class CdsTestClient implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://ehr.test.example/";
    public static final String SERVICE_URL = "http://localhost:8081";

    static final ECKey EC;
    static final RSAKey RSA;
    /** A key of nobody the service knows. */
    static final ECKey STRANGER;

    static {
        try {
            EC = new ECKeyGenerator(Curve.P_384).keyID("ehr-es384").generate();
            RSA = new RSAKeyGenerator(2048).keyID("ehr-rs384").generate();
            STRANGER = new ECKeyGenerator(Curve.P_384).keyID("ehr-es384").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK Set the service trusts. */
    static String jwks() {
        return new JWKSet(List.of(EC.toPublicJWK(), RSA.toPublicJWK())).toString();
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "spinemet.cds.auth.clients.test-ehr.issuer", ISSUER,
                "spinemet.cds.auth.clients.test-ehr.jwks", jwks());
    }

    @Override
    public void stop() {
    }

    /** Claims of a valid token for {@code path}. */
    static JWTClaimsSet.Builder claims(String path) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("test-ehr-client").audience(SERVICE_URL + path)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** A valid ES384 token for {@code path}. */
    public static String token(String path) {
        return es384(claims(path).build(), EC);
    }

    public static String bearer(String path) {
        return "Bearer " + token(path);
    }

    static String es384(JWTClaimsSet claims, ECKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs384(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(RSA.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(RSA));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(JWTClaimsSet claims) {
        try {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(EC.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String none(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** A valid token whose payload was swapped for another one after signing. */
    static String tampered(String path) {
        String[] good = token(path).split("\\.");
        String[] other = es384(claims(path).subject("someone-else").build(), EC).split("\\.");
        return good[0] + "." + other[1] + "." + good[2];
    }
}
