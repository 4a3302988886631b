package io.rolecall.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `access path`: {@code {"from","to","level","coverage":{...},"paths":[{"conditions":[...],"path":[Hop...]}],
 * "truncated":bool}}, shortest first; {@code level} is the target's own level in its account (null when none).
 */
public record PathAnswer(String from, String to, Level level, Map<String, Object> coverage, List<Route> paths,
                         boolean truncated) {

  /** One way from {@code from} to {@code to}. */
  public record Route(List<String> conditions, List<Hop> path) {
    public Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("conditions", conditions);
      m.put("path", path.stream().map(Hop::json).toList());
      return m;
    }
  }

  public Map<String, Object> json() {
    var m = new LinkedHashMap<String, Object>();
    m.put("from", from);
    m.put("to", to);
    m.put("level", level == null ? null : level.id());
    m.put("coverage", coverage);
    m.put("paths", paths.stream().map(Route::json).toList());
    m.put("truncated", truncated);
    return m;
  }
}
