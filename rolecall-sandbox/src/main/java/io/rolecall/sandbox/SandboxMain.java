package io.rolecall.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until killed, for benchmarks and manual poking with the AWS CLI. Prints the endpoint and an
 * operator's keys as shell-sourceable lines. Options:
 * <pre>
 *   --port N          listen port (default 0: ephemeral)
 *   --accounts N      also create N target accounts 200000000001.. with role ROLE trusting the operator's account
 *   --role-name ROLE  name of that role (default RolecallAudit)
 *   --external-id X   require this ExternalId in that role's trust policy
 *   --latency-ms N    inject this latency into every request
 * </pre>
 */
public final class SandboxMain {
  static final String MANAGEMENT_ACCOUNT = "111111111111";

  public static void main(String[] args) throws InterruptedException {
    int port = 0, accounts = 0, latencyMs = 0;
    String roleName = "RolecallAudit", externalId = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(args[++i]);
          case "--accounts" -> accounts = Integer.parseInt(args[++i]);
          case "--role-name" -> roleName = args[++i];
          case "--external-id" -> externalId = args[++i];
          case "--latency-ms" -> latencyMs = Integer.parseInt(args[++i]);
          case "-h", "--help" -> usage(0);
          default -> usage(2);
        }
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      usage(2);
    }
    if (accounts < 0 || accounts > 99_999_999) usage(2);

    var sandbox = Sandbox.start(port);
    var operator = sandbox.account(MANAGEMENT_ACCOUNT).iam().createUserWithAccessKey("operator");
    var trust = TrustPolicy.trustingAccount(MANAGEMENT_ACCOUNT);
    if (externalId != null) trust = trust.withExternalId(externalId);
    for (int n = 1; n <= accounts; n++) {
      sandbox.account(String.valueOf(200_000_000_000L + n)).iam().createRole(roleName, trust);
    }
    if (latencyMs > 0) sandbox.faults().latency(Duration.ofMillis(latencyMs));

    System.out.println("# rolecall sandbox: operator user arn:aws:iam::" + MANAGEMENT_ACCOUNT + ":user/operator"
        + (accounts > 0 ? ", " + accounts + " target accounts 200000000001.. with role " + roleName : ""));
    System.out.println("AWS_ENDPOINT_URL=" + sandbox.endpoint());
    System.out.println("AWS_ACCESS_KEY_ID=" + operator.accessKeyId());
    System.out.println("AWS_SECRET_ACCESS_KEY=" + operator.secretAccessKey());
    System.out.println("AWS_DEFAULT_REGION=us-east-1");
    System.out.flush();

    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }));
    stopped.await();
  }

  private static void usage(int exitCode) {
    (exitCode == 0 ? System.out : System.err).println(
        "usage: SandboxMain [--port N] [--accounts N] [--role-name ROLE] [--external-id X] [--latency-ms N]");
    System.exit(exitCode);
  }
}
