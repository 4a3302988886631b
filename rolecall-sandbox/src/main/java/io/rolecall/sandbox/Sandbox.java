package io.rolecall.sandbox;

import io.rolecall.sandbox.calls.CallLog;
import io.rolecall.sandbox.fault.Faults;
import io.rolecall.sandbox.http.SandboxServer;
import io.rolecall.sandbox.imds.Imds;
import io.rolecall.sandbox.service.Services;
import io.rolecall.sandbox.service.organizations.Organization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * An in-process AWS emulator on a loopback port, speaking the real wire protocols: point the AWS SDK or CLI at
 * {@link #endpoint()} (IMDS is on the same base URL).
 * <pre>{@code
 * try (Sandbox sb = Sandbox.start()) {
 *   Account mgmt = sb.account("111111111111");
 *   AccessKey ops = mgmt.iam().createUserWithAccessKey("ops");
 *   sb.account("222222222222").iam().createRole("RolecallAudit",
 *       TrustPolicy.trustingAccount("111111111111").withExternalId("x"));
 *   // ... StsClient.builder().endpointOverride(sb.endpoint()) ...
 *   assertThat(sb.calls().count("sts", "AssumeRole")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
  private final World world = new World();
  private final Faults faults = new Faults();
  private final CallLog calls = new CallLog();
  private final Imds imds = new Imds(world);
  private final SandboxServer server;

  private Sandbox(int port) {
    try {
      server = new SandboxServer(port, world, Services.all(world), faults, calls, imds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1:" + port, e);
    }
  }

  /** Starts on an ephemeral port. */
  public static Sandbox start() {
    return start(0);
  }

  /** Starts on {@code port} (0 = ephemeral). */
  public static Sandbox start(int port) {
    return new Sandbox(port);
  }

  /** {@code http://127.0.0.1:PORT}: the endpoint URL for every service and for IMDS. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  public int port() {
    return server.port();
  }

  /** The account with this 12-digit id, created on first use. */
  public Account account(String accountId) {
    return world.account(accountId);
  }

  public List<Account> accounts() {
    return world.accounts();
  }

  /** The organization {@code managementAccountId} manages (created on first use); add members with addAccount. */
  public Organization organization(String managementAccountId) {
    return Organization.managedBy(world, managementAccountId);
  }

  public Imds imds() {
    return imds;
  }

  public Faults faults() {
    return faults;
  }

  public CallLog calls() {
    return calls;
  }

  /** The clock credentials expire by; {@code clock().advance(Duration.ofHours(2))} expires one-hour sessions. */
  public SandboxClock clock() {
    return world.clock();
  }

  /** The state behind everything, for service implementers and unusual tests. */
  public World world() {
    return world;
  }

  @Override
  public void close() {
    server.close();
  }
}
