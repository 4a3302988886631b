package io.rolecall.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in HTTP proxy that records the first line of each request it gets (for HTTPS, the
 * {@code CONNECT host:443} naming the endpoint the SDK resolved) and refuses it. It shows whether a
 * proxy is used and which endpoint a client chose, with no network beyond loopback.
 */
final class RecordingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  RecordingProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(this::acceptLoop);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread.ofVirtual().start(() -> answer(s));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void answer(Socket s) {
    try (s) {
      var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      String first = in.readLine();
      if (first != null) {
        requestLines.add(first);
      }
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        // Headers are read and dropped.
      }
      s.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException ignored) {
      // The client gave up first; nothing to record.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    acceptor.interrupt();
  }
}
