package io.spinemet.efficacy.security;

/**
 * A request refused by authentication (401), authorization (403) or a rate limit (429). Its texts name the check
 * that failed and never quote the token or the request.
 *
 * @see TokenFailure
 */
public final class AccessDenied extends RuntimeException {

    private final int status;
    private final String check;
    private final String detail;
    private final String challenge;
    private final long retryAfterSeconds;

    private AccessDenied(int status, String check, String detail, String challenge, long retryAfterSeconds) {
        super(check, null, false, false);
        this.status = status;
        this.check = check;
        this.detail = detail;
        this.challenge = challenge;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 401: no usable token. {@code check} is one of {@link TokenFailure}'s codes. */
    public static AccessDenied unauthenticated(String check, String detail) {
        String challenge = check.equals(TokenFailure.MISSING) ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + check + "\"";
        return new AccessDenied(401, check, detail, challenge, 0);
    }

    /** 403: a valid token without the scope the endpoint requires. */
    public static AccessDenied insufficientScope(String scope) {
        return new AccessDenied(403, "insufficient-scope", "The token is valid but lacks the scope '" + scope
                + "' this endpoint requires.", "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"", 0);
    }

    /** 429: the client has used up its request rate. */
    public static AccessDenied rateLimited(long retryAfterSeconds, long requests, java.time.Duration period) {
        return new AccessDenied(429, "rate-limit", "This client may make " + requests + " requests per "
                + period.toSeconds() + " s; retry after " + retryAfterSeconds + " s.", null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    /** A short code naming the failed check, e.g. {@code token-expired}, {@code insufficient-scope}. */
    public String check() {
        return check;
    }

    public String detail() {
        return detail;
    }

    /** The {@code WWW-Authenticate} value (RFC 6750), or {@code null}. */
    public String challenge() {
        return challenge;
    }

    /** For 429: whole seconds until a request will be accepted again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
