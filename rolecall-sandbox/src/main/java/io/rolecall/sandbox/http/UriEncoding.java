package io.rolecall.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RFC 3986 percent-encoding as AWS uses it: for SigV4 canonical forms and for URL-encoded IAM policy documents. */
public final class UriEncoding {
  private UriEncoding() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Encodes every byte except the unreserved set {@code A-Z a-z 0-9 - _ . ~} (and '/' when {@code keepSlash}). */
  public static String encode(String value, boolean keepSlash) {
    var out = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /** Percent-decodes; with {@code plusIsSpace} (form bodies) '+' also decodes to a space. Malformed escapes stay literal. */
  public static String decode(String value, boolean plusIsSpace) {
    if (value.indexOf('%') < 0 && !(plusIsSpace && value.indexOf('+') >= 0)) return value;
    var bytes = new ByteArrayOutputStream(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) && hex(value.charAt(i + 2))) {
        bytes.write(Integer.parseInt(value, i + 1, i + 3, 16));
        i += 3;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
        i++;
      } else { // copy the run up to the next escape whole, so surrogate pairs stay together
        int end = i + 1;
        while (end < value.length() && value.charAt(end) != '%' && !(plusIsSpace && value.charAt(end) == '+')) end++;
        bytes.writeBytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean hex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /** Splits {@code a=1&b&c=x} into decoded pairs, keeping order; a name without '=' gets the empty value. */
  public static List<Map.Entry<String, String>> parsePairs(String raw, boolean plusIsSpace) {
    var pairs = new ArrayList<Map.Entry<String, String>>();
    if (raw == null || raw.isEmpty()) return pairs;
    for (String part : raw.split("&")) {
      if (part.isEmpty()) continue;
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(Map.entry(decode(name, plusIsSpace), decode(value, plusIsSpace)));
    }
    return pairs;
  }
}
