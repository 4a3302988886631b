package io.rolecall.sandbox.service.organizations;

import io.rolecall.sandbox.paging.Paginator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Organizations' JSON shapes (timestamps as epoch seconds). */
final class OrgJson {
  private OrgJson() {}

  static Map<String, Object> account(OrgAccount a) {
    var m = new LinkedHashMap<String, Object>();
    m.put("Id", a.id());
    m.put("Arn", a.arn());
    m.put("Email", a.email());
    m.put("Name", a.name());
    m.put("State", a.state().name());
    m.put("JoinedMethod", a.joinedMethod());
    m.put("JoinedTimestamp", a.joinedTimestamp().getEpochSecond());
    return m;
  }

  static Map<String, Object> unit(OrgUnit u) {
    var m = new LinkedHashMap<String, Object>();
    m.put("Id", u.id());
    m.put("Arn", u.arn());
    m.put("Name", u.name());
    return m;
  }

  static Map<String, Object> policySummary(OrgPolicy p) {
    var m = new LinkedHashMap<String, Object>();
    m.put("Id", p.id());
    m.put("Arn", p.arn());
    m.put("Name", p.name());
    m.put("Description", p.description());
    m.put("Type", OrgPolicy.TYPE);
    m.put("AwsManaged", p.awsManaged());
    return m;
  }

  static Map<String, Object> enabledScps() {
    return Map.of("Type", OrgPolicy.TYPE, "Status", "ENABLED");
  }

  /** {@code {member: [...], "NextToken": ...}}; the token is left out on the last page. */
  static <T> Map<String, Object> page(String member, Paginator.Page<T> page, Function<T, Object> render) {
    var body = new LinkedHashMap<String, Object>();
    body.put(member, page.items().stream().map(render).toList());
    body.put("NextToken", page.nextToken());
    return body;
  }
}
