package ca.novascotia.lampss.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver; nothing downloaded), one fresh
 * profile per person, for both consoles' tests, with the checks every delegated-console screen gets: a screenshot under target/screenshots and axe-core
 * with no serious or critical violation.
 */
public final class Chromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("lampss.screenshots", "target/screenshots"));
    private static final Path AXE = Path.of(System.getProperty("lampss.axeScript",
            "../providers/src/main/console/node_modules/axe-core/axe.min.js"));

    public final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium speaking {@code language} (the browser's Accept-Language). */
    public static Chromium start(String language) {
        return start(language, 100);
    }

    /**
     * As {@link #start(String)}, with the browser's text size at {@code textSizePercent} of its 16 px
     * default (the person's font-size setting, which the console's rem-based layout follows).
     */
    public static Chromium start(String language, int textSizePercent) {
        try {
            Path profile = Files.createTempDirectory("lampss-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("lampss.chromium", "/usr/bin/chromium"));
            // Without the background-networking flags Chromium's own connections get refused here.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1366,1100", "--lang=" + language,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                    "webkit.webprefs.default_font_size", 16 * textSizePercent / 100));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("lampss.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            return new Chromium(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void open(String url) {
        driver.get(url);
    }

    /** The page's viewport in CSS pixels, as a phone has it or a desktop zoomed in (e.g. 683 px at 200 %). */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Runs a script in the page and returns its result: for reading the page, or scrolling it as a mouse wheel would. */
    public Object js(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public <T> T waitUntil(Function<WebDriver, T> condition, String what) {
        try {
            // React re-renders replace elements while we look at them: look again.
            return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited for " + what + " at " + driver.getCurrentUrl() + ":\n" + bodyText(), e);
        }
    }

    public WebElement find(By by) {
        return waitUntil(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null), by.toString());
    }

    public boolean isPresent(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public void click(By by) {
        find(by).click();
    }

    /** Replaces a field's text the way a person does (React sees every key). */
    public void type(String id, String text) {
        WebElement field = find(By.id(id));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    /** Waits for the screen's heading (and no spinner), then saves a screenshot and runs axe-core. */
    public void screen(String name, String heading) {
        waitUntil(d -> d.findElements(By.id("lampss-page-title")).stream().anyMatch(h -> h.getText().equals(heading))
                && d.findElements(By.cssSelector(".pf-v5-c-spinner")).isEmpty(), "screen " + name + " titled " + heading);
        screenshot(name);
        assertAccessible(name);
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core on the whole page: no serious or critical violation (the others are printed). */
    @SuppressWarnings("unchecked")
    public void assertAccessible(String name) {
        try {
            JavascriptExecutor js = driver;
            js.executeScript(Files.readString(AXE));
            Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                    + " nodes: v.nodes.map(n => n.target.join(' '))})))))"
                    + ".catch(e => done('ERROR ' + e));");
            String json = String.valueOf(result);
            assertTrue(json.startsWith("["), "axe-core ran on " + name + ": " + json);
            List<Map<String, Object>> violations = JsonSerialization.readValue(json, List.class);
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve(name + ".axe.json"), json);
            List<Map<String, Object>> blocking = violations.stream()
                    .filter(v -> List.of("serious", "critical").contains(v.get("impact"))).toList();
            violations.stream().filter(v -> !blocking.contains(v))
                    .forEach(v -> System.out.println("AXE " + name + " " + v.get("impact") + " " + v.get("id") + " " + v.get("nodes")));
            assertTrue(blocking.isEmpty(), "axe-core on " + name + ": " + blocking);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (NoSuchElementException e) {
            return "(no body)";
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
