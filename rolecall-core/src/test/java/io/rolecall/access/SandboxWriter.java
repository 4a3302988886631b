package io.rolecall.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.Sandbox;

/** An {@link IamWriter} that seeds the sandbox through its setup API, for the real collector to read. */
final class SandboxWriter implements IamWriter {
  private final Sandbox sb;

  SandboxWriter(Sandbox sb) {
    this.sb = sb;
  }

  @Override
  public void user(String account, String name, boolean console, boolean mfa) {
    var iam = sb.account(account).iam();
    iam.createUser(name);
    if (console) {
      iam.credentials().createLoginProfile(name, sb.clock().now());
    }
    if (mfa) {
      iam.credentials().enableVirtualMfa(name);
    }
  }

  @Override
  public void group(String account, String name) {
    sb.account(account).iam().createGroup(name);
  }

  @Override
  public void member(String account, String user, String group) {
    sb.account(account).iam().addUserToGroup(group, user);
  }

  @Override
  public void role(String account, String name, ObjectNode trust) {
    var document = PolicyJson.doc(trust);
    seeding(name, document, () -> sb.account(account).iam().createRole(name, document.toString()));
  }

  /** The sandbox's error names no document; say which one it refused. */
  private static void seeding(String name, ObjectNode document, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      throw new IllegalStateException("the sandbox refused " + name + ": " + document, e);
    }
  }

  @Override
  public void inline(String account, Entity kind, String name, String policyName, ObjectNode document) {
    var iam = sb.account(account).iam();
    seeding(name + " " + policyName, document, () -> {
      switch (kind) {
        case USER -> iam.putUserPolicy(name, policyName, document.toString());
        case GROUP -> iam.putGroupPolicy(name, policyName, document.toString());
        case ROLE -> iam.putRolePolicy(name, policyName, document.toString());
      }
    });
  }

  @Override
  public String localPolicy(String account, String name, ObjectNode document) {
    return sb.account(account).iam().createPolicy(name, document.toString());
  }

  @Override
  public void attach(String account, Entity kind, String name, String policyArn) {
    var iam = sb.account(account).iam();
    switch (kind) {
      case USER -> iam.attachUserPolicy(name, policyArn);
      case GROUP -> iam.attachGroupPolicy(name, policyArn);
      case ROLE -> iam.attachRolePolicy(name, policyArn);
    }
  }
}
