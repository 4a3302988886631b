package io.rolecall.config;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.net.URI;
import java.net.URISyntaxException;

/** Parsing of endpoint and proxy URLs given by users, with errors naming the setting. */
public final class Urls {
  private Urls() {}

  public static URI http(String text, String setting) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new UsageException(setting + ": expected an http:// or https:// URL with a host, got "
            + Shown.quoted(withoutUserInfo(text)));
      }
      if (uri.getPort() == 0 || uri.getPort() > 65535) {
        throw new UsageException(setting + ": expected a port from 1 to 65535 in the URL, got " + uri.getPort()
            + " in " + Shown.quoted(withoutUserInfo(text)));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException(setting + ": expected an http:// or https:// URL, got " + Shown.quoted(withoutUserInfo(text)));
    }
  }

  /** A URL as it may be shown: user and password (a proxy's) replaced. */
  static String withoutUserInfo(String text) {
    return text.replaceAll("//[^/@]*@", "//****@");
  }
}
