package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.protocol.AwsException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One Describe* filter. A resource matches a filter when any of its values for the filter's name matches any of the
 * filter's values ({@code *} and {@code ?} are wildcards, as in EC2); it matches a list of filters when it matches
 * each. {@code tag:KEY} filters look at the resource's tags.
 */
public record Filter(String name, List<String> values) {

  public Filter {
    values = List.copyOf(values);
  }

  /**
   * A predicate over resources for these filters. {@code attributes} maps each supported filter name to the
   * resource's values for it; an unsupported name is EC2's InvalidParameterValue, raised here, before any matching.
   */
  public static <T> java.util.function.Predicate<T> all(List<Filter> filters,
      Map<String, Function<T, Collection<String>>> attributes, Function<T, Map<String, String>> tags) {
    for (Filter f : filters) {
      if (!f.name().startsWith("tag:") && !attributes.containsKey(f.name())) {
        throw AwsException.badRequest("InvalidParameterValue", "The filter '" + f.name() + "' is invalid");
      }
    }
    return item -> filters.stream().allMatch(f -> {
      Collection<String> actual = f.name().startsWith("tag:")
          ? (tags.apply(item).containsKey(f.name().substring(4)) ? List.of(tags.apply(item).get(f.name().substring(4)))
              : List.of())
          : attributes.get(f.name()).apply(item);
      return actual.stream().anyMatch(a -> f.values().stream().anyMatch(v -> wildcard(v).matcher(a).matches()));
    });
  }

  private static Pattern wildcard(String value) {
    var regex = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
