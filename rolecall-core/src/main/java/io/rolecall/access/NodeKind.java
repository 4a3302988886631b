package io.rolecall.access;

/** What a graph node is; {@code start}: a starting principal, where answers begin. */
enum NodeKind {
  IAM_USER("iam-user", true),
  ROOT("root", true),
  IDC_USER("idc-user", true),
  EXTERNAL_ACCOUNT("external-account", true),
  EXTERNAL_ANY("external-any", true),
  SERVICE("service", true),
  IAM_GROUP("iam-group", false),
  IDC_GROUP("idc-group", false),
  ROLE("role", false);

  final String id;
  final boolean start;

  NodeKind(String id, boolean start) {
    this.id = id;
    this.start = start;
  }
}
