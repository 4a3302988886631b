package io.rolecall.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Context keys in XSOAR's form: {@code AWS.IAMIdentityCenter.User(val.UserId && val.UserId == obj.UserId)}, so
 * XSOAR merges a new entry into the one with the same key instead of appending a copy. The key of each root is the
 * command's declared (or derived) key selector, {@link CommandSpec#keyOf}; a root without one stays as it is.
 */
public final class XsoarKeys {
  private XsoarKeys() {}

  /** The context with each key that has a key selector written in XSOAR's form; values unchanged. */
  public static Map<String, Object> apply(CommandSpec spec, Map<String, Object> context) {
    var out = new LinkedHashMap<String, Object>();
    for (var e : context.entrySet()) {
      out.put(key(spec, e.getKey()), e.getValue());
    }
    return out;
  }

  /** One context key in XSOAR's form, or as it is when its root has no key selector. */
  public static String key(CommandSpec spec, String root) {
    String field = root.equals(Execution.ERRORS) ? "AccountId" : spec.keyOf(root);
    if (field == null) {
      return root;
    }
    return root + "(val." + field + " && val." + field + " == obj." + field + ")";
  }
}
