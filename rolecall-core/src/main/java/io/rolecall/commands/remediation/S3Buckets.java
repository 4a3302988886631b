package io.rolecall.commands.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.CommandContext;
import io.rolecall.render.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Grant;

/** What the S3 bucket remediations share: the bucket argument, and reading each setting as a plain map. */
final class S3Buckets {
  static final String CONTEXT = "AWS.S3.Buckets";
  static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
  static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

  private S3Buckets() {}

  static ArgSpec bucketArg(String description) {
    return ArgSpec.matching("bucket", S3PublicAccessBlockUpdate.BUCKET_NAME, "an S3 bucket name (3 to 63 lowercase"
        + " letters, digits, dots and hyphens, starting and ending with a letter or digit, not an IP address)",
        description).mandatory();
  }

  static String arn(String bucket) {
    return "arn:aws:s3:::" + bucket;
  }

  /**
   * Reads one setting; S3's "there is none" error ({@code absentCode}, such as NoSuchBucketPolicy) is null, any
   * other failure the one-line error naming the call, bucket and account.
   */
  static <T> T read(CommandContext ctx, String action, String bucket, String absentCode,
                    java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      if (absentCode != null && e.awsErrorDetails() != null && absentCode.equals(e.awsErrorDetails().errorCode())) {
        return null;
      }
      throw io.rolecall.aws.AwsErrors.callFailed(action + " on bucket " + bucket + " in account " + ctx.accountId(), e);
    } catch (SdkException e) {
      throw io.rolecall.aws.AwsErrors.callFailed(action + " on bucket " + bucket + " in account " + ctx.accountId(), e);
    }
  }

  /** Writes one setting, failing on one line naming the call, bucket and account. */
  static void write(CommandContext ctx, String action, String bucket, Runnable call) {
    read(ctx, action, bucket, null, () -> {
      call.run();
      return null;
    });
  }

  /** The bucket's policy as a JSON tree, or null when it has none. */
  static JsonNode policy(CommandContext ctx, S3Client s3, String bucket) {
    String text = read(ctx, "s3:GetBucketPolicy", bucket, "NoSuchBucketPolicy",
        () -> s3.getBucketPolicy(r -> r.bucket(bucket)).policy());
    if (text == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new io.rolecall.CommandFailedException("s3:GetBucketPolicy on bucket " + bucket + ": S3 returned a"
          + " policy that is not JSON");
    }
  }

  /** A grant as "GRANTEE:PERMISSION": the group's last path element (AllUsers) or "owner" or the canonical id. */
  static String grant(Grant g, String ownerId) {
    var grantee = g.grantee();
    String who;
    if (grantee == null) {
      who = "unknown";
    } else if (grantee.uri() != null) {
      who = grantee.uri().substring(grantee.uri().lastIndexOf('/') + 1);
    } else if (ownerId != null && ownerId.equals(grantee.id())) {
      who = "owner";
    } else {
      who = grantee.id() != null ? grantee.id() : grantee.emailAddress();
    }
    return who + ":" + g.permissionAsString();
  }

  /** The grants a canned ACL stands for, in the form {@link #grant} gives. */
  static List<String> canned(String acl) {
    return switch (acl) {
      case "private" -> List.of("owner:FULL_CONTROL");
      case "public-read" -> List.of("owner:FULL_CONTROL", "AllUsers:READ");
      case "public-read-write" -> List.of("owner:FULL_CONTROL", "AllUsers:READ", "AllUsers:WRITE");
      case "authenticated-read" -> List.of("owner:FULL_CONTROL", "AuthenticatedUsers:READ");
      default -> throw new IllegalArgumentException(acl);
    };
  }

  static Map<String, Object> map(Object... pairs) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
