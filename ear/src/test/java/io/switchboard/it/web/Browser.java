package io.switchboard.it.web;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by the test set-up) on the desktop at
 * http://127.0.0.1:8080/, with a fresh profile and the flags a closed network needs. Closing it fails the test when
 * the page broke its Content-Security-Policy (an inline style, an inline script, another origin): the console says so.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    public Browser(String language) {
        try {
            profile = Files.createTempDirectory("switchboard-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("switchboard.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1280,1000", "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("switchboard.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    /** The element that has the keyboard focus now. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Presses keys on whatever has the focus. The desk redraws on every event and gives the focus back to the same
     * control, redrawn: an element read a moment before may be gone, so the keys go to the one focused now (a key sent
     * to a detached element is not delivered, so nothing is pressed twice).
     */
    void press(CharSequence... keys) {
        await(d -> {
            try {
                focused().sendKeys(keys);
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    /** Switches to one of the top bar's views: desk, channels or board. */
    public void view(String name) {
        click(By.id("tab-" + name));
        await(d -> "true".equals(d.findElement(By.id("tab-" + name)).getAttribute("aria-pressed")));
    }

    public void open() {
        driver.get("http://127.0.0.1:8080/");
    }

    public void signIn(String login, String password) {
        submitSignIn(login, password);
        await(d -> d.findElement(By.id("tabs")).isDisplayed() && !d.findElement(By.id("who")).getText().isBlank());
    }

    /** Fills the sign-in form and sends it, without waiting for the desk: for a sign-in that is to be refused. */
    void submitSignIn(String login, String password) {
        type(By.name("login"), login);
        type(By.name("password"), password);
        click(By.cssSelector("#signin button[type=submit]"));
    }

    /** The first visible match; the page re-renders on every event, so a match may go stale and is found again. */
    WebElement find(By by) {
        return await(d -> {
            try {
                var found = d.findElements(by);
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            } catch (StaleElementReferenceException rerendered) {
                return null;
            }
        });
    }

    void click(By by) {
        act(by, WebElement::click);
    }

    void type(By by, String text) {
        act(by, element -> {
            element.clear();
            element.sendKeys(text);
        });
    }

    String text(By by) {
        return await(d -> {
            try {
                return find(by).getText();
            } catch (StaleElementReferenceException rerendered) {
                return null;
            }
        });
    }

    private void act(By by, java.util.function.Consumer<WebElement> action) {
        await(d -> {
            try {
                WebElement element = find(by);
                if (!element.isEnabled()) {
                    return false;
                }
                action.accept(element);
                return true;
            } catch (StaleElementReferenceException | ElementNotInteractableException rerendered) {
                return false;
            }
        });
    }

    /** Waits up to five seconds for the condition (a value, or true). */
    <T> T await(ExpectedCondition<T> condition) {
        return await(condition, Duration.ofSeconds(5));
    }

    public <T> T await(ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves a PNG of the page to the screenshots directory (docs/screenshots when made by dev/screenshots.sh). */
    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("switchboard.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Chrome's "Refused to … because it violates the following Content Security Policy directive" lines in the
     * console since it was last read, as a failure; null when there are none. A console that cannot be read fails too:
     * the check must not pass by being switched off.
     */
    private AssertionError policyViolations() {
        try {
            List<String> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
            return refused.isEmpty() ? null
                    : new AssertionError("The page broke its Content-Security-Policy:\n" + String.join("\n", refused));
        } catch (WebDriverException unreadable) {
            return new AssertionError("The browser's console could not be read for policy violations", unreadable);
        }
    }

    @Override
    public void close() {
        AssertionError policyBroken = policyViolations();
        try {
            // The page as the test left it, to see what a failing test saw.
            Path dir = Path.of("target", "screenshots", "last");
            Files.createDirectories(dir);
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    dir.resolve(System.nanoTime() + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException ignored) {
            // best effort only
        }
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
        if (policyBroken != null) {
            throw policyBroken;
        }
    }
}
