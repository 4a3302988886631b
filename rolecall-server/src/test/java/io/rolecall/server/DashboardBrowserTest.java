package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.Seeder;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver; .ci/install-tools installs them), against
 * an engine on the sandbox with 40 accounts of 50 users each (and one account that refuses the engine), synced once
 * through the API: each view is opened by its hash link and what it shows is checked; axe-core checks each view for
 * serious and critical accessibility violations; the time each view took to render (the page's own performance
 * measures) is written to rolecall-server/target/dashboard-timings.txt (never asserted: tests do not judge wall time)
 * and screenshots at 1400 and 800 px to rolecall-server/target/dashboard-VIEW[-800].png. Skipped when Chromium is
 * absent.
 */
class DashboardBrowserTest {
  static final List<String> BROWSERS = List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium");
  static final String DRIVER = "/usr/bin/chromedriver";
  static final int ACCOUNTS = 40;
  static final int USERS = 50;
  static final String CAROL = "arn:aws:iam::222222222222:user/carol";
  static final String DEPLOYER = "arn:aws:iam::222222222222:role/deployer";
  static final String OPS_ADMIN = "arn:aws:iam::333333333333:role/ops-admin";
  /** A suppression reason a spreadsheet would run as a formula: the CSV export must make it text. */
  static final String FORMULA_REASON = "=HYPERLINK(\"http://example.invalid\",\"open\") reviewed in CHG-17";
  static final Duration VIEW_WAIT = Duration.ofSeconds(60);

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Engine engine;
  static WebDriver browser;
  static String weakPolicyFinding;

