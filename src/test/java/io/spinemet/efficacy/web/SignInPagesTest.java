package io.spinemet.efficacy.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.spinemet.efficacy.security.TestTokens;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With authentication on, the pages stay public and say so in a data attribute (no secret), and a bearer token sent
 * with a page request (in the header, a cookie or the query string) never comes back in the page or its headers; no
 * cookie is set. The calculator's script keeps the token in sessionStorage only.
 */
@QuarkusTest
@TestProfile(AuthOnBundledModels.class)
class SignInPagesTest {

    static final String TOKEN = TestTokens.rs256(TestTokens.claims("predict models:read").build());

    @Test
    void thePageSaysThatTheApiNeedsATokenAndOffersSignIn() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        assertTrue(html.contains("data-auth-required=\"true\""), "the page is told that /api/v1 needs a token");
        assertTrue(html.contains("id=\"sign-in-form\"") && html.contains("<label for=\"access-token\""), html);
        assertFalse(Pattern.compile("<input[^>]*id=\"access-token\"[^>]*\\bname=").matcher(html).find(),
                "the token field has no name, so no native form submission can put it in a URL");
        // the API itself still needs one
        given().when().get("/api/v1/factors").then().statusCode(401);
    }

    @Test
    void aTokenSentWithAPageRequestNeverAppearsInThePage() {
        String[] parts = TOKEN.split("\\.");
        for (String path : List.of("/", "/models/pvp", "/models/decompression", "/no-such-page",
                "/assets/app.js")) {
            Response r = given().header("Authorization", "Bearer " + TOKEN).cookie("access_token", TOKEN)
                    .queryParam("access_token", TOKEN).when().get(path);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + ": " + r.statusCode());
            String everything = r.asString() + "\n" + r.getHeaders();
            for (String part : parts) {
                assertFalse(everything.contains(part), path + " echoes part of the token");
            }
            assertNull(r.getHeader("Set-Cookie"), path + " sets a cookie");
        }
    }

    @Test
    void theScriptKeepsTheTokenInSessionStorageOnlyAndSendsItAsABearerToken() {
        String js = given().when().get("/").then().extract().asString();
        String script = js.replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        String app = given().when().get(script).then().statusCode(200).extract().asString();
        assertTrue(app.contains("sessionStorage"), "the token is kept in sessionStorage");
        assertFalse(app.contains("localStorage"), "no token (or anything else) in localStorage");
        assertFalse(app.contains("document.cookie"), "no cookie written");
        assertTrue(app.contains("init.headers['Authorization'] = 'Bearer ' + token"), "sent as Authorization: Bearer");
    }
}
