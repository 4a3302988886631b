package io.rolecall.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `access reach`: {@code {"principal","kind","name","coverage":{...},"reach":[Reach...]}}, one entry per role reached. */
public record ReachAnswer(String principal, String kind, String name, Map<String, Object> coverage, List<Reach> reach) {
  public Map<String, Object> json() {
    var m = new LinkedHashMap<String, Object>();
    m.put("principal", principal);
    m.put("kind", kind);
    m.put("name", name);
    m.put("coverage", coverage);
    m.put("reach", reach.stream().map(Reach::json).toList());
    return m;
  }
}
