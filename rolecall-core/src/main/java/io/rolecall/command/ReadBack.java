package io.rolecall.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the state read back after a write differs from the state asked for, member by member ("ExpirePasswords is
 * false, asked for true"). Maps compare by the union of their members (absent and null alike), lists element by
 * element, numbers by value. Members AWS assigns (ids) are named in {@code ignored} and not compared.
 */
public final class ReadBack {
  private ReadBack() {}

  public static List<String> differences(Object requested, Object actual, Set<String> ignored) {
    var out = new ArrayList<String>();
    if (requested == null && actual != null) {
      out.add("it still exists, asked for its deletion");
    } else if (requested != null && actual == null) {
      out.add("it is not there");
    } else {
      compare("", requested, actual, ignored, out);
    }
    return out;
  }

  private static void compare(String path, Object want, Object got, Set<String> ignored, List<String> out) {
    if (want instanceof Map<?, ?> w && got instanceof Map<?, ?> g) {
      var keys = new LinkedHashSet<Object>(w.keySet());
      keys.addAll(g.keySet());
      for (Object k : keys) {
        if (!ignored.contains(String.valueOf(k))) {
          compare(path.isEmpty() ? String.valueOf(k) : path + "." + k, w.get(k), g.get(k), ignored, out);
        }
      }
    } else if (want instanceof List<?> wl && got instanceof List<?> gl && wl.size() == gl.size()) {
      for (int i = 0; i < wl.size(); i++) {
        compare(path + "[" + i + "]", wl.get(i), gl.get(i), ignored, out);
      }
    } else if (!same(want, got)) {
      out.add((path.isEmpty() ? "the state" : path) + " is " + shown(got) + ", asked for " + shown(want));
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a instanceof List<?> l && l.isEmpty() && b == null || b instanceof List<?> m && m.isEmpty() && a == null) {
      return true;
    }
    return Objects.equals(a, b);
  }

  private static String shown(Object v) {
    if (v == null) {
      return "unset";
    }
    return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
  }
}
