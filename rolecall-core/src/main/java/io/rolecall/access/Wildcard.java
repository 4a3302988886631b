package io.rolecall.access;

import java.util.Map;

/**
 * An IAM pattern: {@code *} matches any run of characters (colons included), {@code ?} exactly one. Action
 * patterns fold case (IAM action names are case-insensitive), resource patterns do not. In a resource pattern
 * {@code ${aws:username}} is the principal's user name and {@code ${*}}, {@code ${?}}, {@code ${$}} are the
 * literal characters; any other variable has no value here, so the pattern matches nothing.
 *
 * <p>Matching is the classic two-pointer glob walk: at most pattern × value steps, never exponential, whatever a
 * hostile policy holds.
 */
final class Wildcard {
  private static final int STAR = -1;
  private static final int ONE = -2;
  static final String USERNAME = "aws:username";

  private final String text;
  private final int[] tokens;
  private final boolean variables;
  private final boolean all;
  private final boolean literal;

  private Wildcard(String text, boolean folded) {
    this.text = text;
    this.variables = !folded && text.contains("${");
    this.tokens = variables ? null : tokens(folded ? fold(text) : text);
    this.all = tokens != null && tokens.length > 0 && allStars(tokens);
    this.literal = tokens != null && noWildcards(tokens);
  }

  /** An action pattern: case-insensitive; match it against {@link #fold(String)}ed names. */
  static Wildcard action(String pattern) {
    return new Wildcard(pattern, true);
  }

  /** A resource pattern: case-sensitive, with policy variables. */
  static Wildcard resource(String pattern) {
    return new Wildcard(pattern, false);
  }

  /** The pattern as written in the policy. */
  String text() {
    return text;
  }

  /** Only stars: matches every value. */
  boolean matchesAll() {
    return all;
  }

  /** Case folding that keeps the length, the same for patterns and values. */
  static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  /** For action patterns, {@code value} must be {@link #fold(String)}ed already. */
  boolean matches(String value) {
    return matches(value, Map.of());
  }

  /** {@code vars}: policy variable values by lower-case name (only {@value #USERNAME} is used). */
  boolean matches(String value, Map<String, String> vars) {
    int[] t = tokens;
    if (t == null) {
      t = substituted(vars);
      if (t == null) {
        return false;
      }
    } else if (all) {
      return true;
    } else if (literal) {
      return equalsTokens(t, value);
    }
    return glob(t, value);
  }

  /**
   * A value this pattern matches (stars become {@value #FILL}, {@code ?} becomes 'x'), or null when a variable
   * has no value. Used to ask "allowed on some resource?" as questions about concrete resources.
   */
  String witness(Map<String, String> vars) {
    if (tokens != null && witness != null) {
      return witness;
    }
    int[] t = tokens != null ? tokens : substituted(vars);
    if (t == null) {
      return null;
    }
    var out = new StringBuilder();
    for (int x : t) {
      out.append(x == STAR ? FILL : x == ONE ? "x" : String.valueOf((char) x));
    }
    String w = out.toString();
    if (tokens != null) {
      witness = w; // benign race: every thread computes the same string
    }
    return w;
  }

  static final String FILL = "rolecall";
  private String witness;

  private int[] substituted(Map<String, String> vars) {
    var out = new StringBuilder();
    var wild = new java.util.BitSet();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      int close = open < 0 ? -1 : text.indexOf('}', open + 2);
      if (open < 0 || close < 0) {
        append(out, wild, text.substring(i));
        break;
      }
      append(out, wild, text.substring(i, open));
      String name = text.substring(open + 2, close);
      switch (name) {
        case "*", "?", "$" -> out.append(name); // literal: its bit stays clear
        default -> {
          String v = vars.get(fold(name));
          if (v == null) {
            return null;
          }
          out.append(v);
        }
      }
      i = close + 1;
    }
    int[] t = new int[out.length()];
    for (int k = 0; k < t.length; k++) {
      char c = out.charAt(k);
      t[k] = wild.get(k) ? (c == '*' ? STAR : ONE) : c;
    }
    return t;
  }

  private static void append(StringBuilder out, java.util.BitSet wild, String part) {
    for (char c : part.toCharArray()) {
      if (c == '*' || c == '?') {
        wild.set(out.length());
      }
      out.append(c);
    }
  }

  private static int[] tokens(String s) {
    int[] t = new int[s.length()];
    for (int i = 0; i < t.length; i++) {
      char c = s.charAt(i);
      t[i] = c == '*' ? STAR : c == '?' ? ONE : c;
    }
    return t;
  }

  private static boolean allStars(int[] t) {
    for (int x : t) {
      if (x != STAR) {
        return false;
      }
    }
    return true;
  }

  private static boolean noWildcards(int[] t) {
    for (int x : t) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsTokens(int[] t, String v) {
    if (t.length != v.length()) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (t[i] != v.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Greedy walk; on a mismatch, let the last star take one more character. */
  private static boolean glob(int[] t, String v) {
    int p = 0;
    int i = 0;
    int star = -1;
    int mark = 0;
    while (i < v.length()) {
      if (p < t.length && (t[p] == ONE || t[p] == v.charAt(i))) {
        p++;
        i++;
      } else if (p < t.length && t[p] == STAR) {
        star = p++;
        mark = i;
      } else if (star >= 0) {
        p = star + 1;
        i = ++mark;
      } else {
        return false;
      }
    }
    while (p < t.length && t[p] == STAR) {
      p++;
    }
    return p == t.length;
  }

  @Override
  public String toString() {
    return text;
  }
}
