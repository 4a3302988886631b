package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's HTTP edge, spoken to over a raw socket so that nothing tidies the request first: Host checks (DNS
 * rebinding), requests the server cannot parse, and path decoding. Every answer is the JSON error shape with the
 * security headers.
 */
class HttpHardeningTest {
  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Engine engine;

  @BeforeAll
  static void start() {
    fx = new EngineFixture(dir);
    engine = fx.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  record Answer(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    void isJsonErrorWithSecurityHeaders(int expected) {
      assertThat(status).as(body).isEqualTo(expected);
      assertThat(headers.get("content-type")).startsWith("application/json");
      assertThat(headers.get("content-security-policy")).contains("default-src 'none'");
      assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
      assertThat(headers.get("cache-control")).isEqualTo("no-store");
      assertThat(headers).doesNotContainKey("server");
      assertThat(json().get("error").asText()).doesNotContain("\n").doesNotContain("<");
    }
  }

  static Answer raw(String requestHead) {
    int port = engine.uri().getPort();
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      var headers = new LinkedHashMap<String, String>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer get(String path, String host) {
    return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + EngineFixture.TOKEN
        + "\r\nConnection: close\r\n\r\n");
  }

  String self() {
    return "127.0.0.1:" + engine.uri().getPort();
  }

  @Test
  void aHostThatIsNotTheEngineIsRefusedBeforeAnythingElse() {
    for (String host : new String[] {"evil.example", "evil.example:" + engine.uri().getPort(), "127.0.0.1:1",
        "127.0.0.1.evil.example", "[::2]", ""}) {
      var a = get("/v1/health", host);
      a.isJsonErrorWithSecurityHeaders(host.isEmpty() ? 400 : 421);
    }
    assertThat(get("/v1/commands", "evil.example").json().get("error").asText()).startsWith("host: ");
    for (String host : new String[] {self(), "localhost:" + engine.uri().getPort(), "LOCALHOST", "127.0.0.1",
        "[::1]:" + engine.uri().getPort()}) {
      assertThat(get("/v1/health", host).status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void requestsTheServerCannotParseGetTheJsonShape() {
    get("/v1/inventory/list/%zz", self()).isJsonErrorWithSecurityHeaders(400);
    get("/v1/inventory/jobs/%E0%A4", self()).isJsonErrorWithSecurityHeaders(400);
    get("/v1/audit?limit=%zz", self()).isJsonErrorWithSecurityHeaders(400);
    raw("GARBAGE\r\n\r\n").isJsonErrorWithSecurityHeaders(400);
    raw("GET /v1/health HTTP/1.1\r\nHost: " + self() + "\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n")
        .isJsonErrorWithSecurityHeaders(431);
  }

  @Test
  void pathSegmentsAreDecodedWithoutTurningPlusIntoASpace() {
    var plus = get("/v1/inventory/jobs/a+b", self());
    plus.isJsonErrorWithSecurityHeaders(404);
    assertThat(plus.json().get("error").asText()).isEqualTo("job: no job 'a+b'");
    var escaped = get("/v1/inventory/jobs/a%20b%2Bc", self());
    assertThat(escaped.json().get("error").asText()).isEqualTo("job: no job 'a b+c'");
    assertThat(get("/v1/inventory/list/users?account=%31%32", self()).json().get("error").asText())
        .contains("account");
  }
}
