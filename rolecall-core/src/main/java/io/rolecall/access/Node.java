package io.rolecall.access;

import java.util.ArrayList;
import java.util.List;

/**
 * A vertex: a starting principal, a group or a role. Principals that act in an account (IAM users, roles, root
 * users) carry their level there, judged once when the graph is built; {@code permissions} is dropped after
 * that so the graph keeps only answers, not policies.
 */
final class Node {
  final NodeKind kind;
  final String id;
  final String name;
  final String accountId;
  final List<Edge> out = new ArrayList<>(2);
  final List<Edge> in = new ArrayList<>(2);

  Permissions permissions;
  Level level;
  String levelGrant;
  List<String> levelConditions = List.of();
  List<Escalation> escalations = List.of();
  /** Why this node's level may be incomplete: unknown policy documents, the account's IAM not collected. */
  List<String> gaps = List.of();
  /** A reserved role made from its permission set because the member account's role was not collected. */
  boolean derived;
  /** IAM users: from the credential report; null when unknown. */
  Boolean mfaActive;
  Boolean passwordEnabled;

  Node(NodeKind kind, String id, String name, String accountId) {
    this.kind = kind;
    this.id = id;
    this.name = name;
    this.accountId = accountId;
  }

  void link(Node to, EdgeType type, String grant, List<String> conditions) {
    add(Edge.worded(this, to, type, grant, conditions));
  }

  void add(Edge e) {
    out.add(e);
    e.to().in.add(e);
  }

  @Override
  public String toString() {
    return kind.id + " " + id;
  }
}
