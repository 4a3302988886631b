package io.rolecall.sandbox.service.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.CallRegion;
import io.rolecall.sandbox.service.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KMS over JSON 1.1 (target TrentService): ListKeys (Limit 1 to 1000, default 100, Marker/NextMarker/Truncated),
 * DescribeKey, GetKeyRotationStatus and EnableKeyRotation (RotationPeriodInDays 90 to 2560, default 365), with
 * KMS's errors: NotFoundException, UnsupportedOperationException for a key spec without rotation, AccessDenied
 * for an AWS managed key (its rotation is AWS's), ValidationException, InvalidMarkerException.
 */
public final class KmsService implements Service {
  public static final JsonProtocol PROTOCOL = new JsonProtocol("TrentService", "1.1");

  private final Paginator pages = new Paginator(() -> AwsException.badRequest("InvalidMarkerException",
      "Invalid marker"));

  @Override public String signingName() { return "kms"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    String region = CallRegion.of(call);
    var kms = KmsState.of(call.account());
    JsonNode in = call.json();
    return switch (call.action()) {
      case "ListKeys" -> {
        call.authorize("kms:ListKeys", "*");
        int limit = in.path("Limit").asInt(100);
        if (in.has("Limit") && (limit < 1 || limit > 1000)) {
          throw validation("1 validation error detected: Value '" + in.path("Limit").asText() + "' at 'limit'"
              + " failed to satisfy constraint: Member must have value between 1 and 1000");
        }
        var page = pages.page("ListKeys:" + call.account().id() + ":" + region, kms.keys(region),
            KmsKey::keyId, text(in, "Marker"), limit);
        var out = new LinkedHashMap<String, Object>();
        out.put("Keys", page.items().stream().map(k -> Map.of("KeyId", k.keyId(), "KeyArn", k.arn())).toList());
        out.put("Truncated", page.truncated());
        if (page.truncated()) out.put("NextMarker", page.nextToken());
        yield PROTOCOL.ok(out);
      }
      case "DescribeKey" -> {
        var key = key(call, kms, region, in, "kms:DescribeKey");
        yield PROTOCOL.ok(Map.of("KeyMetadata", metadata(key)));
      }
      case "GetKeyRotationStatus" -> {
        var key = key(call, kms, region, in, "kms:GetKeyRotationStatus");
        unsupportedSpec(key);
        var out = new LinkedHashMap<String, Object>();
        out.put("KeyId", key.arn());
        out.put("KeyRotationEnabled", key.rotation());
        if (key.rotation()) out.put("RotationPeriodInDays", key.rotationPeriodDays());
        yield PROTOCOL.ok(out);
      }
      case "EnableKeyRotation" -> {
        var key = key(call, kms, region, in, "kms:EnableKeyRotation");
        if (!key.customerManaged()) {
          throw AwsException.badRequest("AccessDeniedException", "The rotation of an AWS managed key cannot be"
              + " changed: " + key.arn());
        }
        unsupportedSpec(key);
        int period = in.path("RotationPeriodInDays").asInt(365);
        if (in.has("RotationPeriodInDays") && (period < 90 || period > 2560)) {
          throw validation("RotationPeriodInDays must be between 90 and 2560");
        }
        if (!key.enabled()) {
          throw AwsException.badRequest("DisabledException", key.arn() + " is disabled.");
        }
        kms.replace(key.withRotation(true, period));
        yield PROTOCOL.ok(Map.of());
      }
      default -> throw PROTOCOL.unknownOperation(call.action());
    };
  }

  private static KmsKey key(Call call, KmsState kms, String region, JsonNode in, String action) {
    String id = text(in, "KeyId");
    if (id == null || id.isEmpty()) throw validation("KeyId is required");
    var key = kms.find(region, id).orElse(null);
    call.authorize(action, key == null ? "arn:aws:kms:" + region + ":" + call.account().id() + ":key/" + id : key.arn());
    if (key == null) throw AwsException.badRequest("NotFoundException", "Key '" + id + "' does not exist");
    return key;
  }

  private static void unsupportedSpec(KmsKey key) {
    if (!key.keySpec().equals("SYMMETRIC_DEFAULT")) {
      throw AwsException.badRequest("UnsupportedOperationException", key.arn() + " key spec " + key.keySpec()
          + " does not support automatic rotation");
    }
  }

  private static Map<String, Object> metadata(KmsKey k) {
    var m = new LinkedHashMap<String, Object>();
    m.put("AWSAccountId", k.accountId());
    m.put("KeyId", k.keyId());
    m.put("Arn", k.arn());
    m.put("CreationDate", k.creationDate().toEpochMilli() / 1000.0);
    m.put("Enabled", k.enabled());
    m.put("Description", k.description());
    m.put("KeyUsage", k.keySpec().startsWith("RSA") ? "SIGN_VERIFY" : "ENCRYPT_DECRYPT");
    m.put("KeyState", k.enabled() ? "Enabled" : "Disabled");
    m.put("Origin", "AWS_KMS");
    m.put("KeyManager", k.manager());
    m.put("CustomerMasterKeySpec", k.keySpec());
    m.put("KeySpec", k.keySpec());
    m.put("EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"));
    m.put("MultiRegion", false);
    return m;
  }

  private static AwsException validation(String message) {
    return AwsException.badRequest("ValidationException", message);
  }

  private static String text(JsonNode in, String field) {
    var node = in.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }
}
