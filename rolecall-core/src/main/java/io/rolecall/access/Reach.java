package io.rolecall.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A starting principal reaching a level in an account, and the path that gets it there: one entry of `access who`
 * and `access reach`. {@code json()} is exactly {@code {"principal","kind","name","accountId","level","conditions",
 * "path"}}; {@code target} (the user, role or root user that holds the level: the path's end, or the principal
 * itself) and {@code levelGrant} (the statement or escalation that gives the level) are for tables and the API.
 */
public record Reach(String principal, String kind, String name, String accountId, Level level, List<String> conditions,
                    List<Hop> path, String target, String levelGrant) {

  public Map<String, Object> json() {
    var m = new LinkedHashMap<String, Object>();
    m.put("principal", principal);
    m.put("kind", kind);
    m.put("name", name);
    m.put("accountId", accountId);
    m.put("level", level.id());
    m.put("conditions", conditions);
    m.put("path", path.stream().map(Hop::json).toList());
    return m;
  }
}
