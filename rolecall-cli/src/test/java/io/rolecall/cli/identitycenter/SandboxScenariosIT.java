package io.rolecall.cli.identitycenter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The shared Identity Center scenarios against rolecall's own sandbox. */
class SandboxScenariosIT extends IdentityCenterScenarios {
  final SandboxIdentityCenter sandbox = new SandboxIdentityCenter();

  @BeforeAll
  static void requireAwsCli() {
    if (!AwsCli.installed()) {
      System.err.println("SandboxScenariosIT skipped: the AWS CLI ('aws'), which reads the state back, is not on PATH");
    }
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI ('aws') is not on PATH");
  }

  @Override
  IdentityCenterTarget target() {
    return sandbox;
  }

  @AfterEach
  void close() {
    sandbox.close();
  }
}
