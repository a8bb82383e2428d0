package io.spinemet.efficacy.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which {@code next} links the fetcher follows with the client's bearer token: only those under the hook's FHIR base
 * (same scheme, host, port and base path), so a FHIR server cannot send the token, or the service, elsewhere.
 */
class FhirFetcherNextLinkTest {

    static final URI BASE = URI.create("https://ehr.example.org/fhir");

    @ParameterizedTest
    @CsvSource({
            // absolute, as servers usually send them
            "https://ehr.example.org/fhir/Observation?patient=1&_page=2, https://ehr.example.org/fhir/Observation?patient=1&_page=2",
            // HAPI's paging links point at the base itself
            "https://ehr.example.org/fhir?_getpages=abc&_getpagesoffset=10, https://ehr.example.org/fhir?_getpages=abc&_getpagesoffset=10",
            // explicit default port, host in capitals
            "https://EHR.example.org:443/fhir/Observation?_page=2, https://EHR.example.org:443/fhir/Observation?_page=2",
            // relative to the base
            "Observation?patient=1&_page=2, https://ehr.example.org/fhir/Observation?patient=1&_page=2",
    })
    void linksUnderTheBaseAreFollowed(String link, String expected) {
        assertEquals(Optional.of(URI.create(expected)), FhirFetcher.sameServer(BASE, link));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example.org/fhir/Observation?_page=2",      // another host
            "https://ehr.example.org.evil.example/fhir/Observation",  // a host that only starts like it
            "http://ehr.example.org/fhir/Observation?_page=2",        // another scheme (the token in clear text)
            "https://ehr.example.org:8443/fhir/Observation",          // another port
            "https://attacker@ehr.example.org/fhir/Observation",      // user info
            "https://ehr.example.org/fhirx/Observation",              // a sibling path that only starts like it
            "https://ehr.example.org/admin/secrets",                  // outside the base path
            "https://ehr.example.org/fhir/../admin",                  // dot segments leaving the base
            "https://ehr.example.org/fhir/%2e%2e/admin",              // encoded dot segments
            "//evil.example.org/fhir/Observation",                    // scheme-relative to another host
            "file:///etc/passwd",
            "not a url with spaces",
    })
    void linksElsewhereAreRefused(String link) {
        assertTrue(FhirFetcher.sameServer(BASE, link).isEmpty(), link);
    }
}
