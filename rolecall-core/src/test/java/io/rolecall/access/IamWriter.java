package io.rolecall.access;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes IAM entities somewhere: as items by hand, or into the sandbox for the real collector to read back. */
interface IamWriter {
  /** Entities a policy can be attached to or put on. */
  enum Entity { USER, GROUP, ROLE }

  void user(String account, String name, boolean console, boolean mfa);

  void group(String account, String name);

  void member(String account, String user, String group);

  /** {@code trust}: the trust policy's statement. */
  void role(String account, String name, ObjectNode trust);

  void inline(String account, Entity kind, String name, String policyName, ObjectNode document);

  /** Creates a customer-managed policy; returns its ARN. */
  String localPolicy(String account, String name, ObjectNode document);

  void attach(String account, Entity kind, String name, String policyArn);
}
