package io.spinemet.efficacy.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages over HTTP: headers, caching, and content drawn from the served model files (the bundled ones). */
@QuarkusTest
@TestProfile(BundledModels.class)
class PageResourceTest {

    @Test
    void calculatorIsServedWithAStrictPolicyAndAValidator() {
        Response r = given().when().get("/");
        r.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("default-src 'none'"), not(containsString("unsafe-inline")),
                        not(containsString("unsafe-eval"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", containsString("no-cache"))
                .body(containsString("<form id=\"calculator\""), containsString("data-caveat=\"reconstructed-cohort\""),
                        // authentication is off in this profile: the page is told so and needs no sign-in
                        containsString("data-auth-required=\"false\""));
        String etag = r.header("ETag");
        assertTrue(etag != null && !etag.isBlank());
        given().header("If-None-Match", etag).when().get("/").then().statusCode(304);
        given().header("If-None-Match", "\"other\"").when().get("/").then().statusCode(200);
    }

    @Test
    void pageHasNoInlineScriptStyleOrOutsideRequest() {
        for (String path : List.of("/", "/models/pvp", "/models/decompression")) {
            String html = given().when().get(path).then().statusCode(200).extract().asString();
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), path + ": inline script");
            assertFalse(html.contains("<style"), path + ": inline style element");
            assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), path + ": style attribute");
            assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), path + ": inline event handler");
            Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
            while (m.find()) {
                assertTrue(m.group(1).startsWith("/") || m.group(1).startsWith("#"),
                        path + " refers outside the service: " + m.group(1));
            }
        }
    }

    @Test
    void assetsAreCachedForAYearByContentHash() {
        String html = given().when().get("/").then().extract().asString();
        Matcher m = Pattern.compile("src=\"(/assets/app\\.js\\?v=([0-9a-f]{12}))\"").matcher(html);
        assertTrue(m.find(), "script link with content hash");
        Response r = given().when().get(m.group(1));
        r.then().statusCode(200).contentType(startsWith("text/javascript"))
                .header("Cache-Control", allOf(containsString("max-age=31536000"), containsString("immutable")))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().header("If-None-Match", r.header("ETag")).when().get(m.group(1)).then().statusCode(304);
        given().when().get("/assets/nothing.js").then().statusCode(404);
        given().when().get("/assets/..%2Fapplication.properties").then().statusCode(404);
    }

    @Test
    void modelPageDrawsEveryChartFromTheModelFile() {
        for (String slug : List.of("pvp", "decompression")) {
            String html = given().when().get("/models/" + slug).then().statusCode(200)
                    .header("ETag", not(org.hamcrest.Matchers.emptyOrNullString())).extract().asString();
            for (String chart : List.of("forest-plot", "nomogram", "calibration-plot", "roc-curve")) {
                assertTrue(html.contains("data-chart=\"" + chart + "\""), slug + ": " + chart);
            }
            JsonPath card = given().when().get("/api/v1/models/" + slug).then().statusCode(200).extract().jsonPath()
                    .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
            List<Map<String, Object>> coefficients = card.getList("model.coefficients");
            Matcher points = Pattern.compile("data-term=\"([^\"]+)\" data-or=\"([^\"]+)\" data-lower=\"([^\"]+)\" "
                    + "data-upper=\"([^\"]+)\"").matcher(html);
            int n = 0;
            while (points.find()) {
                n++;
                String term = points.group(1).replace("&quot;", "\"");
                Map<String, Object> c = coefficients.stream().filter(k -> k.get("term").equals(term)).findFirst()
                        .orElseThrow(() -> new AssertionError("forest point for unknown term " + term));
                assertEquals(((Number) c.get("oddsRatio")).doubleValue(), Double.parseDouble(points.group(2)), 0);
                assertEquals(((Number) c.get("oddsRatioCiLower")).doubleValue(), Double.parseDouble(points.group(3)), 0);
                assertEquals(((Number) c.get("oddsRatioCiUpper")).doubleValue(), Double.parseDouble(points.group(4)), 0);
            }
            assertEquals(coefficients.size() - 1, n, slug + ": one forest point per term but the intercept");
            for (Object limitation : card.getList("model.limitations")) {
                assertTrue(html.contains(escape((String) limitation)), slug + ": limitation " + limitation);
            }
        }
    }

    @Test
    void everyLinkOnThePagesLeadsSomewhere() {
        for (String page : List.of("/", "/models/pvp", "/models/decompression")) {
            String html = given().when().get(page).then().statusCode(200).extract().asString();
            Matcher m = Pattern.compile("href=\"(/[^\"#]*)").matcher(html);
            int links = 0;
            while (m.find()) {
                links++;
                String target = m.group(1).replace("&amp;", "&");
                int status = given().redirects().follow(false).when().get(target).statusCode();
                assertTrue(status < 400, page + " links to " + target + ", which answers " + status);
            }
            assertTrue(links >= 3, page + ": links found " + links);
        }
    }

    @Test
    void unknownModelPageIs404Html() {
        given().when().get("/models/kyphoplasty").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("/models/pvp"));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
