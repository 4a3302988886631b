package io.rolecall.inventory;

import io.rolecall.UsageException;
import java.util.Arrays;
import java.util.List;

/**
 * What an inventory item is. {@code id} is how the store and `inventory list` name it; {@code summaryField} is
 * its count's name in the summary (SPEC §2.3), null for kinds the summary does not count.
 */
public enum Kind {
  USER("user", Part.IAM, "users", List.of("users")),
  GROUP("group", Part.IAM, "groups", List.of("groups")),
  ROLE("role", Part.IAM, "roles", List.of("roles")),
  LOCAL_POLICY("local-policy", Part.IAM, "localPolicies", List.of("policies")),
  AWS_POLICY("aws-policy", Part.IAM, "awsPolicies", List.of("policies")),
  ACCESS_KEY("access-key", Part.IAM, "accessKeys", List.of("keys")),
  MFA_DEVICE("mfa-device", Part.IAM, null, List.of("mfa")),
  ACCOUNT("account", Part.IAM, null, List.of("accounts")),
  INSTANCE("instance", Part.EC2, "instances", List.of("instances")),
  VPC("vpc", Part.EC2, "vpcs", List.of("vpcs")),
  SUBNET("subnet", Part.EC2, "subnets", List.of("subnets")),
  SECURITY_GROUP("security-group", Part.EC2, "securityGroups", List.of("security-groups")),
  NETWORK_INTERFACE("network-interface", Part.EC2, "networkInterfaces", List.of("network-interfaces")),
  IDC_INSTANCE("idc-instance", Part.IDENTITYCENTER, null, List.of("idc-instances")),
  IDC_USER("idc-user", Part.IDENTITYCENTER, "idcUsers", List.of("idc-users")),
  IDC_GROUP("idc-group", Part.IDENTITYCENTER, "idcGroups", List.of("idc-groups")),
  PERMISSION_SET("permission-set", Part.IDENTITYCENTER, "permissionSets", List.of("permission-sets")),
  ACCOUNT_ASSIGNMENT("account-assignment", Part.IDENTITYCENTER, "accountAssignments", List.of("account-assignments")),
  SCP("scp", Part.ORGANIZATIONS, null, List.of("scps")),
  ORGANIZATION("organization", Part.ORGANIZATIONS, null, List.of("organization")),
  SNAPSHOT("snapshot", Part.SNAPSHOTS, "snapshots", List.of("snapshots")),
  IMAGE("image", Part.SNAPSHOTS, "images", List.of("images")),
  BUCKET("bucket", Part.S3, null, List.of("buckets")),
  DB_INSTANCE("db-instance", Part.RDS, null, List.of("db-instances")),
  DB_SNAPSHOT("db-snapshot", Part.RDS, null, List.of("db-snapshots")),
  DB_CLUSTER_SNAPSHOT("db-cluster-snapshot", Part.RDS, null, List.of("db-snapshots")),
  TRAIL("trail", Part.TRAILS, null, List.of("trails")),
  KMS_KEY("kms-key", Part.KMS, null, List.of("kms-keys"));

  private final String id;
  private final Part part;
  private final String summaryField;
  private final List<String> listNames;

  Kind(String id, Part part, String summaryField, List<String> listNames) {
    this.id = id;
    this.part = part;
    this.summaryField = summaryField;
    this.listNames = listNames;
  }

  public String id() {
    return id;
  }

  /** The part whose collection brings this kind: its current state is that part's. */
  public Part part() {
    return part;
  }

  public String summaryField() {
    return summaryField;
  }

  public static Kind ofId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown kind " + id));
  }

  /** The kinds `inventory list NAME` shows ("policies" is both local and AWS-managed ones). */
  public static List<Kind> forListName(String name) {
    var kinds = Arrays.stream(values()).filter(k -> k.listNames.contains(name)).toList();
    if (kinds.isEmpty()) {
      throw new UsageException("inventory list: unknown kind '" + name + "'; expected one of " + String.join(", ",
          listNames()));
    }
    return kinds;
  }

  /** Every name `inventory list` accepts, events included, in a stable order. */
  public static List<String> listNames() {
    var names = new java.util.ArrayList<String>();
    for (Kind k : values()) {
      k.listNames.stream().filter(n -> !names.contains(n)).forEach(names::add);
    }
    names.add("events");
    return names;
  }
}
