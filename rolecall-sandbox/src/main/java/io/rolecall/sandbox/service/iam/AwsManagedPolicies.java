package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.policy.PolicyDocument;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The few AWS-managed policies the sandbox knows, attachable in every account. Documents other than
 * AdministratorAccess are approximations by action prefix, not AWS's full lists.
 */
public final class AwsManagedPolicies {
  private AwsManagedPolicies() {}

  private static final Instant CREATED = Instant.parse("2015-02-06T18:39:46Z");

  private static final Map<String, ManagedPolicy> BY_ARN = Map.of(
      arn("AdministratorAccess"), policy("AdministratorAccess", "ANPAIWMBCKSKIEE64ZLYK", "\"*\""),
      arn("ReadOnlyAccess"), policy("ReadOnlyAccess", "ANPAILL3HVNFSB6DCOWYQ",
          "[\"*:Describe*\",\"*:Get*\",\"*:List*\",\"cloudtrail:LookupEvents\"]"),
      arn("SecurityAudit"), policy("SecurityAudit", "ANPAIX2T3QCXHR2OGGCTO",
          "[\"*:Describe*\",\"*:Get*\",\"*:List*\",\"cloudtrail:LookupEvents\",\"iam:GenerateCredentialReport\"]"),
      arn("IAMReadOnlyAccess"), policy("IAMReadOnlyAccess", "ANPAJKSO7NDY4T57MWDSQ",
          "[\"iam:Get*\",\"iam:List*\",\"iam:Generate*\"]"));

  public static Optional<ManagedPolicy> byArn(String arn) {
    return Optional.ofNullable(BY_ARN.get(arn));
  }

  /** Every AWS-managed policy the sandbox knows, by ARN. */
  public static java.util.List<ManagedPolicy> all() {
    return new java.util.TreeMap<>(BY_ARN).values().stream().toList();
  }

  public static String arn(String name) {
    return "arn:aws:iam::aws:policy/" + name;
  }

  private static ManagedPolicy policy(String name, String id, String actions) {
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
        + ",\"Resource\":\"*\"}]}";
    return new ManagedPolicy(name, "/", id, arn(name), PolicyDocument.parse(json), CREATED);
  }
}
