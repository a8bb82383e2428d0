package io.spinemet.efficacy.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.JWTClaimsSet;
import io.spinemet.efficacy.security.InMemoryReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JWT checks CDS Hooks requires, one case each, with keys generated for the test. */
class CdsTokenVerifierTest {

    static final String PATH = "/cds-services/spinemet-order-select";
    static final String AUD = CdsTestClient.SERVICE_URL + PATH;

    private final CdsTokenVerifier verifier = new CdsTokenVerifier(Map.of("ehr", client(CdsTestClient.jwks())),
            new InMemoryReplayCache(1000, Clock.systemUTC()), Duration.ofSeconds(30), Duration.ofMinutes(5));

    static CdsSettings.Client client(String jwks) {
        return new CdsSettings.Client() {
            @Override
            public String issuer() {
                return CdsTestClient.ISSUER;
            }

            @Override
            public Optional<String> jwksUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<String> jwks() {
                return Optional.of(jwks);
            }
        };
    }

    private String refusal(String token) {
        return assertThrows(CdsTokenVerifier.Refused.class, () -> verifier.verify(token, AUD)).getMessage();
    }

    @Test
    void validEs384AndRs384TokensAreAccepted() throws Exception {
        assertEquals("test-ehr-client", verifier.verify(CdsTestClient.token(PATH), AUD).getSubject());
        assertEquals("test-ehr-client", verifier.verify(CdsTestClient.rs384(CdsTestClient.claims(PATH).build()), AUD)
                .getSubject());
    }

