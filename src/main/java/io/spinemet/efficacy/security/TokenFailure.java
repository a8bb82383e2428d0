package io.spinemet.efficacy.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Base64;
import java.util.Set;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Says which check a refused bearer token failed, from SmallRye JWT's (jose4j's) exception. SmallRye JWT does the
 * verification; this only names the outcome. Texts are fixed: never the token, a claim value or the library's message
 * (jose4j's messages quote the claims).
 */
public final class TokenFailure {

    public static final String MISSING = "token-missing";

    /** Signature algorithms accepted (RS and ES families); the same list as {@code mp.jwt.verify.publickey.algorithm}. */
    public static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A code and a sentence for the client. */
    public record Outcome(String check, String detail) {
    }

    private TokenFailure() {
    }

    /**
     * @param failure what SmallRye JWT threw (usually an {@code AuthenticationFailedException})
     * @param token   the bearer token as sent (only its header is read, to name a refused algorithm), or {@code null}
     */
    public static Outcome of(Throwable failure, String token) {
        String alg = algorithm(token);
        if (alg == null) {
            return new Outcome("token-malformed", "The bearer token is not a signed JWT (JWS compact form).");
        }
        if (!ALGORITHMS.contains(alg)) {
            return new Outcome("token-algorithm", "The token's signature algorithm is not accepted; accepted are "
                    + String.join(", ", ALGORITHMS.stream().sorted().toList()) + ".");
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidAlgorithmException) {
                return new Outcome("token-algorithm", "The token's signature algorithm is not accepted.");
            }
            if (t instanceof UnresolvableKeyException) {
                return new Outcome("token-key-unknown", "The token was signed with a key that is not in the issuer's "
                        + "JWK Set (unknown or rotated-out kid).");
            }
            if (t instanceof InvalidJwtException jwt) {
                return of(jwt);
            }
        }
        return new Outcome("token-invalid", "The bearer token could not be verified.");
    }

    private static Outcome of(InvalidJwtException e) {
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return new Outcome("token-signature", "The token's signature does not verify with the issuer's key.");
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
            return new Outcome("token-expired", "The token has expired (exp).");
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return new Outcome("token-not-yet-valid", "The token is not valid yet (nbf).");
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return new Outcome("token-not-yet-valid", "The token was issued in the future (iat).");
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return new Outcome("token-audience", "The token is not meant for this service (aud).");
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return new Outcome("token-issuer", "The token comes from an issuer this service does not trust (iss).");
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return new Outcome("token-claims", "The token lacks a required claim (exp, iat, sub).");
        }
        if (e.hasErrorCode(ErrorCodes.JSON_INVALID) || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return new Outcome("token-malformed", "The token's header or claims are not valid JSON of the "
                    + "expected types.");
        }
        return new Outcome("token-invalid", "The bearer token could not be verified.");
    }

    /** The {@code alg} of a compact JWS/JWT's header, or {@code null} when it cannot be read. */
    static String algorithm(String token) {
        if (token == null) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            JsonNode alg = header == null ? null : header.get("alg");
            return alg != null && alg.isTextual() ? alg.textValue() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
