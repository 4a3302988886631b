package io.rolecall.server;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding defence: a request is served only when its {@code Host} names this engine: the bound address, a
 * loopback name or address (when bound to loopback or the wildcard), or a name of the allow-list ({@code serve
 * --allow-host}). A page on evil.example whose name was rebound to 127.0.0.1 sends {@code Host: evil.example} and is
 * refused before anything else happens (no token check, no route).
 */
final class HostCheck {
  private final Set<String> names;
  private final int port;

  private HostCheck(Set<String> names, int port) {
    this.names = Set.copyOf(names);
    this.port = port;
  }

  /** The names a Host header may give for an engine bound to {@code bind} ({@code address}) on {@code port}. */
  static HostCheck forBind(String bind, InetAddress address, int port, List<String> allowed) {
    var names = new LinkedHashSet<String>();
    names.add(normalize(bind));
    names.add(normalize(address.getHostAddress()));
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      List.of("localhost", "127.0.0.1", "::1").forEach(h -> names.add(normalize(h)));
    }
    allowed.forEach(h -> names.add(normalize(h)));
    return new HostCheck(names, port);
  }

  /** The names accepted, for the one-line refusal and the start-up log. */
  Set<String> names() {
    return names;
  }

  /** Whether {@code host} (a Host header: name or address, an optional port) names this engine. */
  boolean accepts(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    String name;
    String portText = null;
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      if (close < 0) {
        return false;
      }
      name = h.substring(1, close);
      if (close + 1 < h.length()) {
        if (h.charAt(close + 1) != ':') {
          return false;
        }
        portText = h.substring(close + 2);
      }
    } else {
      int colon = h.lastIndexOf(':');
      if (colon >= 0 && h.indexOf(':') == colon) {
        name = h.substring(0, colon);
        portText = h.substring(colon + 1);
      } else {
        name = h;
      }
    }
    if (portText != null && !portText.equals(Integer.toString(port))) {
      return false;
    }
    return names.contains(normalize(name));
  }

  private static String normalize(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    // An IPv6 literal in any spelling compares as its canonical form.
    if (h.contains(":")) {
      try {
        return InetAddress.getByName(h).getHostAddress().toLowerCase(Locale.ROOT).replaceAll("%.*$", "");
      } catch (java.net.UnknownHostException e) {
        return h;
      }
    }
    return h;
  }
}
