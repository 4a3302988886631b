package io.rolecall.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The process-wide list of live secret values, and the last line of defence: anything about to be printed, logged
 * or journaled can be passed through {@link #redact(String)}. The first line is never to build a message from a
 * secret at all ({@link Secret#toString()} is masked).
 *
 * <p>Secrets are counted: {@link #register} adds a use, {@link #unregister} takes one away, and a secret with no use
 * left is forgotten, so an engine that rotates thousands of assumed-role sessions holds only the live ones.
 * Redaction is one pass over the text whatever the number of secrets: every secret is indexed by its first
 * {@value #KEY} characters, a rolling key over the text meets a counting filter at each position, and only the
 * rare position the filter lets through is compared with the secrets that start there (longest first).
 */
public final class Redactor {
  /** Values shorter than this are not treated as secrets: masking "1" or "a" would mangle output. */
  private static final int MIN_LENGTH = 6;
  /** Characters of a secret's start that index it; 4 UTF-16 units pack into one long. */
  private static final int KEY = 4;
  private static final int FILTER_BITS = 16;
  private static final String MASK = "****";
  private static final Redactor GLOBAL = new Redactor();

  /** Uses of each live secret. */
  private final Map<String, Integer> uses = new ConcurrentHashMap<>();
  /** Live secrets by the key of their first characters, each array longest first. */
  private final Map<Long, String[]> byKey = new ConcurrentHashMap<>();
  /** How many live secrets' keys fall in each slot: zero means no secret starts with such characters. */
  private final AtomicIntegerArray filter = new AtomicIntegerArray(1 << FILTER_BITS);

  public static Redactor global() {
    return GLOBAL;
  }

  /** Adds a use of {@code secret}; values under {@value #MIN_LENGTH} characters are ignored. */
  public void register(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    uses.compute(secret, (s, n) -> {
      if (n == null) {
        index(s, true);
        return 1;
      }
      return n + 1;
    });
  }

  /** Takes a use of {@code secret} away; with none left it is no longer redacted. */
  public void unregister(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    uses.computeIfPresent(secret, (s, n) -> {
      if (n > 1) {
        return n - 1;
      }
      index(s, false);
      return null;
    });
  }

  /** How many distinct secrets are live (for tests and the engine's soak). */
  public int size() {
    return uses.size();
  }

  /** Called under the secret's entry lock in {@link #uses}, so a secret is indexed once. */
  private void index(String secret, boolean add) {
    long key = key(secret, 0);
    byKey.compute(key, (k, old) -> {
      var list = new java.util.ArrayList<String>(old == null ? java.util.List.of() : java.util.List.of(old));
      if (add) {
        list.add(secret);
      } else {
        list.remove(secret);
      }
      if (list.isEmpty()) {
        return null;
      }
      list.sort((a, b) -> Integer.compare(b.length(), a.length()));
      return list.toArray(String[]::new);
    });
    filter.getAndAdd(slot(key), add ? 1 : -1);
  }

  /**
   * The text with every live secret masked. Where secrets overlap, the union of their spans is masked as one, so no
   * tail of one secret survives next to another's mask.
   */
  public String redact(String text) {
    if (text == null || uses.isEmpty() || text.length() < MIN_LENGTH) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int maskStart = -1;
    int maskEnd = -1;
    long key = 0;
    int n = text.length();
    // key holds the KEY characters ending at i, so a secret may start at i - KEY + 1.
    for (int i = 0; i < n; i++) {
      key = (key << 16) | text.charAt(i);
      int start = i - KEY + 1;
      if (start < 0 || filter.get(slot(key)) == 0) {
        continue;
      }
      String[] candidates = byKey.get(key);
      if (candidates == null) {
        continue;
      }
      for (String s : candidates) {
        if (text.startsWith(s, start)) {
          int end = start + s.length();
          if (start < maskEnd) {
            maskEnd = Math.max(maskEnd, end);
          } else {
            if (maskStart >= 0) {
              out.append(text, copied, maskStart).append(MASK);
              copied = maskEnd;
            }
            if (out == null) {
              out = new StringBuilder(n);
            }
            maskStart = start;
            maskEnd = end;
          }
          break;
        }
      }
    }
    if (out == null) {
      return text;
    }
    out.append(text, copied, maskStart).append(MASK);
    return out.append(text, maskEnd, n).toString();
  }

  private static long key(String s, int from) {
    long key = 0;
    for (int i = from; i < from + KEY; i++) {
      key = (key << 16) | s.charAt(i);
    }
    return key;
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> (64 - FILTER_BITS));
  }
}
