package io.rolecall.commands.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.UsageException;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.render.Json;
import java.util.List;
import java.util.Map;

/**
 * aws-s3-bucket-policy-put: replaces a bucket's policy with the one given, read back after the write. A policy
 * that is not a JSON object with a Statement is refused before any call; one that denies every principal all of
 * S3 (or everything) without a condition would lock out the operator too, so it needs confirm=true.
 */
public final class S3BucketPolicyPut implements Command {
  static final int MAX_POLICY = 20 * 1024;

  private static final CommandSpec SPEC = CommandSpec.builder("aws-s3-bucket-policy-put")
      .description("Apply a bucket policy (a JSON document) to an S3 bucket, replacing its current policy. A policy"
          + " denying s3:* or * to every principal without a condition locks out everyone, this operator too: it"
          + " needs confirm=true. The policy is read back after the write.")
      .arg(S3Buckets.bucketArg("The bucket to which the policy will be applied."))
      .arg(new ArgSpec("policy", new io.rolecall.command.ArgType.Text(null, "a bucket policy as JSON", 1, MAX_POLICY),
          true, null, "The bucket policy to apply, as a JSON string (at most 20 KB, S3's limit)."))
      .arg(ArgSpec.bool("confirm", "Apply a policy that denies every principal all of S3."))
      .changes("policy")
      .output(S3Buckets.CONTEXT + ".BucketName", "string", "The bucket.")
      .output(S3Buckets.CONTEXT + ".AccountId", "string", "The account owning the bucket.")
      .output(S3Buckets.CONTEXT + ".Policy", "object", "The policy as read back after the change.")
      .permissions("s3:GetBucketPolicy", "s3:PutBucketPolicy")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void validate(Arguments args) {
    JsonNode doc = parse(args.spec().name(), args.string("policy"));
    if (locksOut(doc)) {
      AssetChange.requireConfirm(args, "this policy denies every principal (\"*\") s3:* without a condition, which"
          + " locks out everyone, this operator and the account's administrators too, until the root user deletes it");
    }
  }

  /** A JSON object with a Statement (an object or a list of objects), or a usage error saying what it is not. */
  static JsonNode parse(String command, String text) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new UsageException(command + ": argument 'policy': expected a bucket policy as JSON, got text that is"
          + " not valid JSON");
    }
    if (doc == null || !doc.isObject()) {
      throw new UsageException(command + ": argument 'policy': expected a JSON object with a Statement");
    }
    JsonNode st = doc.get("Statement");
    if (st == null || !(st.isObject() || st.isArray() && !st.isEmpty())) {
      throw new UsageException(command + ": argument 'policy': expected a JSON object with a Statement (an object"
          + " or a non-empty list)");
    }
    for (JsonNode s : st.isArray() ? st : List.of(st)) {
      if (!s.isObject()) {
        throw new UsageException(command + ": argument 'policy': every Statement must be a JSON object");
      }
    }
    return doc;
  }

  /** A Deny of s3:* or * to every principal without a condition. */
  static boolean locksOut(JsonNode doc) {
    JsonNode st = doc.get("Statement");
    for (JsonNode s : st.isArray() ? st : List.of(st)) {
      if ("Deny".equals(s.path("Effect").asText()) && !s.has("Condition") && everyone(s.path("Principal"))
          && anyOf(s.path("Action"), "s3:*", "*")) {
        return true;
      }
    }
    return false;
  }

  private static boolean everyone(JsonNode p) {
    return p.isTextual() && p.asText().equals("*") || anyOf(p.path("AWS"), "*");
  }

  private static boolean anyOf(JsonNode v, String... values) {
    var wanted = List.of(values);
    if (v.isTextual()) {
      return wanted.contains(v.asText());
    }
    for (JsonNode a : v) {
      if (a.isTextual() && wanted.contains(a.asText())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String bucket = ctx.args().string("bucket");
    String text = ctx.args().string("policy");
    var s3 = ctx.session().s3();
    var asked = Json.mapper().convertValue(parse(SPEC.name(), text), Map.class);
    var now = S3Buckets.policy(ctx, s3, bucket);
    Map<String, Object> before = S3Buckets.map("Policy", now == null ? null : Json.mapper().convertValue(now, Map.class));
    Map<String, Object> requested = S3Buckets.map("Policy", asked);
    var o = AssetChange.apply(ctx, S3Buckets.arn(bucket), before, requested,
        () -> S3Buckets.write(ctx, "s3:PutBucketPolicy", bucket, () -> s3.putBucketPolicy(r -> r.bucket(bucket).policy(text))),
        () -> {
          var back = S3Buckets.policy(ctx, s3, bucket);
          return S3Buckets.map("Policy", back == null ? null : Json.mapper().convertValue(back, Map.class));
        });
    return AssetChange.result(ctx, "AWS S3 bucket policy", S3Buckets.CONTEXT, S3Buckets.map("BucketName", bucket), o,
        List.of("Policy"));
  }
}
