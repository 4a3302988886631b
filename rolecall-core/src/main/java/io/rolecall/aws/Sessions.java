package io.rolecall.aws;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.CredentialsCache;
import io.rolecall.auth.RoleRequest;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The process-wide entry to AWS: opens a {@link Session} for a target and keeps what sessions share
 * (credential providers, assumed-role sessions, SDK clients, connection pools). One instance serves
 * every command of a CLI run or every request and job of the engine.
 */
public final class Sessions implements AutoCloseable {
  /** Idle role sessions an engine keeps warm by default; beyond that the least recently used are let go. */
  public static final int ENGINE_IDLE_ROLES = 256;

  private final AwsClients clients;
  private final CredentialsCache credentials;

  /** For a CLI run: the fastest-starting HTTP client, and every role session kept for the process's short life. */
  public Sessions() {
    this(new AwsClients(), new CredentialsCache());
  }

  private Sessions(AwsClients clients, CredentialsCache credentials) {
    this.clients = clients;
    this.credentials = credentials;
  }

  /**
   * For the engine: one pooled HTTP client per transport setting with {@code connections} sockets, shared by every
   * job and request, and at most {@code idleRoles} idle role sessions (with their SDK clients and their secrets in
   * the redactor) kept beyond those in use.
   */
  public static Sessions engine(int connections, int idleRoles) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1");
    }
    return new Sessions(new AwsClients(new HttpClients(HttpClients.Transport.POOLED, connections)),
        new CredentialsCache(idleRoles));
  }

  /**
   * A session in {@code accountId} (through the instance's role name, SPEC §1), or, with a null
   * account, as the instance's role ARN or base identity. Cheap: nothing is called until used.
   * A role session counts as in use until {@link #done} or {@link #release}.
   */
  public Session open(AuthSettings s, String accountId) {
    Profiles.require(s);
    String region = Regions.resolve(s);
    RoleRequest role = RoleRequest.forTarget(s, accountId);
    AwsCredentialsProvider base = credentials.base(s);
    AwsCredentialsProvider effective =
        role == null ? base : credentials.acquire(s, role, clients.sts(s, region, base));
    if (role == null && accountId != null) {
      // account_id with the instance's own identity: the session proves that identity is in that account.
      return new Session(clients, s, region, null, effective, null, accountId);
    }
    String knownAccount = accountId != null ? accountId : role != null ? role.accountId() : null;
    return new Session(clients, s, region, role, effective, knownAccount);
  }

  /** A session that is done for now: its role session stays cached (warm for the next command) but may be let go. */
  public void done(Session session) {
    if (session != null && session.role() != null) {
      closeClients(credentials.release(session.settings(), session.role(), false));
    }
  }

  /**
   * Lets go of a session that will not be used again soon: its clients and, for a role, its cached credentials
   * (unless another session uses them right now). Long multi-account work (an inventory of hundreds of accounts)
   * calls this per account so memory does not grow with the count.
   */
  public void release(Session session) {
    if (session != null && session.role() != null) {
      closeClients(credentials.release(session.settings(), session.role(), true));
    }
  }

  private void closeClients(java.util.List<AwsCredentialsProvider> closed) {
    closed.forEach(clients::closeFor);
  }

  /** Role sessions cached now (in use or idle): they follow the sessions in use, not uptime. */
  public int roleSessions() {
    return credentials.roleSessions();
  }

  /** SDK clients built and not let go. */
  public int sdkClients() {
    return clients.size();
  }

  @Override
  public void close() {
    credentials.close();
    clients.close();
  }
}
