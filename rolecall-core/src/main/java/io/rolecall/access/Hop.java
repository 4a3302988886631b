package io.rolecall.access;

import java.util.LinkedHashMap;
import java.util.Map;

/** One step of a path, as answers show it: {@code {"from","to","edge","grant"}}. */
public record Hop(String from, String to, String edge, String grant) {
  static Hop of(Edge e) {
    return new Hop(e.from().id, e.to().id, e.type().id, e.grant());
  }

  public Map<String, Object> json() {
    var m = new LinkedHashMap<String, Object>();
    m.put("from", from);
    m.put("to", to);
    m.put("edge", edge);
    m.put("grant", grant);
    return m;
  }
}
