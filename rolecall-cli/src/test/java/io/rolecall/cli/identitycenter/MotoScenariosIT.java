package io.rolecall.cli.identitycenter;

import io.rolecall.sandbox.external.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared Identity Center scenarios against moto_server, an emulator nobody here wrote: where it and the sandbox
 * agree, the sandbox is not just agreeing with itself. Skipped, saying why, without moto_server or the AWS CLI.
 */
class MotoScenariosIT extends IdentityCenterScenarios {
  static MotoServer moto;
  MotoIdentityCenter target;

  @BeforeAll
  static void startMoto() {
    String missing = MotoServer.executable().isEmpty() ? "moto_server is not on PATH"
        : !AwsCli.installed() ? "the AWS CLI ('aws') is not on PATH" : null;
    if (missing != null) {
      System.err.println("MotoScenariosIT skipped: " + missing);
    }
    Assumptions.assumeTrue(missing == null, missing);
    moto = MotoServer.startIfInstalled().orElseThrow();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void freshState() {
    target = new MotoIdentityCenter(moto).reset();
  }

  @Override
  IdentityCenterTarget target() {
    return target;
  }
}
