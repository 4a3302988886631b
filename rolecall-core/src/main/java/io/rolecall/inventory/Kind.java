package io.rolecall.inventory;

import io.rolecall.UsageException;
import java.util.Arrays;
import java.util.List;

/**
 * What an inventory item is. {@code id} is how the store and `inventory list` name it; {@code summaryField} is
 * its count's name in the summary (SPEC §2.3), null for kinds the summary does not count.
 */
public enum Kind {
  USER("user", "users", List.of("users")),
  GROUP("group", "groups", List.of("groups")),
  ROLE("role", "roles", List.of("roles")),
  LOCAL_POLICY("local-policy", "localPolicies", List.of("policies")),
  AWS_POLICY("aws-policy", "awsPolicies", List.of("policies")),
  ACCESS_KEY("access-key", "accessKeys", List.of("keys")),
  MFA_DEVICE("mfa-device", null, List.of("mfa")),
  ACCOUNT("account", null, List.of("accounts")),
  INSTANCE("instance", "instances", List.of("instances")),
  VPC("vpc", "vpcs", List.of("vpcs")),
  SUBNET("subnet", "subnets", List.of("subnets")),
  SECURITY_GROUP("security-group", "securityGroups", List.of("security-groups")),
  NETWORK_INTERFACE("network-interface", "networkInterfaces", List.of("network-interfaces")),
  // Identity Center and Organizations, read by the access graph (io.rolecall.access); `inventory list` names
  // for them come with their collector.
  IDC_INSTANCE("idc-instance", null, List.of()),
  IDC_USER("idc-user", "idcUsers", List.of()),
  IDC_GROUP("idc-group", "idcGroups", List.of()),
  PERMISSION_SET("permission-set", "permissionSets", List.of()),
  ACCOUNT_ASSIGNMENT("account-assignment", "accountAssignments", List.of()),
  SCP("scp", null, List.of());

  private final String id;
  private final String summaryField;
  private final List<String> listNames;

  Kind(String id, String summaryField, List<String> listNames) {
    this.id = id;
    this.summaryField = summaryField;
    this.listNames = listNames;
  }

  public String id() {
    return id;
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
