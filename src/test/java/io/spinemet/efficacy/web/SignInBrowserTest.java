package io.spinemet.efficacy.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.spinemet.efficacy.security.TestTokens;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The calculator with authentication on, in headless Chromium: the page asks the user to sign in after the API's
 * 401 and shows the check that failed, a pasted token goes to the API as a bearer token and the prediction appears,
 * a token without the {@code predict} scope gets the 403's detail, a refused token is forgotten, and signing out
 * empties sessionStorage. Tokens are minted with keys generated for the run ({@link TestTokens}); the expected texts
 * and numbers are the API's own answers to the same requests, asked over HTTP.
 */
@QuarkusTest
@TestProfile(AuthOnBundledModels.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBrowserTest extends BrowserPageTest {

    static final String TOKEN_KEY = "spinemet.accessToken";
    static final String FULL = TestTokens.rs256(TestTokens.claims("predict models:read").build());
    static final String READ_ONLY = TestTokens.rs256(TestTokens.claims("models:read").build());

    /** Records every Content-Security-Policy violation of each page loaded from now on, in window.__csp. */
    @BeforeAll
    static void recordCspViolations() {
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
                        + " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });"));
    }

    /** The strict policy held: nothing the page did (sign-in included) was blocked by it. */
    private void assertNoCspViolation() {
        assertEquals(List.of(), browser.js("return window.__csp;"), "Content-Security-Policy violations");
    }

    private WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private void open() {
        browser.driver.get(url("/"));
    }

    private void awaitProblem(int status) {
        browser.wait.until(d -> d.findElement(By.id("auth-problem")).isDisplayed()
                && String.valueOf(status).equals(d.findElement(By.id("auth-problem")).getAttribute("data-status")));
    }

    private void awaitFormReady() {
        browser.wait.until(d -> "true".equals(d.findElement(By.id("calculator")).getAttribute("data-ready")));
    }

    private Object storedToken() {
        return browser.js("return window.sessionStorage.getItem(arguments[0]);", TOKEN_KEY);
    }

    private void paste(String token, boolean pressEnter) {
        WebElement input = byId("access-token");
        input.clear();
        input.sendKeys(token);
        if (pressEnter) {
            input.sendKeys(Keys.ENTER);
        } else {
            byId("sign-in-button").click();
        }
    }

    /** A complete PVP patient from the catalogue: the first allowed value of each factor the PVP model uses. */
    private static Map<String, Object> patient(String token) {
        List<Map<String, Object>> factors = given().header("Authorization", "Bearer " + token)
                .get("/api/v1/factors").then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> patient = new LinkedHashMap<>();
        for (Map<String, Object> f : factors) {
            if (!((List<?>) f.get("usedBy")).contains("PVP")) {
                continue;
            }
            Object value = switch (String.valueOf(f.get("type"))) {
                case "BOOLEAN" -> Boolean.TRUE;
                case "CATEGORICAL" -> ((List<?>) f.get("allowedValues")).get(0);
                default -> ((Number) f.get("minimum")).intValue();
            };
            patient.put((String) f.get("id"), value);
        }
        assertFalse(patient.isEmpty(), "the PVP model uses no factor?");
        return patient;
    }

    private void enter(Map<String, Object> patient) {
        browser.driver.findElement(By.cssSelector("input[name=procedure][value=PVP]")).click();
        patient.forEach((factor, value) -> {
            WebElement fs = byId("factor-" + factor);
            browser.js("var d = arguments[0].closest('details'); if (d) d.open = true;", fs);
            List<WebElement> radios = fs.findElements(By.cssSelector("input[type=radio][value='" + value + "']"));
            if (!radios.isEmpty()) {
                radios.get(0).click();
            } else {
                WebElement input = fs.findElement(By.cssSelector("input[type=text]"));
                input.clear();
                input.sendKeys(String.valueOf(value));
            }
        });
    }

    private static JsonPath api(String method, String path, String token, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then().extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** axe-core finds no serious or critical violation on the page as it is now. */
    private void assertNoSeriousAxeViolation(String state) {
        List<Map<String, Object>> violations = browser.axeViolations();
        StringBuilder report = new StringBuilder(state + ": ");
        for (Map<String, Object> v : violations) {
            report.append(v.get("impact")).append(' ').append(v.get("id")).append("; ");
        }
        assertFalse(violations.stream().anyMatch(v -> List.of("serious", "critical")
                .contains(String.valueOf(v.get("impact")).toLowerCase(Locale.ROOT))), report.toString());
    }

    @Test
    @Order(1)
    void withoutATokenThePageAsksToSignInAndShowsTheApisReason() {
        String detail = api("GET", "/api/v1/factors", null, null).getString("detail");
        open();
        awaitProblem(401);
        assertTrue(byId("auth-problem").getText().contains(detail), byId("auth-problem").getText());
        assertEquals("urn:spinemet:problem:token-missing", byId("auth-problem").getAttribute("data-problem"));
        assertTrue(byId("sign-in").isDisplayed());
        assertTrue(byId("access-token").isDisplayed(), "the sign-in control is offered");
        assertEquals("access-token", browser.js("return document.activeElement.id;"), "focus moves to the token field");
        assertFalse(byId("sign-out").isDisplayed());
        assertTrue(byId("auth-status").getText().startsWith("Not signed in"), byId("auth-status").getText());
        assertNull(byId("calculator").getAttribute("data-ready"), "no form without the catalogue");
        assertTrue(byId("factor-fields").getText().contains("Sign in"), byId("factor-fields").getText());
        assertNull(storedToken());
        assertNoCspViolation();
        try {
            browser.screenshot(1280, CalculatorBrowserTest.SCREENSHOTS.resolve("calculator-sign-in-1280.png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(2)
    void theSignInControlIsAccessible() {
        open();
        awaitProblem(401);
        assertNoSeriousAxeViolation("not signed in, 401 shown");
        Object label = browser.js("var i = document.getElementById('access-token');"
                + "return i.labels && i.labels.length ? i.labels[0].textContent : null;");
        assertTrue(String.valueOf(label).contains("Access token"), String.valueOf(label));
    }

    @Test
    @Order(3)
    void somethingThatIsNotATokenIsNotStoredOrSent() {
        open();
        awaitProblem(401);
        paste("not a token!", false);
        WebElement error = byId("access-token-error");
        browser.wait.until(ExpectedConditions.visibilityOf(error));
        assertTrue(error.getText().contains("not an access token"), error.getText());
        assertEquals("true", byId("access-token").getAttribute("aria-invalid"));
        assertNull(storedToken());
        // the violation recorder works and the policy is enforced: an inline script is blocked and reported
        browser.js("var s = document.createElement('script'); s.textContent = 'window.__ran = true;';"
                + " document.body.appendChild(s);");
        browser.wait.until(d -> !((List<?>) browser.js("return window.__csp;")).isEmpty());
        assertNull(browser.js("return window.__ran === undefined ? null : window.__ran;"), "inline script ran");
    }

    @Test
    @Order(4)
    void aTokenWithoutThePredictScopeLoadsTheFormButGetsThe403Detail() {
        Map<String, Object> patient = patient(READ_ONLY);
        String detail = api("POST", "/api/v1/predictions", READ_ONLY,
                Map.of("procedure", "PVP", "factors", patient)).getString("detail");
        assertTrue(detail.contains("predict"), detail);
        open();
        awaitProblem(401);
        paste(READ_ONLY, false);
        awaitFormReady();
        assertEquals(READ_ONLY, storedToken());
        assertTrue(byId("sign-out").isDisplayed(), "signed in: sign-out offered");
        assertFalse(byId("auth-problem").isDisplayed(), "the earlier refusal is cleared");
        assertTrue(byId("auth-status").getText().contains("Scopes: models:read"), byId("auth-status").getText());
        enter(patient);
        byId("estimate").click();
        awaitProblem(403);
        assertTrue(byId("auth-problem").getText().contains(detail), byId("auth-problem").getText());
        assertEquals("urn:spinemet:problem:insufficient-scope", byId("auth-problem").getAttribute("data-problem"));
        assertTrue(byId("access-token").isDisplayed(), "another token can be pasted");
        assertEquals(READ_ONLY, storedToken(), "a valid token lacking a scope is kept until replaced or signed out");
        assertEquals(0, browser.driver.findElements(By.cssSelector("article.prediction")).size());
        assertNoCspViolation();
        assertNoSeriousAxeViolation("signed in, 403 shown");
    }

    @Test
    @Order(5)
    void aValidTokenGetsThePredictionAndIsKeptInThisTabOnly() {
        Map<String, Object> patient = patient(FULL);
        double expected = api("POST", "/api/v1/predictions", FULL, Map.of("procedure", "PVP", "factors", patient))
                .getDouble("probability");
        // continues from the 403: pasting a token with the scope (keyboard only) repeats the estimate
        paste(FULL, true);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.prediction")));
        WebElement card = browser.driver.findElement(By.cssSelector("article.prediction"));
        assertEquals(expected, Double.parseDouble(card.getAttribute("data-probability")), 1e-12);
        assertEquals(FULL, storedToken());
        assertEquals(1L, ((Number) browser.js("return window.sessionStorage.length;")).longValue());
        assertEquals(0L, ((Number) browser.js("return window.localStorage.length;")).longValue());
        assertEquals("", browser.js("return document.cookie;"));
        String location = browser.driver.getCurrentUrl();
        assertFalse(location.contains("?") || location.contains(FULL.substring(0, 20)), location);
        assertEquals("", byId("access-token").getAttribute("value"), "the pasted token does not stay in the field");
        assertFalse(byId("access-token").isDisplayed(), "signed in: the paste field is put away");
        assertTrue(byId("auth-status").getText().contains("Signed in as service-account-planner"),
                byId("auth-status").getText());
        assertFalse(byId("auth-problem").isDisplayed());
        assertNoCspViolation();
    }

    @Test
    @Order(6)
    void signingOutEmptiesSessionStorageAndTheResult() {
        assertEquals(FULL, storedToken(), "signed in from the previous step");
        byId("sign-out").click();
        assertNull(storedToken());
        assertEquals(0L, ((Number) browser.js("return window.sessionStorage.length;")).longValue());
        assertFalse(byId("result").isDisplayed(), "the patient's result is not left on screen");
        assertEquals(0, browser.driver.findElements(By.cssSelector("article.prediction")).size());
        assertTrue(byId("auth-status").getText().startsWith("Not signed in"));
        assertTrue(byId("access-token").isDisplayed());
        assertFalse(byId("sign-out").isDisplayed());
        // the next load starts signed out: the token was nowhere else
        open();
        awaitProblem(401);
        assertNull(storedToken());
    }

    @Test
    @Order(7)
    void aRefusedTokenIsForgottenAndTheFailedCheckNamed() {
        Instant past = Instant.now().minusSeconds(3600);
        JWTClaimsSet expired = new JWTClaimsSet.Builder(TestTokens.claims("predict models:read").build())
                .issueTime(Date.from(past.minusSeconds(600))).notBeforeTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past)).build();
        String token = TestTokens.rs256(expired);
        String detail = api("GET", "/api/v1/factors", token, null).getString("detail");
        assertTrue(detail.contains("expired"), detail);
        open();
        awaitProblem(401);
        paste(token, false);
        browser.wait.until(d -> d.findElement(By.id("auth-problem")).getText().contains(detail));
        assertEquals("urn:spinemet:problem:token-expired", byId("auth-problem").getAttribute("data-problem"));
        assertNull(storedToken(), "a refused token is not kept");
        assertTrue(byId("auth-status").getText().startsWith("Not signed in"));
        assertNoCspViolation();
    }
}
