package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.Ids;
import java.util.regex.Pattern;

/** EC2 resource ids: a type prefix, a dash and 17 hex digits (8 for resources created before 2016). */
public final class Ec2Ids {
  private Ec2Ids() {}

  public static final Pattern INSTANCE_ID = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");

  /** A new id such as vpc-0a1b2c3d4e5f60718, subnet-..., r-..., eni-..., sg-... */
  public static String next(String prefix) {
    return prefix + "-" + Ids.random("0123456789abcdef", 17);
  }

  public static boolean validInstanceId(String id) {
    return id != null && INSTANCE_ID.matcher(id).matches();
  }
}
