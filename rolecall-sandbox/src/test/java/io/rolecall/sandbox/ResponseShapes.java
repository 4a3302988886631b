package io.rolecall.sandbox;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;

/** The members an SDK response carries, for comparing two emulators' answers to the same call. */
public final class ResponseShapes {
  private ResponseShapes() {}

  /** Nested members as {@code Outer.Inner}, members of list elements as {@code List[].Inner}; absent ones left out. */
  public static Set<String> of(SdkPojo pojo) {
    var out = new TreeSet<String>();
    collect("", pojo, out);
    return out;
  }

  private static void collect(String prefix, SdkPojo pojo, Set<String> out) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value == null || value instanceof SdkAutoConstructList<?>) continue;
      String name = prefix + field.memberName();
      out.add(name);
      if (value instanceof SdkPojo nested) collect(name + ".", nested, out);
      if (value instanceof List<?> list) {
        for (Object item : list) if (item instanceof SdkPojo p) collect(name + "[].", p, out);
      }
    }
  }
}
