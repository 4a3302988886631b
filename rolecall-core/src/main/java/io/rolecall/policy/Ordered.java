package io.rolecall.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that keep the order they are written in, so generated documents read the same every time. */
final class Ordered {
  private Ordered() {}

  static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up");
    }
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
