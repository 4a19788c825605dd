package io.sanctionsradar.system;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Headless Chromium from Debian's packages (/usr/bin/chromium, /usr/bin/chromedriver; {@code .ci/run} installs
 * them), driven by Selenium; a fresh profile each time, so each sign-in starts without cookies. Nothing is
 * downloaded: the driver and browser paths are given, so Selenium Manager never runs.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final String console;
    private final Path profile;

    Browser(String consoleUrl, String timeZone) throws IOException {
        this.console = consoleUrl;
        this.profile = Files.createTempDirectory("console-browser");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        driver = new ChromeDriver(service, options);
        // the viewer's zone, as a person in that zone would have it
        driver.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", timeZone));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /** Through the development sign-in, as a person would: the console sends the browser there first. */
    void signIn(String name, List<String> roles, String portfolios) {
        open("/");
        await(By.id("sign-in"));
        WebElement subject = driver.findElement(By.id("subject"));
        subject.clear();
        subject.sendKeys(name);
        roles.forEach(role -> driver.findElement(By.id("role-" + role)).click());
        WebElement portfolio = driver.findElement(By.id("portfolios"));
        portfolio.clear();
        portfolio.sendKeys(portfolios);
        driver.findElement(By.id("sign-in")).click();
        await(By.cssSelector("form.who"));
    }

    void open(String path) {
        driver.get(console + path);
    }

    WebElement await(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    String text(By locator) {
        return await(locator).getText();
    }

    boolean present(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    void scrollTo(By locator) {
        driver.executeScript("arguments[0].scrollIntoView(true);", await(locator));
    }

    /** A screenshot of the page as it is into target/screenshots/{name}.png, for docs/console.md. */
    void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
