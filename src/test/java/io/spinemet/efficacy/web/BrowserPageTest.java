package io.spinemet.efficacy.web;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A page test in headless Chromium: one browser per test class, started before and closed after its tests. */
abstract class BrowserPageTest {

    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        Browser.assumeAvailable();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The address of a path on the service under test. */
    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
