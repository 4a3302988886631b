package io.rolecall.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `access who`: {@code {"accountId","level","coverage":{...},"principals":[Reach...]}}. */
public record WhoAnswer(String accountId, Level level, Map<String, Object> coverage, List<Reach> principals) {
  public Map<String, Object> json() {
    var m = new LinkedHashMap<String, Object>();
    m.put("accountId", accountId);
    m.put("level", level.id());
    m.put("coverage", coverage);
    m.put("principals", principals.stream().map(Reach::json).toList());
    return m;
  }
}
