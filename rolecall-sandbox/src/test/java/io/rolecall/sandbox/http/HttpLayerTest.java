package io.rolecall.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.Sandbox;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the HTTP layer promises, checked on a raw socket: 100-continue, chunked request bodies, keep-alive. */
class HttpLayerTest {
  final Sandbox sb = Sandbox.start();

  @AfterEach
  void close() {
    sb.close();
  }

  record Response(String statusLine, Map<String, String> headers, String body) {}

  static String line(InputStream in) throws IOException {
    var b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) throw new IOException("connection closed");
      if (c != '\r') b.write(c);
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  static Response read(InputStream in) throws IOException {
    String status = line(in);
    var headers = new LinkedHashMap<String, String>();
    for (String h; !(h = line(in)).isEmpty(); ) {
      headers.put(h.substring(0, h.indexOf(':')).toLowerCase(Locale.ROOT), h.substring(h.indexOf(':') + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new Response(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  @Test
  void expectContinueChunkedBodyAndKeepAlive() throws IOException {
    try (var socket = new Socket("127.0.0.1", sb.port())) {
      var out = socket.getOutputStream();
      var in = new BufferedInputStream(socket.getInputStream());
      out.write(("PUT /latest/api/token HTTP/1.1\r\nHost: 127.0.0.1\r\nX-aws-ec2-metadata-token-ttl-seconds: 60\r\n"
          + "Expect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(line(in)).isEqualTo("HTTP/1.1 100 Continue");
      while (!line(in).isEmpty()) { /* the interim response's headers */ }
      out.write("5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var token = read(in);
      assertThat(token.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(token.headers()).containsKey("x-amzn-requestid");

      // The same connection serves the next request.
      out.write(("GET /latest/meta-data/instance-id HTTP/1.1\r\nHost: 127.0.0.1\r\nX-aws-ec2-metadata-token: "
          + token.body() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var id = read(in);
      assertThat(id.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(id.body()).isEqualTo(sb.imds().instanceId());
    }
  }

  @Test
  void aDroppedConnectionGetsNoResponseAtAll() throws IOException {
    sb.faults().on("imds").dropConnection(1);
    try (var socket = new Socket("127.0.0.1", sb.port())) {
      socket.getOutputStream().write("GET /latest/meta-data/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }
}
