package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.protocol.QueryParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * EC2's query parameters: lists are flattened with 1-based indexes ({@code InstanceId.1}, {@code Filter.2.Value.1},
 * {@code TagSpecification.1.Tag.3.Key}), not IAM's {@code .member.N}. Parse errors use EC2's codes.
 */
public final class Ec2Params {
  private final QueryParams q;

  public Ec2Params(QueryParams q) {
    this.q = q;
  }

  public String get(String name) {
    return q.get(name);
  }

  public String require(String name) {
    String v = q.get(name);
    if (v == null || v.isEmpty()) throw Ec2Errors.missing(name);
    return v;
  }

  /** {@code name.1}, {@code name.2}, ... until the first gap. */
  public List<String> list(String name) {
    var out = new ArrayList<String>();
    for (int i = 1; q.has(name + "." + i); i++) out.add(q.get(name + "." + i));
    return out;
  }

  /** {@code Filter.N.Name} with its {@code Filter.N.Value.M}. */
  public List<Filter> filters() {
    var out = new ArrayList<Filter>();
    for (int i = 1; q.has("Filter." + i + ".Name"); i++) {
      out.add(new Filter(q.get("Filter." + i + ".Name"), list("Filter." + i + ".Value")));
    }
    return out;
  }

  /** The tags of the TagSpecifications for {@code resourceType} (e.g. "instance"). */
  public Map<String, String> tags(String resourceType) {
    var tags = new LinkedHashMap<String, String>();
    for (int i = 1; q.has("TagSpecification." + i + ".ResourceType"); i++) {
      if (!q.get("TagSpecification." + i + ".ResourceType").equals(resourceType)) continue;
      String prefix = "TagSpecification." + i + ".Tag.";
      for (int t = 1; q.has(prefix + t + ".Key"); t++) {
        tags.put(q.get(prefix + t + ".Key"), q.get(prefix + t + ".Value") == null ? "" : q.get(prefix + t + ".Value"));
      }
    }
    return tags;
  }

  /** An integer within [min, max], null when absent; otherwise InvalidParameterValue naming the parameter. */
  public Integer integer(String name, int min, int max) {
    String v = q.get(name);
    if (v == null) return null;
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw Ec2Errors.invalidValue(name, v, "Expecting an integer.");
    }
    if (n < min || n > max) throw Ec2Errors.invalidValue(name, v, "Expecting a value from " + min + " to " + max + ".");
    return n;
  }

  /** One of {@code allowed}, null when absent. */
  public String choice(String name, List<String> allowed) {
    String v = q.get(name);
    if (v == null) return null;
    if (!allowed.contains(v)) {
      throw Ec2Errors.invalidValue(name, v, "Valid values: " + String.join(", ", allowed) + ".");
    }
    return v;
  }

  /** true/false (any case), false when absent. */
  public boolean flag(String name) {
    String v = q.get(name);
    if (v == null) return false;
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw Ec2Errors.invalidValue(name, v, "Expecting true or false.");
    };
  }
}