  @BeforeAll
  static void start() throws Exception {
    Optional<String> binary = BROWSERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    boolean present = binary.isPresent() && Files.isExecutable(Path.of(DRIVER));
    if (!present) {
      System.err.println("DashboardBrowserTest skipped: needs chromium and chromedriver (Debian packages chromium and"
          + " chromium-driver; .ci/install-tools installs them)");
    }
    Assumptions.assumeTrue(present, "chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
    fx = new EngineFixture(dir, Sandbox.start(), """
        suppressions:
          - rule: cross-account-trust-without-condition
            principal: "%s"
            reason: '%s'
            expires: 2099-12-31
        """.formatted(OPS_ADMIN, FORMULA_REASON.replace("'", "''")));
    List<String> accounts = estate();
    // serve's default 16 workers: each account's IAM calls are paced (10/s), so 2 workers took ~110 s for the estate.
    engine = fx.start(dir.resolve("rolecall.db").toString(), "engine-a", 16);
    sync(String.join(",", accounts) + "," + EngineFixture.UNTRUSTED);
    // One change through the engine, for the audit journal's view.
    var change = fx.post(engine, "/v1/commands/aws-iam-account-password-policy-update",
        "{\"args\": {\"account_id\": \"333333333333\", \"minimum_password_length\": 15}}");
    assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
    var weak = InventoryApiTest.json(fx.get(engine, "/v1/inventory/findings?rule=weak-password-policy&account=222222222222"));
    weakPolicyFinding = weak.at("/findings/0/id").asText();
    assertThat(weakPolicyFinding).startsWith("f-");
    // The engine keeps the access graph of the current state: build it now, as a running engine has it, so the
    // views' times are those of a warm engine (the first read after a sync also builds the graph).
    assertThat(fx.get(engine, "/v1/access/who?account=333333333333").statusCode()).isEqualTo(200);

    var options = new ChromeOptions();
    options.setBinary(binary.get());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1000");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /**
   * 40 accounts (222222222222, 333333333333 and 100000000001...) of 50 users, 5 groups, 5 roles and 3 policies, each
   * trusting the engine; 222222222222 keeps a weak password policy, carol there can assume deployer (admin), which
   * can assume ops-admin (admin) in 333333333333, which trusts it without a condition (suppressed, with a reason).
   */
  static List<String> estate() {
    var accounts = new ArrayList<String>(List.of("222222222222", "333333333333"));
    for (int i = 1; accounts.size() < ACCOUNTS; i++) {
      accounts.add(String.format("1000000000%02d", i));
    }
    var spec = EstateSpec.empty().withUsers(USERS, 1).withGroups(5).withRoles(5).withPolicies(3);
    for (String a : accounts) {
      var account = fx.sb.account(a);
      if (!EngineFixture.TRUSTING.contains(a)) {
        fx.trustEngine(a);
      }
      Seeder.seed(account, spec);
    }
    var iam = fx.sb.account("222222222222").iam();
    iam.setPasswordPolicy(new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));
    iam.createUser("carol");
    iam.putUserPolicy("carol", "read-logs", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"logs:Get*\",\"Resource\":\"*\"}]}");
    iam.addUserToGroup("group-000", "carol");
    iam.createAccessKey("carol");
    iam.credentials().enableVirtualMfa("carol");
    iam.createRole("deployer", TrustPolicy.trusting(CAROL));
    iam.attachRolePolicy("deployer", "arn:aws:iam::aws:policy/AdministratorAccess");
    var other = fx.sb.account("333333333333").iam();
    other.createRole("ops-admin", TrustPolicy.trusting(DEPLOYER));
    other.attachRolePolicy("ops-admin", "arn:aws:iam::aws:policy/AdministratorAccess");
    return accounts;
  }

  static void sync(String accounts) throws InterruptedException {
    var started = fx.post(engine, "/v1/inventory/jobs", "{\"accounts\": \"" + accounts + "\", \"services\": \"iam\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = InventoryApiTest.json(started).get("id").asText();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      var job = InventoryApiTest.json(fx.get(engine, "/v1/inventory/jobs/" + id));
      if (!job.get("status").asText().matches("queued|running")) {
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the estate's sync did not finish in 5 minutes");
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

  // ---- helpers ----

  static JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  static WebDriverWait waiting(Duration d) {
    return new WebDriverWait(browser, d);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A page connected with the engine token (as a #token= link opens it), whatever an earlier test left. */
  static void connected() {
    Object ok = browser.getCurrentUrl().startsWith(engine.uri().toString()) ? js().executeScript(
        "return !!sessionStorage.getItem('rolecall-engine-token') && !document.getElementById('app').hidden") : false;
    if (!Boolean.TRUE.equals(ok)) {
      browser.get(engine.uri() + "/#token=" + EngineFixture.TOKEN);
      waiting(VIEW_WAIT).until(d -> "overview".equals(js().executeScript(
          "return document.getElementById('view').dataset.rendered || null")));
    }
  }

  /**
   * Runs {@code action} and waits until the view {@code route} finished rendering (the page's performance measure
   * "rolecall ROUTE"); answers the measure's duration in milliseconds.
   */
  static double rendered(String route, Runnable action) {
    js().executeScript("performance.clearMeasures();");
    action.run();
    Object ms = waiting(VIEW_WAIT).until(d -> js().executeScript(
        "const m = performance.getEntriesByName('rolecall ' + arguments[0], 'measure');"
            + "return m.length && document.getElementById('view').dataset.rendered === arguments[0]"
            + " && !document.getElementById('view').hasAttribute('aria-busy') ? m[m.length - 1].duration : null;", route));
    return ((Number) ms).doubleValue();
  }

  /** Opens a hash link in the connected page (a hashchange, as a click on a link); the render time in ms. */
  static double show(String hash, String route) {
    connected();
    return rendered(route, () -> js().executeScript(
        "if (location.hash === arguments[0]) window.dispatchEvent(new HashChangeEvent('hashchange'));"
            + " else location.hash = arguments[0];", hash));
  }

  static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  static String view() {
    return text("view");
  }

  // ---- the views ----

  @Test
  void theTokenLinkIsReadOnceAndLeavesTheAddressAlsoInAnOpenTab() {
    browser.get(engine.uri() + "/#token=" + EngineFixture.TOKEN);
    waiting(VIEW_WAIT).until(d -> d.findElement(By.id("app")).isDisplayed());
    assertThat(browser.getCurrentUrl()).doesNotContain(EngineFixture.TOKEN).endsWith("#/overview");
    assertThat(js().executeScript("return sessionStorage.getItem('rolecall-engine-token')")).isEqualTo(EngineFixture.TOKEN);
    waiting(VIEW_WAIT).until(d -> text("whoami").contains("engine token"));

    // Forgotten, then a #token= link followed in this same tab: a hashchange, read the same way.
    browser.findElement(By.id("logout")).click();
    assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
    assertThat(js().executeScript("return sessionStorage.getItem('rolecall-engine-token')")).isNull();
    js().executeScript("location.hash = arguments[0]", "#token=" + EngineFixture.TOKEN);
    waiting(VIEW_WAIT).until(d -> d.findElement(By.id("app")).isDisplayed());
    assertThat(browser.getCurrentUrl()).doesNotContain(EngineFixture.TOKEN);
    assertThat(js().executeScript("return history.length > 0 && location.hash")).isEqualTo("#/overview");
    assertThat(js().executeScript("return sessionStorage.getItem('rolecall-engine-token')")).isEqualTo(EngineFixture.TOKEN);
  }

  @Test
  void overviewShowsEveryAccountsStatusAgeAndFindingsWithCharts() {
    show("#/overview", "overview");
    var rows = browser.findElements(By.cssSelector("#view table tbody tr"));
    assertThat(rows).hasSize(ACCOUNTS + 1);
    String page = view();
    assertThat(page).contains("222222222222", "100000000038", "444444444444", "not-assessed", "ok");
    assertThat(text("overview-stats")).contains(ACCOUNTS + 1 + " accounts").contains("open findings");
    assertThat(browser.findElements(By.cssSelector("#view svg.chart"))).hasSize(2);
    assertThat(browser.findElement(By.cssSelector("#view svg.chart title")).getAttribute("textContent"))
        .contains("high").contains("medium");
    // Everything was first seen by the one sync: all its open findings are new since yesterday.
    assertThat(Integer.parseInt(text("overview-new"))).isPositive();
  }

  /** The cells of the findings table (not of the table of accounts not assessed beside it). */
  static final String FINDING_CELLS = "//section[@aria-labelledby='h-findings-list']//tbody/tr/td";

  @Test
  void findingsFilterBySeverityAndSortByAColumn() {
    show("#/findings", "findings");
    assertThat(text("finding-groups")).contains("admin-policy-attached", "weak-password-policy");
    new Select(browser.findElement(By.id("f-severity"))).selectByValue("high");
    rendered("findings", () -> browser.findElement(By.id("findings-filters-apply")).click());
    assertThat(browser.getCurrentUrl()).contains("severity=high");
    var severities = browser.findElements(By.xpath(FINDING_CELLS + "[1]"));
    assertThat(severities).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo("high"));
    assertThat(text("finding-groups")).contains("admin-policy-attached").doesNotContain("weak-password-policy");

    rendered("findings", () -> browser.findElement(By.xpath("//th/button[starts-with(normalize-space(.), 'Account')]")).click());
    var sorted = browser.findElement(By.xpath("//th[button[starts-with(normalize-space(.), 'Account')]]"));
    assertThat(sorted.getAttribute("aria-sort")).isEqualTo("ascending");
    var accounts = browser.findElements(By.xpath(FINDING_CELLS + "[3]")).stream()
        .map(WebElement::getText).toList();
    assertThat(accounts).isSorted();
  }

  @Test
  void identitiesSearchThroughTheApiWithTotals() {
    show("#/identities", "identities");
    assertThat(text("identities-count")).isEqualTo("Showing 1–50 of " + (ACCOUNTS * USERS + 3) + " IAM users");
    assertThat(browser.findElements(By.cssSelector("#view table tbody tr"))).hasSize(50);
    // Pages come from the API (its nextToken), forwards and back.
    rendered("identities", () -> browser.findElement(By.linkText("Next page")).click());
    assertThat(text("identities-count")).isEqualTo("Showing 51–100 of " + (ACCOUNTS * USERS + 3) + " IAM users");
    rendered("identities", () -> browser.findElement(By.linkText("Previous page")).click());
    assertThat(text("identities-count")).startsWith("Showing 1–50 of ");
    browser.findElement(By.id("identity-q")).sendKeys("user-007");
    rendered("identities", () -> browser.findElement(By.id("identities-filters-apply")).click());
    assertThat(text("identities-count")).isEqualTo("Showing 1–40 of 40 IAM users");
    assertThat(browser.findElements(By.cssSelector("#view table tbody tr"))).hasSize(ACCOUNTS)
        .allSatisfy(tr -> assertThat(tr.getText()).contains("user-007"));
    assertThat(view()).contains("IAM roles (0)");
  }

  @Test
  void aPrincipalPageShowsPoliciesKeysMfaAndReach() {
    show("#/identities?q=carol", "identities");
    rendered("principal", () -> browser.findElement(By.linkText("carol")).click());
    String page = view();
    assertThat(page).contains("read-logs", "logs:Get*", "group-000", "MFA: ");
    assertThat(page).doesNotContain("MFA: no device");
    var reaches = browser.findElement(By.xpath("//section[h3='Reaches']")).getText();
    assertThat(reaches).contains("222222222222", "333333333333", "admin", "carol → deployer → ops-admin");

    show("#/principal/" + enc(OPS_ADMIN), "principal");
    var reachedBy = browser.findElement(By.xpath("//section[h3='Reached by']")).getText();
    assertThat(reachedBy).contains("carol", "deployer", "admin");
    assertThat(view()).contains("trust", "AdministratorAccess");
  }

  @Test
  void anAccessPathIsDrawnAndExplainedHopByHop() {
    show("#/access?account=333333333333&level=admin", "access");
    var carol = browser.findElement(By.xpath("//article[@class='reach'][.//a[normalize-space(.)='carol']]"));
    assertThat(carol.getText()).contains("2 hops");
    assertThat(carol.findElements(By.cssSelector("svg.path-graph g.node"))).hasSize(3);
    rendered("access", () -> carol.findElement(By.partialLinkText("Explain")).click());
    var explained = browser.findElement(By.id("path-explained"));
    assertThat(explained.findElements(By.cssSelector("svg.path-graph"))).isNotEmpty();
    assertThat(explained.findElements(By.cssSelector("svg.path-graph g.node")).size()).isGreaterThanOrEqualTo(3);
    assertThat(explained.getText()).contains(CAROL + " can assume " + DEPLOYER, DEPLOYER + " can assume " + OPS_ADMIN);
  }

  @Test
  void exportedCsvIsTheFilteredSetAndFormulaSafe() {
    show("#/findings?status=all", "findings");
    js().executeScript("window.__blobs = []; const make = URL.createObjectURL.bind(URL);"
        + " URL.createObjectURL = (b) => { window.__blobs.push(b); return make(b); };");
    browser.findElement(By.id("export-csv")).click();
    waiting(VIEW_WAIT).until(d -> text("export-status").startsWith("Exported"));
    // Every record ends in CRLF (RFC 4180), counted in the page: the driver's transport may normalize line ends.
    Object ends = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + " window.__blobs[0].text().then(t => done([t.split('\\r\\n').length, t.split('\\n').length,"
        + " t.endsWith('\\r\\n')]));");
    assertThat(ends).asList().satisfies(e -> {
      assertThat(e.get(0)).isEqualTo(e.get(1));
      assertThat(e.get(2)).isEqualTo(true);
    });
    String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; window.__blobs[0].text().then(done);");
    var lines = csv.split("\r?\n");
    assertThat(lines[0]).isEqualTo("id,severity,rule,accountId,principal,status,stale,firstSeen,lastSeen,resolvedAt,"
        + "suppressedReason,evidence,fix");
    String total = text("findings-count").replaceAll(".* of ", "");
    assertThat(lines).hasSize(Integer.parseInt(total) + 1);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(OPS_ADMIN, "suppressed",
        "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"open\"\") reviewed in CHG-17\""));
    // No cell starts with a formula character: each such cell was prefixed with '.
    for (String line : lines) {
      assertThat(line).doesNotContainPattern("(^|,)\"?[=+@-]");
    }
    assertThat(csv).contains("rolecall aws-iam-account-password-policy-update");

    browser.findElement(By.id("export-json")).click();
    waiting(VIEW_WAIT).until(d -> text("export-status").contains("JSON"));
    String json = (String) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; window.__blobs[1].text().then(done);");
    assertThat(json).startsWith("[").contains(FORMULA_REASON.replace("\"", "\\\""));
  }

  @Test
  void aSyncStartedFromThePageShowsItsProgress() {
    show("#/jobs", "jobs");
    var accounts = browser.findElement(By.id("sync-accounts"));
    accounts.clear();
    accounts.sendKeys("222222222222,333333333333," + EngineFixture.UNTRUSTED);
    browser.findElement(By.id("sync-services")).sendKeys("iam");
    browser.findElement(By.id("sync-start")).click();
    waiting(Duration.ofMinutes(2)).until(d -> text("job-status").contains(": done"));
    assertThat(text("job-status")).contains("accounts 3 of 3 done, 1 not ok");
    assertThat(browser.findElement(By.id("job-status")).getAttribute("aria-live")).isEqualTo("polite");
    assertThat(browser.findElement(By.id("job-progress")).getAttribute("value")).isEqualTo("3");
    assertThat(text("job-errors")).contains(EngineFixture.UNTRUSTED);
    waiting(VIEW_WAIT).until(d -> text("jobs-list").contains("222222222222,333333333333," + EngineFixture.UNTRUSTED));
  }

  @Test
  void aDryRunOfAFindingsFixShowsWhatWouldChange() {
    show("#/findings/" + weakPolicyFinding, "findings");
    assertThat(text("fix-command")).startsWith("rolecall aws-iam-account-password-policy-update")
        .contains("account_id=222222222222");
    browser.findElement(By.id("dry-run")).click();
    waiting(VIEW_WAIT).until(d -> text("dry-run-result").contains("Dry run of"));
    assertThat(text("dry-run-result")).contains("aws-iam-account-password-policy-update: ok, nothing was changed")
        .contains("222222222222");
    // A dry run writes nothing: the journal still has only the change made before.
    var journal = InventoryApiTest.json(fx.get(engine, "/v1/audit?account=222222222222")).get("entries");
    assertThat(journal).isEmpty();
  }

  @Test
  void suppressionsAreShownWithTheirReason() {
    show("#/findings?status=suppressed", "findings");
    assertThat(view()).contains("cross-account-trust-without-condition", FORMULA_REASON);
  }

  @Test
  void changesShowTheDiffPerAccountAndKind() {
    show("#/changes", "changes");
    assertThat(text("changes-count")).matches("\\d+ changes from .*");
    var perKind = browser.findElement(By.xpath("//section[h3='Per account and kind']")).getText();
    assertThat(perKind).contains("222222222222", "user", "100000000038");
    assertThat(view()).contains("Recent runs");
  }

  @Test
  void theAuditJournalShowsBeforeAndAfterFieldByField() {
    show("#/audit?account=333333333333", "audit");
    var entry = browser.findElement(By.cssSelector("#audit-entries article")).getText();
    assertThat(entry).contains("aws-iam-account-password-policy-update", "tester (engine)", "333333333333",
        "MinimumPasswordLength", "14", "15");
  }

  /** The views, as links a person bookmarks: name, hash, the route it renders. */
  static Map<String, String[]> views() {
    var v = new LinkedHashMap<String, String[]>();
    v.put("overview", new String[] {"#/overview", "overview"});
    v.put("findings", new String[] {"#/findings", "findings"});
    v.put("finding", new String[] {"#/findings/" + weakPolicyFinding, "findings"});
    v.put("identities", new String[] {"#/identities", "identities"});
    v.put("principal", new String[] {"#/principal/" + enc(CAROL), "principal"});
    v.put("access", new String[] {"#/access?account=333333333333&level=admin&from=" + enc(CAROL) + "&to="
        + enc(OPS_ADMIN), "access"});
    v.put("changes", new String[] {"#/changes", "changes"});
    v.put("jobs", new String[] {"#/jobs", "jobs"});
    v.put("audit", new String[] {"#/audit", "audit"});
    return v;
  }

  static String axeSource() throws IOException {
    // axe.min.js as com.deque.html.axe-core:selenium ships it (a test dependency; the engine never serves it).
    try (InputStream in = DashboardBrowserTest.class.getResourceAsStream("/axe.min.js")) {
      assertThat(in).as("axe.min.js on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void noViewHasASeriousOrCriticalAccessibilityViolation() throws IOException {
    String axe = axeSource();
    var problems = new ArrayList<String>();
    for (int width : new int[] {1400, 800}) {
      browser.manage().window().setSize(new Dimension(width, 1000));
      for (var e : views().entrySet()) {
        show(e.getValue()[0], e.getValue()[1]);
        // Injected by the test through WebDriver (not the page: the engine never serves it, the CSP stays strict).
        js().executeScript("if (typeof window.axe === 'undefined') { " + axe + " }");
        @SuppressWarnings("unchecked")
        var found = (List<Map<String, Object>>) js().executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                + ".catch(err => done([{id: 'axe-error', impact: 'critical', help: String(err), nodes: []}]));");
        for (var v : found) {
          problems.add(e.getKey() + " at " + width + " px: " + v.get("impact") + " " + v.get("id") + " (" + v.get("help")
              + ") at " + v.get("nodes"));
        }
      }
    }
    browser.manage().window().setSize(new Dimension(1400, 1000));
    assertThat(problems).isEmpty();
  }

  @Test
  void everyViewIsTimedAndPhotographedAtTwoWidths() throws IOException {
    var lines = new ArrayList<String>();
    lines.add("# dashboard render times, ms (performance.measure: navigation or hashchange to view rendered),"
        + " " + ACCOUNTS + " accounts x " + USERS + " users");
    Files.createDirectories(Path.of("target"));
    for (int width : new int[] {1400, 800}) {
      browser.manage().window().setSize(new Dimension(width, 1000));
      // A fresh load: from navigation start to the first view rendered (token already in this tab).
      connected();
      // Through another document first: a get that changes only the fragment is a hashchange, not a load.
      browser.get("about:blank");
      browser.get(engine.uri() + "/#/overview");
      Object load = waiting(VIEW_WAIT).until(d -> js().executeScript(
          "const m = performance.getEntriesByName('rolecall load', 'measure'); return m.length ? m[0].duration : null;"));
      double loadMs = ((Number) load).doubleValue();
      assertThat(loadMs).isPositive();
      lines.add(String.format("load (overview) %d px %.1f", width, loadMs));
      for (var e : views().entrySet()) {
        double ms = show(e.getValue()[0], e.getValue()[1]);
        assertThat(ms).as(e.getKey()).isPositive();
        lines.add(String.format("%s %d px %.1f", e.getKey(), width, ms));
        screenshot(e.getKey() + (width == 1400 ? "" : "-" + width));
        // At 800 px nothing runs off the page: wide tables scroll inside their own region.
        Object overflow = js().executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as(e.getKey() + " at " + width + " px scrolls sideways").isLessThanOrEqualTo(0);
      }
    }
    browser.manage().window().setSize(new Dimension(1400, 1000));
    Files.write(Path.of("target", "dashboard-timings.txt"), lines);
    lines.forEach(System.out::println);
  }

  static void screenshot(String name) throws IOException {
    // As tall as the page (up to 4000 px), so the picture shows the whole view.
    var size = browser.manage().window().getSize();
    long height = ((Number) js().executeScript("return document.documentElement.scrollHeight")).longValue();
    browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, Math.max(1000, height + 20))));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "dashboard-" + name + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    browser.manage().window().setSize(size);
    assertThat(Files.size(target)).isGreaterThan(10_000);
  }
}
