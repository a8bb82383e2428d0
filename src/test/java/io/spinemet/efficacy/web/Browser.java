package io.spinemet.efficacy.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver}, driven by Selenium. Without them the
 * browser tests are skipped with the reason printed (CI installs them, see {@code .ci/run}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Skips the calling test, saying why, when Debian's chromium or chromium-driver is missing. */
    static void assumeAvailable() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String reason = "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them)";
            System.out.println(reason);
            Assumptions.assumeTrue(false, reason);
        }
    }

    static Browser start() {
        try {
            Path profile = Files.createTempDirectory("spinemet-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1280,900", "--hide-scrollbars",
                    "--force-device-scale-factor=1");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs axe-core (bundled under src/test/resources/axe) on the current page; returns its violations. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> axeViolations() {
        js(AXE + "\n;window.__axeLoaded = true;");
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                        + " done(JSON.parse(JSON.stringify(r.violations))); }, function (e) { done(String(e)); });");
        if (!(result instanceof List)) {
            throw new AssertionError("axe did not run: " + result);
        }
        return (List<Map<String, Object>>) result;
    }

    /** Emulates a viewport {@code width} CSS pixels wide (375: a phone), as tall as given. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Saves a screenshot of the whole page at this width as a PNG. */
    void screenshot(int width, Path file) throws IOException {
        viewport(width, 900);
        long h = ((Number) js("return Math.ceil(document.documentElement.scrollHeight);")).longValue();
        viewport(width, (int) Math.min(h, 8000));
        byte[] png = driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    static final String AXE = resource("axe/axe.min.js");

    private static String resource(String name) {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
