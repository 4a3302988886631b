package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver; .ci/install-tools installs them),
 * against an engine on the sandbox: opens it with a #token= link, runs a sync from the page, and sees the accounts
 * and findings. Leaves a screenshot at rolecall-server/target/dashboard.png. Skipped when Chromium is absent.
 */
class DashboardBrowserTest {
  static final List<String> BROWSERS = List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium");
  static final String DRIVER = "/usr/bin/chromedriver";

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Engine engine;
  static WebDriver browser;

  @BeforeAll
  static void start() {
    Optional<String> binary = BROWSERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    boolean present = binary.isPresent() && Files.isExecutable(Path.of(DRIVER));
    if (!present) {
      System.err.println("DashboardBrowserTest skipped: needs chromium and chromedriver (Debian packages chromium and"
          + " chromium-driver; .ci/install-tools installs them)");
    }
    Assumptions.assumeTrue(present, "chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
    fx = new EngineFixture(dir);
    engine = fx.start();
    var options = new ChromeOptions();
    options.setBinary(binary.get());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1280,1400");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void aSyncFromThePageShowsAccountsAndFindings() throws Exception {
    var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get(engine.uri() + "/#token=" + EngineFixture.TOKEN);
    wait.until(d -> d.findElement(By.id("app")).isDisplayed());
    // The token left the address bar as soon as the page read it, and stays in this tab's sessionStorage only.
    assertThat(browser.getCurrentUrl()).doesNotContain(EngineFixture.TOKEN);

    var accounts = browser.findElement(By.id("sync-accounts"));
    accounts.clear();
    accounts.sendKeys("222222222222,333333333333,444444444444");
    browser.findElement(By.id("sync-start")).click();
    wait.until(d -> d.findElement(By.id("job-status")).getText().contains(": done"));
    wait.until(d -> d.findElement(By.id("accounts")).getText().contains("333333333333"));

    String accountsTable = browser.findElement(By.id("accounts")).getText();
    assertThat(accountsTable).contains("222222222222", "333333333333", "444444444444", "AccessDenied");
    assertThat(browser.findElement(By.id("findings")).getText()).contains("weak-password-policy");
    assertThat(browser.findElement(By.id("identities")).getText()).contains("alice-222");
    // Identities are the API's first page, with the store's total; the job showed its accounts' progress.
    assertThat(browser.findElement(By.id("identities-count")).getText()).matches("Showing 2 of 2 users, \\d+ of \\d+ roles");
    assertThat(browser.findElement(By.id("identities-more")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("job-status")).getText()).contains("accounts 3 of 3 done, 1 not ok");
    Object stored = ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('rolecall-engine-token')");
    assertThat(stored).isEqualTo(EngineFixture.TOKEN);

    File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "dashboard.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isGreaterThan(10_000);
  }
}
