package io.rolecall.auth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide list of secret values seen so far, and the last line of defence: anything about
 * to be printed, logged or journaled can be passed through {@link #redact(String)}. The first line
 * is never to build a message from a secret at all ({@link Secret#toString()} is masked).
 */
public final class Redactor {
  /** Values shorter than this are not treated as secrets: masking "1" or "a" would mangle output. */
  private static final int MIN_LENGTH = 6;
  private static final Redactor GLOBAL = new Redactor();

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  public static Redactor global() {
    return GLOBAL;
  }

  public void register(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH) {
      secrets.add(secret);
    }
  }

  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, "****");
      }
    }
    return out;
  }
}
