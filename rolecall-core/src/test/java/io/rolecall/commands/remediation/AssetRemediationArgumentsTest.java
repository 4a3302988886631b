package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.commands.Commands;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The S3, RDS, CloudTrail and KMS remediations' input checks, against independent statements of AWS's rules, all
 * before any call (Arguments.parse, then the command's validate, as the executor runs them).
 */
class AssetRemediationArgumentsTest {
  static final Map<String, Command> BY_NAME = new java.util.HashMap<>();

  static {
    for (String name : List.of("aws-s3-bucket-policy-put", "aws-s3-bucket-acl-put", "aws-s3-bucket-versioning-put",
        "aws-s3-bucket-ownership-controls-put", "aws-rds-db-instance-modify", "aws-cloudtrail-logging-start",
        "aws-kms-key-rotation-enable", "aws-rds-db-snapshot-attribute-modify")) {
      BY_NAME.put(name, Commands.registry().require(name));
    }
  }

  /** Parses and validates as the executor does; returns normally when the input is accepted. */
  static void check(String command, Map<String, String> raw) {
    var c = BY_NAME.get(command);
    c.validate(Arguments.parse(c.spec(), raw));
  }

  /** RDS's rules for DB instance identifiers, one by one: 1 to 63, letters digits hyphens, a letter first, ... */
  static boolean validInstanceId(String id) {
    if (id.isEmpty() || id.length() > 63 || !Character.isLetter(id.charAt(0)) || id.charAt(0) > 'z') return false;
    for (char c : id.toCharArray()) {
      if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '-') return false;
    }
    return !id.endsWith("-") && !id.contains("--");
  }

  @Provide
  Arbitrary<String> identifierLike() {
    return Arbitraries.oneOf(Arbitraries.strings().withChars("aZ9-_").ofMinLength(0).ofMaxLength(70),
        Arbitraries.strings().withChars("abc").ofMinLength(60).ofMaxLength(66), Arbitraries.strings().ofMaxLength(10));
  }

  @Property
  void dbInstanceIdentifiersFollowRdsRules(@ForAll("identifierLike") String id) {
    var raw = Map.of("db_instance_identifier", id, "publicly_accessible", "false");
    if (validInstanceId(id)) {
      check("aws-rds-db-instance-modify", raw);
    } else {
      assertThatThrownBy(() -> check("aws-rds-db-instance-modify", raw)).isInstanceOf(UsageException.class)
          .hasMessageStartingWith("aws-rds-db-instance-modify: argument 'db_instance_identifier'")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Provide
  Arbitrary<String> policyLike() {
    var json = Arbitraries.of("{}", "[]", "\"text\"", "{\"Statement\":[]}", "{\"Statement\":\"x\"}",
        "{\"Statement\":{\"Effect\":\"Allow\"}}", "{\"Statement\":[{\"Effect\":\"Allow\"}]}", "{\"Version\":1}",
        "null", "{\"Statement\":[1]}");
    return Arbitraries.oneOf(json, Arbitraries.strings().ofMinLength(1).ofMaxLength(40));
  }

  @Property
  void aPolicyIsAcceptedOnlyAsAnObjectWithStatements(@ForAll("policyLike") String policy) throws Exception {
    var raw = Map.of("bucket", "data-1", "policy", policy);
    boolean valid;
    try {
      var doc = io.rolecall.render.Json.mapper().readTree(policy);
      var st = doc == null ? null : doc.get("Statement");
      valid = doc != null && doc.isObject() && st != null && (st.isObject() || st.isArray() && !st.isEmpty()
          && java.util.stream.StreamSupport.stream(st.spliterator(), false).allMatch(s -> s.isObject()));
    } catch (java.io.IOException e) {
      valid = false;
    }
    if (valid) {
      check("aws-s3-bucket-policy-put", raw);
    } else if (!policy.isBlank()) {
      assertThatThrownBy(() -> check("aws-s3-bucket-policy-put", raw)).isInstanceOf(UsageException.class)
          .hasMessageStartingWith("aws-s3-bucket-policy-put: argument 'policy'");
    }
  }

  @Property
  void aDenyOfS3ToEveryoneNeedsConfirmWhateverItsShape(@ForAll("denyAll") String policy) {
    var raw = Map.of("bucket", "data-1", "policy", policy);
    assertThatThrownBy(() -> check("aws-s3-bucket-policy-put", raw)).isInstanceOf(UsageException.class)
        .hasMessageContaining("confirm=true");
    check("aws-s3-bucket-policy-put", Map.of("bucket", "data-1", "policy", policy, "confirm", "true"));
  }

  @Provide
  Arbitrary<String> denyAll() {
    return Arbitraries.of("\"*\"", "{\"AWS\":\"*\"}", "{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]}")
        .flatMap(p -> Arbitraries.of("\"s3:*\"", "\"*\"", "[\"s3:GetObject\",\"s3:*\"]").flatMap(a -> Arbitraries
            .of(true, false).map(list -> {
              String st = "{\"Effect\":\"Deny\",\"Principal\":" + p + ",\"Action\":" + a
                  + ",\"Resource\":\"arn:aws:s3:::data-1\"}";
              return "{\"Version\":\"2012-10-17\",\"Statement\":" + (list ? "[" + st + "]" : st) + "}";
            })));
  }

  @Property
  void onlyTheFourCannedAclsAndTheThreeOwnershipSettingsAreAccepted(@ForAll("words") String value) {
    var acls = List.of("private", "public-read", "public-read-write", "authenticated-read");
    if (acls.stream().noneMatch(a -> a.equalsIgnoreCase(value.trim()))) {
      assertThatThrownBy(() -> check("aws-s3-bucket-acl-put", Map.of("bucket", "data-1", "acl", value)))
          .isInstanceOf(UsageException.class).hasMessageContaining("argument 'acl'");
    }
    var settings = List.of("BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter");
    if (settings.stream().noneMatch(a -> a.equalsIgnoreCase(value.trim()))) {
      assertThatThrownBy(() -> check("aws-s3-bucket-ownership-controls-put", Map.of("bucket", "data-1",
          "object_ownership", value))).isInstanceOf(UsageException.class).hasMessageContaining("argument 'object_ownership'");
    }
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.oneOf(Arbitraries.of("private", "public", "PUBLIC-READ", "log-delivery-write", "ObjectWriter",
        "BucketOwner", "bucketownerenforced", ""), Arbitraries.strings().ofMinLength(1).ofMaxLength(20));
  }

  @Property
  void keyIdsAreUuidsMultiRegionIdsOrKeyArns(@ForAll("keyLike") String key) {
    var raw = Map.of("key_id", key);
    boolean uuid = key.matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}") || key.matches("mrk-[0-9a-f]{32}");
    boolean arn = key.startsWith("arn:aws:kms:us-east-1:111122223333:key/")
        && key.substring(key.indexOf('/') + 1).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    if (uuid || arn) {
      check("aws-kms-key-rotation-enable", raw);
    } else {
      assertThatThrownBy(() -> check("aws-kms-key-rotation-enable", raw)).isInstanceOf(UsageException.class)
          .hasMessageContaining("argument 'key_id'");
    }
  }

  @Provide
  Arbitrary<String> keyLike() {
    var uuid = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
    var mangled = uuid.flatMap(u -> Arbitraries.of(u, u.toUpperCase(), u.substring(1), u + "0", "alias/" + u,
        "arn:aws:kms:us-east-1:111122223333:key/" + u, "arn:aws:kms:us-east-1:1111:key/" + u,
        "arn:aws:kms:us-east-1:111122223333:alias/" + u));
    return Arbitraries.oneOf(mangled, Arbitraries.strings().ofMaxLength(40));
  }

  @Property
  void snapshotSharingTakesAccountIdsOrAll(@ForAll("sharing") String values) {
    var raw = Map.of("db_snapshot_identifier", "orders-snap", "attribute_name", "restore", "values_to_add", values);
    var parts = List.of(values.split(",", -1));
    boolean valid = !values.isBlank() && parts.stream().allMatch(p -> p.trim().matches("\\d{12}|all"))
        && parts.stream().filter(p -> !p.trim().equals("all")).count() <= 20;
    if (valid) {
      check("aws-rds-db-snapshot-attribute-modify", raw);
    } else {
      assertThatThrownBy(() -> check("aws-rds-db-snapshot-attribute-modify", raw)).isInstanceOf(UsageException.class);
    }
  }

  @Provide
  Arbitrary<String> sharing() {
    var one = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(11).ofMaxLength(13), Arbitraries.of("all",
        "ALL", "", " 111122223333 "));
    return one.list().ofMinSize(1).ofMaxSize(23).map(l -> String.join(",", l));
  }
}
