package org.pbxlicensing.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's package) driven by Selenium, never a downloaded browser.
 * {@code .ci/run} installs it; where it is missing, browser tests are skipped.
 */
public final class Browser implements AutoCloseable {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
    private static final Path HOME = Path.of(System.getProperty("it.browser.home", "target/browser"));

    private final WebDriver driver;
    private final Path downloads;
    private final Map<String, String> extraHeaders = new HashMap<>();

    private Browser(WebDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    public static boolean available() {
        return Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM);
    }

    public static Browser open() {
        try {
            Files.createDirectories(HOME);
            System.setProperty("SE_OFFLINE", "true");
            Path downloads = Files.createTempDirectory(HOME, "downloads");
            var options = new ChromeOptions();
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900", "--lang=ru",
                    "--user-data-dir=" + Files.createTempDirectory(HOME, "profile"),
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
            // The console's messages, which include every Content-Security-Policy violation ("Refused to …").
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .withEnvironment(java.util.Map.of("XDG_CACHE_HOME", HOME.resolve("cache").toString()))
                    .build();
            return new Browser(new ChromeDriver(service, options), downloads);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bytes of a file the browser downloaded under that name, once the download is complete; the
     * file is taken away, so that the next download of that name gets it again.
     */
    public byte[] downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (!Files.exists(file) || Files.exists(downloads.resolve(fileName + ".crdownload"))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no download " + fileName + " in " + downloads);
                }
                Thread.sleep(50);
            }
            byte[] content = Files.readAllBytes(file);
            Files.delete(file);
            return content;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * From now on this browser's requests come through the trusted proxy from a client address of their own,
     * so that what it asks for (links, reminders, failed logins) counts against no other browser's allowance:
     * without it every browser test is the client 127.0.0.1.
     */
    public Browser fromAnAddressOfItsOwn() {
        return fromAddress(ServerUnderTest.randomClientAddress());
    }

    /** From now on this browser's requests come through the trusted proxy from {@code clientAddress}. */
    public Browser fromAddress(String clientAddress) {
        return withHeader("X-Forwarded-For", clientAddress);
    }

    /** From now on the server's time, for this browser's requests, is ahead by {@code shift} (e.g. {@code PT15M1S}). */
    public Browser withClockShift(String shift) {
        return withHeader("X-Clock-Shift", shift);
    }

    private Browser withHeader(String name, String value) {
        extraHeaders.put(name, value);
        var chrome = (HasCdp) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.copyOf(extraHeaders)));
        return this;
    }

    /** Opens a page of the application, {@code path} relative to its context root. */
    public Browser go(String path) {
        driver.get(ServerUnderTest.BASE_URL + path);
        return this;
    }

    public WebElement find(String id) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /**
     * Waits until the element's page has been replaced. Chrome reports a node of a page it just
     * replaced either as stale or as "does not belong to the document": both mean gone.
     */
    public void waitUntilGone(WebElement element) {
        until(Duration.ofSeconds(30), d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException e) {
                if (replaced(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    public void type(String id, String text) {
        var field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String id) {
        until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Clicks a destructive action's button and answers its confirmation dialog with yes. */
    public void clickConfirmed(String id) {
        click(id);
        answerConfirmation("confirm:yes");
    }

    /** Answers the open confirmation dialog with its yes ({@code confirm:yes}) or its cancel ({@code confirm:no}). */
    public void answerConfirmation(String buttonId) {
        click(buttonId);
        until(ExpectedConditions.invisibilityOfElementLocated(By.id(buttonId)));
    }

    /** The text of the open confirmation dialog, once it shows. */
    public String confirmationText() {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog .ui-dialog-content")))
                .getText();
    }

    /**
     * Chooses the item of a PrimeFaces select menu whose label is {@code label}, through the menu's own
     * widget, as a click on the item would (clicking the opened list races its fade-in).
     */
    public void choose(String menuId, String label) {
        chooseWhere(menuId, label, false);
    }

    /** As {@link #choose}, the first item whose label starts with {@code labelStart}. */
    public void chooseStartingWith(String menuId, String labelStart) {
        chooseWhere(menuId, labelStart, true);
    }

    private void chooseWhere(String menuId, String label, boolean prefix) {
        var script = (JavascriptExecutor) driver;
        find(menuId);
        Object value = script.executeScript("""
                for (const option of document.getElementById(arguments[0] + '_input').options) {
                    if (arguments[2] ? option.text.startsWith(arguments[1]) : option.text === arguments[1]) {
                        return option.value;
                    }
                }
                return null;""", menuId, label, prefix);
        if (value == null) {
            throw new AssertionError(menuId + " offers no item labelled " + (prefix ? "from " : "") + "\"" + label + "\"");
        }
        script.executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", menuId, value);
    }

    public String text(String id) {
        return find(id).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public void waitForText(String text) {
        // The page may be replaced while it is read (a form post navigating away): read the new one.
        until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Waits until the element reads {@code expected}: an element that an update replaces while it is read is found again. */
    public void waitForTextOf(String id, String expected) {
        until(d -> expected.equals(d.findElement(By.id(id)).getText()));
    }

    /** As {@link #until(Duration, Function)}, for up to 15 seconds. */
    public <T> T until(Function<WebDriver, T> condition) {
        return until(Duration.ofSeconds(15), condition);
    }

    /**
     * Waits until the condition answers something other than null or false, and answers that. Every wait of
     * the browser tests goes through here: an element that a page update replaces while the condition reads
     * it (stale, or "does not belong to the document") counts as "not yet", and the condition is asked again.
     */
    public <T> T until(Duration patience, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (replaced(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Chrome reports an element that a page update replaced as stale, or as a node no longer in the document. */
    private static boolean replaced(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages of the browser's console since the last call, of every page this browser showed. */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** The console's errors (level SEVERE: script errors, failed loads) since the last look at the console. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