    @Test
    void expiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = CdsTestClient.es384(CdsTestClient.claims(PATH).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(300))).build(), CdsTestClient.EC);
        assertEquals("the token has expired", refusal(token));
    }

    @Test
    void tokenForAnotherUrlIsRefused() {
        String token = CdsTestClient.token("/cds-services/spinemet-patient-view");
        assertEquals("the token's aud is not the URL called", refusal(token));
        String otherHost = CdsTestClient.es384(CdsTestClient.claims(PATH).audience("https://evil.example" + PATH)
                .build(), CdsTestClient.EC);
        assertEquals("the token's aud is not the URL called", refusal(otherHost));
    }

    @Test
    void unknownIssuerIsRefused() {
        String token = CdsTestClient.es384(CdsTestClient.claims(PATH).issuer("https://other-ehr.example/").build(),
                CdsTestClient.EC);
        assertEquals("the token's issuer is not an allow-listed CDS client", refusal(token));
    }

    @Test
    void replayedJtiIsRefused() throws Exception {
        String token = CdsTestClient.token(PATH);
        verifier.verify(token, AUD);
        assertEquals("the token's jti was used before (replay)", refusal(token));
    }

    @Test
    void algNoneIsRefused() {
        String message = refusal(CdsTestClient.none(CdsTestClient.claims(PATH).build()));
        assertEquals(true, message.startsWith("the token's algorithm is not accepted"), message);
    }

    @Test
    void hmacIsRefused() {
        String message = refusal(CdsTestClient.hs256(CdsTestClient.claims(PATH).build()));
        assertEquals(true, message.startsWith("the token's algorithm is not accepted"), message);
    }

    @Test
    void tamperedSignatureIsRefused() {
        assertEquals("the token's signature does not verify", refusal(CdsTestClient.tampered(PATH)));
    }

    @Test
    void tokenSignedByAnUnknownKeyWithAKnownKidIsRefused() {
        String token = CdsTestClient.es384(CdsTestClient.claims(PATH).build(), CdsTestClient.STRANGER);
        assertEquals("the token's signature does not verify", refusal(token));
    }

    @Test
    void unknownKidIsRefused() throws Exception {
        var key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_384).keyID("rotated-away")
                .generate();
        assertEquals("the token's kid names no key of its issuer",
                refusal(CdsTestClient.es384(CdsTestClient.claims(PATH).build(), key)));
    }

    @Test
    void issuedInTheFutureIsRefused() {
        // iat 2 minutes ahead (beyond the 30 s skew); exp within the 5-minute lifetime, so iat alone is at fault
        Instant later = Instant.now().plusSeconds(120);
        String token = CdsTestClient.es384(CdsTestClient.claims(PATH).issueTime(Date.from(later))
                .expirationTime(Date.from(later.plusSeconds(120))).build(), CdsTestClient.EC);
        assertEquals("the token's iat is in the future", refusal(token));
    }

    @Test
    void theClockSkewIsAllowedOnceEachWay() throws Exception {
        // skew 30 s: iat 20 s ahead is accepted, 50 s ahead is not (jose4j would add the skew to an iat allowance)
        Instant now = Instant.now();
        verifier.verify(CdsTestClient.es384(CdsTestClient.claims(PATH).issueTime(Date.from(now.plusSeconds(20)))
                .expirationTime(Date.from(now.plusSeconds(300))).build(), CdsTestClient.EC), AUD);
        assertEquals("the token's iat is in the future", refusal(CdsTestClient.es384(CdsTestClient.claims(PATH)
                .issueTime(Date.from(now.plusSeconds(50))).expirationTime(Date.from(now.plusSeconds(300))).build(),
                CdsTestClient.EC)));
        // exp 10 s ago is within the skew: accepted once, and then a replay (remembered until exp + skew)
        String lateToken = CdsTestClient.es384(CdsTestClient.claims(PATH).issueTime(Date.from(now.minusSeconds(100)))
                .expirationTime(Date.from(now.minusSeconds(10))).build(), CdsTestClient.EC);
        verifier.verify(lateToken, AUD);
        assertEquals("the token's jti was used before (replay)", refusal(lateToken));
        // exp 50 s ago is beyond it
        assertEquals("the token has expired", refusal(CdsTestClient.es384(CdsTestClient.claims(PATH)
                .issueTime(Date.from(now.minusSeconds(100))).expirationTime(Date.from(now.minusSeconds(50))).build(),
                CdsTestClient.EC)));
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsRefused() throws Exception {
        Instant now = Instant.now();
        // exp 4 min 50 s ahead: within 5 minutes
        verifier.verify(CdsTestClient.es384(CdsTestClient.claims(PATH).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(290))).build(), CdsTestClient.EC), AUD);
        // a day ahead: a leaked token would work all day, and its jti would have to be remembered as long
        String dayLong = CdsTestClient.es384(CdsTestClient.claims(PATH).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofDays(1)))).build(), CdsTestClient.EC);
        assertEquals("the token's exp lies too far ahead (a CDS client's token may live at most a few minutes)",
                refusal(dayLong));
        // minted a day ago to live a day and a few minutes: its exp is near, but it has lived far longer than 5 minutes
        String oldLongLived = CdsTestClient.es384(CdsTestClient.claims(PATH)
                .issueTime(Date.from(now.minus(Duration.ofDays(1))))
                .expirationTime(Date.from(now.plusSeconds(240))).build(), CdsTestClient.EC);
        assertEquals("the token's lifetime (exp - iat) is longer than 5 minutes", refusal(oldLongLived));
        // 10 minutes ahead: also beyond 5 minutes plus the 30 s skew
        assertEquals("the token's exp lies too far ahead (a CDS client's token may live at most a few minutes)",
                refusal(CdsTestClient.es384(CdsTestClient.claims(PATH).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600))).build(), CdsTestClient.EC)));
    }

    @Test
    void theMaximumLifetimeMustBeWholeMinutes() {
        Map<String, CdsSettings.Client> clients = Map.of("ehr", client(CdsTestClient.jwks()));
        InMemoryReplayCache cache = new InMemoryReplayCache(10, Clock.systemUTC());
        assertThrows(IllegalStateException.class,
                () -> new CdsTokenVerifier(clients, cache, Duration.ofSeconds(30), Duration.ofSeconds(90)));
        assertThrows(IllegalStateException.class,
                () -> new CdsTokenVerifier(clients, cache, Duration.ofSeconds(30), Duration.ZERO));
    }

    @Test
    void missingJtiIsRefused() {
        JWTClaimsSet claims = CdsTestClient.claims(PATH).jwtID(null).build();
        assertEquals("the token has no jti claim", refusal(CdsTestClient.es384(claims, CdsTestClient.EC)));
    }

    @Test
    void garbageIsRefusedWithoutQuotingIt() {
        String message = refusal("not-a-jwt-SECRETVALUE");
        assertEquals("the bearer token is not a JWT", message);
    }
}
