package io.rolecall.sandbox.service.ec2network;

import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.QueryParams;
import io.rolecall.sandbox.protocol.Xml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How EC2's Describe* calls select and page: resource ids as {@code VpcId.1, VpcId.2...}, filters as
 * {@code Filter.1.Name / Filter.1.Value.1} (values OR-ed, filters AND-ed; {@code tag:KEY} too), and
 * MaxResults (5 to 1000) with NextToken. Without MaxResults every match comes back in one response, as in EC2.
 *
 * @param fields filter name to the values a resource has for it
 */
record Describe<T>(String idParam, String notFoundCode, String noun, Function<T, String> id,
                   Map<String, Function<T, List<String>>> fields, Function<T, Map<String, String>> tags) {

  /** The page of {@code items} the request selects, rendered as {@code setName} with one {@code item} each. */
  void page(QueryParams q, String scope, Paginator pages, List<T> items, Xml x, String setName,
            BiConsumer<Xml, T> render) {
    var ids = indexed(q, idParam);
    for (String wanted : ids) {
      if (items.stream().noneMatch(i -> id.apply(i).equals(wanted))) {
        throw AwsException.badRequest(notFoundCode, "The " + noun + " '" + wanted + "' does not exist");
      }
    }
    var filters = filters(q);
    var selected = items.stream()
        .filter(i -> ids.isEmpty() || ids.contains(id.apply(i)))
        .filter(i -> filters.entrySet().stream().allMatch(f -> values(i, f.getKey()).stream().anyMatch(f.getValue()::contains)))
        .toList();
    Integer max = q.integer("MaxResults", 5, 1000);
    var page = pages.page(scope + ":" + filters + ":" + ids, selected, id, q.get("NextToken"),
        max == null ? Math.max(1, selected.size()) : max);
    x.list(setName, "item", page.items(), render).el("nextToken", page.nextToken());
  }

  private List<String> values(T item, String filter) {
    if (filter.startsWith("tag:")) {
      String v = tags.apply(item).get(filter.substring(4));
      return v == null ? List.of() : List.of(v);
    }
    var field = fields.get(filter);
    if (field == null) throw AwsException.badRequest("InvalidParameterValue", "The filter '" + filter + "' is invalid");
    return field.apply(item);
  }

  static List<String> indexed(QueryParams q, String name) {
    var out = new ArrayList<String>();
    for (int i = 1; q.has(name + "." + i); i++) out.add(q.get(name + "." + i));
    return out;
  }

  static Map<String, List<String>> filters(QueryParams q) {
    var out = new LinkedHashMap<String, List<String>>();
    for (int i = 1; q.has("Filter." + i + ".Name"); i++) {
      out.put(q.get("Filter." + i + ".Name"), indexed(q, "Filter." + i + ".Value"));
    }
    return out;
  }

  /** EC2's {@code <tagSet><item><key/><value/></item></tagSet>}. */
  static void tagSet(Xml x, Map<String, String> tags) {
    x.list("tagSet", "item", new java.util.TreeMap<>(tags).entrySet(), (t, e) -> t.el("key", e.getKey()).el("value", e.getValue()));
  }
}
