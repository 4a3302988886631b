package io.rolecall.commands.remediation;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * aws-kms-key-rotation-enable: turns on automatic rotation of a symmetric customer managed key (every
 * rotation_period_in_days, 365 unless given), read back with GetKeyRotationStatus. KMS refuses AWS managed keys
 * and asymmetric or HMAC keys; that refusal is reported as is.
 */
public final class KmsKeyRotationEnable implements Command {
  static final String CONTEXT = "AWS.KMS.Key";
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}";
  static final String KEY_ID = UUID + "|arn:aws[a-z-]*:kms:[a-z]{2}(-[a-z]+)+-\\d{1,2}:\\d{12}:key/(" + UUID + ")";

  private static final CommandSpec SPEC = CommandSpec.builder("aws-kms-key-rotation-enable")
      .description("Enable automatic rotation of a symmetric customer managed KMS key (every 365 days unless"
          + " rotation_period_in_days says otherwise). The rotation status is read back after the call.")
      .arg(ArgSpec.matching("key_id", KEY_ID, "a KMS key id (a UUID, or mrk- and 32 hex digits) or key ARN",
          "The key.").mandatory())
      .arg(ArgSpec.integer("rotation_period_in_days", 90, 2560, "Days between rotations (KMS allows 90 to 2560)."))
      .mutating()
      .output(CONTEXT + ".KeyId", "string", "The key.")
      .output(CONTEXT + ".AccountId", "string", "The account of the key.")
      .output(CONTEXT + ".KeyRotationEnabled", "boolean", "Whether rotation is on, as read back.")
      .output(CONTEXT + ".RotationPeriodInDays", "number", "Days between rotations, as read back.")
      .permissions("kms:GetKeyRotationStatus", "kms:EnableKeyRotation")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String key = args.string("key_id");
    var kms = ctx.session().kms();
    var before = status(ctx, kms, key);
    Integer period = args.has("rotation_period_in_days") ? args.integer("rotation_period_in_days").intValue()
        : Boolean.TRUE.equals(before.get("KeyRotationEnabled")) ? (Integer) before.get("RotationPeriodInDays") : 365;
    var requested = S3Buckets.map("KeyRotationEnabled", true, "RotationPeriodInDays", period);
    String arn = key.startsWith("arn:") ? key : "arn:aws:kms:" + ctx.region() + ":" + ctx.accountId() + ":key/" + key;
    var o = AssetChange.apply(ctx, arn, before, requested,
        () -> AssetChange.call("kms:EnableKeyRotation of " + key, ctx, () -> kms.enableKeyRotation(r -> r.keyId(key)
            .rotationPeriodInDays(period))),
        () -> status(ctx, kms, key));
    return AssetChange.result(ctx, "AWS KMS key rotation", CONTEXT, S3Buckets.map("KeyId", key), o,
        List.of("KeyRotationEnabled", "RotationPeriodInDays"));
  }

  static Map<String, Object> status(CommandContext ctx, KmsClient kms, String key) {
    var s = AssetChange.call("kms:GetKeyRotationStatus of " + key, ctx, () -> kms.getKeyRotationStatus(r -> r.keyId(key)));
    return S3Buckets.map("KeyRotationEnabled", Boolean.TRUE.equals(s.keyRotationEnabled()),
        "RotationPeriodInDays", s.rotationPeriodInDays());
  }
}
