package io.rolecall.cli;

import io.rolecall.config.Env;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The build's training run for the JDK's ahead-of-time cache (JEP 483/514): the common command
 * paths, against an in-process sandbox, so the classes they load and link are in the cache that
 * bin/rolecall starts with. Run by Maven at package time; not a user command.
 */
public final class AotTraining {
  private AotTraining() {}

  public static void main(String[] args) {
    var quiet = new PrintStream(OutputStream.nullOutputStream());
    try (var sandbox = Sandbox.start()) {
      var engine = sandbox.account("111111111111").iam().createUserWithAccessKey("engine");
      sandbox.account("222222222222").iam().createRole("Audit", TrustPolicy.trustingAccount("111111111111").withExternalId("training"));
      var cli = new Cli(quiet, quiet, Env.of(Map.of()));
      String[] base = {"--endpoint-url", sandbox.endpoint().toString(), "--region", "us-east-1", "--access-key",
          engine.accessKeyId(), "--secret-key", engine.secretAccessKey(), "--role-name", "Audit", "--external-id", "training"};
      for (String[] command : new String[][] {
          {"aws-iam-account-password-policy-get", "account_id=222222222222"},
          {"aws-iam-account-password-policy-get", "account_id=222222222222", "-o", "json"},
          {"aws-iam-account-password-policy-get", "account_id=222222222222", "-o", "context"},
          {"aws-iam-account-password-policy-get", "account_id=2222"},
          {"test", "account_id=222222222222"}}) {
        Main.run(concat(base, command), cli);
      }
      Main.run(new String[] {"help", "aws-iam-account-password-policy-get"}, cli);
      Main.run(new String[] {"--version"}, cli);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    var all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
