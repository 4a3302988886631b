package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's three files as the jar serves them: no way for data to become markup or code (no innerHTML, no
 * eval), nothing inline that the strict CSP would have to allow, nothing loaded from another origin; and the engine
 * serves them with that CSP.
 */
class DashboardFilesTest {
  static String file(String name) throws IOException {
    try (InputStream in = Dashboard.class.getResourceAsStream("dashboard/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theScriptNeverTurnsDataIntoMarkupOrCode() throws IOException {
    String js = file("app.js");
    assertThat(js).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
        "new Function", "javascript:", "localStorage");
    // The token travels in the Authorization header only.
    assertThat(js).contains("Authorization: 'Bearer ' + token()").doesNotContainPattern("['\"][^'\"\\n]*[?&]token=");
  }

  @Test
  void thePageHasNothingInlineAndNothingFromElsewhere() throws IOException {
    String html = file("index.html");
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", " style=", " onclick=",
        "http://", "https://");
    assertThat(html).contains("<script src=\"/app.js\" defer></script>", "<link rel=\"stylesheet\" href=\"/style.css\">");
    assertThat(file("style.css")).doesNotContain("@import", "url(");
  }

  @Test
  void theEngineServesThemUnderAStrictPolicy() throws Exception {
    var fx = new EngineFixture(Files.createTempDirectory("rolecall-dashboard-files"));
    try {
      var engine = fx.start();
      for (String path : new String[] {"/", "/app.js", "/style.css"}) {
        var r = fx.send(engine, "GET", path, null, null);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString()
            .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'")
            .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
      }
    } finally {
      fx.close();
    }
  }
}
