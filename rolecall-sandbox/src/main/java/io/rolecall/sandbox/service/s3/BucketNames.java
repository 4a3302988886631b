package io.rolecall.sandbox.service.s3;

import io.rolecall.sandbox.protocol.AwsException;
import java.util.List;
import java.util.regex.Pattern;

/** S3's naming rules for general purpose buckets; CreateBucket refuses anything else with InvalidBucketName. */
public final class BucketNames {
  private BucketNames() {}

  private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  public static boolean valid(String name) {
    return CHARACTERS.matcher(name).matches() && !name.contains("..") && !IP_ADDRESS.matcher(name).matches()
        && RESERVED_PREFIXES.stream().noneMatch(name::startsWith) && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
  }

  public static String require(String name) {
    if (!valid(name)) throw AwsException.badRequest("InvalidBucketName", "The specified bucket is not valid.");
    return name;
  }
}
