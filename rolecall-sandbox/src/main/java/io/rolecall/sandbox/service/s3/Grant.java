package io.rolecall.sandbox.service.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * One grant of a bucket ACL: to a canonical user (by id) or to a predefined group (by URI), of one permission
 * (FULL_CONTROL, READ, WRITE, READ_ACP, WRITE_ACP).
 */
public record Grant(String canonicalId, String groupUri, String permission) {
  public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
  public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
  public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
  public static final List<String> CANNED = List.of("private", "public-read", "public-read-write", "authenticated-read",
      "log-delivery-write", "bucket-owner-read", "bucket-owner-full-control", "aws-exec-read");
  public static final List<String> PERMISSIONS = List.of("FULL_CONTROL", "READ", "WRITE", "READ_ACP", "WRITE_ACP");

  public static Grant user(String canonicalId, String permission) {
    return new Grant(canonicalId, null, permission);
  }

  public static Grant group(String uri, String permission) {
    return new Grant(null, uri, permission);
  }

  /** The grants a canned ACL stands for, the owner's FULL_CONTROL first; null for a name S3 does not know. */
  public static List<Grant> canned(String acl, String ownerId) {
    var out = new ArrayList<Grant>();
    out.add(user(ownerId, "FULL_CONTROL"));
    switch (acl) {
      case "private", "bucket-owner-read", "bucket-owner-full-control", "aws-exec-read" -> { }
      case "public-read" -> out.add(group(ALL_USERS, "READ"));
      case "public-read-write" -> {
        out.add(group(ALL_USERS, "READ"));
        out.add(group(ALL_USERS, "WRITE"));
      }
      case "authenticated-read" -> out.add(group(AUTHENTICATED_USERS, "READ"));
      case "log-delivery-write" -> {
        out.add(group(LOG_DELIVERY, "WRITE"));
        out.add(group(LOG_DELIVERY, "READ_ACP"));
      }
      default -> {
        return null;
      }
    }
    return out;
  }
}
