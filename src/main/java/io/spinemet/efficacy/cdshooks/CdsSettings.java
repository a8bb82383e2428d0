package io.spinemet.efficacy.cdshooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CDS Hooks settings ({@code spinemet.cds.*}). Documented in application.properties and docs/cds-hooks.md.
 */
@ConfigMapping(prefix = "spinemet.cds")
public interface CdsSettings {

    /**
     * The service's public base URL as the EHR calls it (no trailing slash), e.g. {@code https://cds.example.org}. A
     * token's {@code aud} must be this plus the path called ({@code /cds-services/...}); card links are built on it.
     */
    @WithName("service-url")
    String serviceUrl();

    /** How far before the hook an Observation may be dated and still be used. */
    @WithName("look-back")
    @WithDefault("P30D")
    Duration lookBack();

    /** Timeout of one FHIR call (connect and read). */
    @WithName("fetch.call-timeout")
    @WithDefault("PT2S")
    Duration callTimeout();

    /** Time allowed for all FHIR calls of one hook. */
    @WithName("fetch.hook-budget")
    @WithDefault("PT5S")
    Duration hookBudget();

    /**
     * How many pages of one search are read by following the Bundle's {@code next} links (same FHIR server only).
     * When more remain, what was read is used and the card says the data may be incomplete.
     */
    @WithName("fetch.max-pages")
    @WithDefault("10")
    int maxPages();

    /**
     * Procedure codes of a draft ServiceRequest that name each operation, as {@code system|code}, keyed by the
     * procedure's slug ({@code pvp}, {@code decompression}).
     */
    @WithName("procedure-codes")
    Map<String, List<String>> procedureCodes();

    /**
     * Tests and examples only: the time the hooks treat as now (for the look-back window), so that dated example
     * data give the same cards on any day. Unset in production.
     */
    @WithName("testing.fixed-time")
    Optional<java.time.Instant> fixedTime();

    Auth auth();

    interface Auth {
        /**
         * Whether every CDS Hooks call needs a signed JWT from an allow-listed client. Turning it off is for local
         * development only: the service then logs a warning at start-up.
         */
        @WithDefault("true")
        boolean enabled();

        /** Allowed clock skew for exp and iat. */
        @WithName("clock-skew")
        @WithDefault("PT30S")
        Duration clockSkew();

        /**
         * How far ahead a token's exp may lie (whole minutes): longer-lived tokens are refused, which bounds how long
         * a stolen token works and how long the replay cache must remember a jti.
         */
        @WithName("max-token-lifetime")
        @WithDefault("PT5M")
        Duration maxTokenLifetime();

        /** The allow-listed CDS clients (EHRs), by a name of your choice. */
        Map<String, Client> clients();
    }

    /** One allow-listed CDS client. */
    interface Client {
        /** The {@code iss} of its tokens. */
        String issuer();

        /** Its JWK Set URL. */
        @WithName("jwks-url")
        Optional<String> jwksUrl();

        /** Its JWK Set as JSON, instead of a URL. */
        Optional<String> jwks();
    }
}
