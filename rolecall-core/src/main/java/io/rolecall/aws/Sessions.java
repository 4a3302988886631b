package io.rolecall.aws;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.CredentialsCache;
import io.rolecall.auth.RoleRequest;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The process-wide entry to AWS: opens a {@link Session} for a target and keeps what sessions share
 * (credential providers, assumed-role sessions, SDK clients, connection pools). One instance serves
 * every command of a CLI run or every request of the engine.
 */
public final class Sessions implements AutoCloseable {
  private final AwsClients clients = new AwsClients();
  private final CredentialsCache credentials = new CredentialsCache();

  /**
   * A session in {@code accountId} (through the instance's role name, SPEC §1), or, with a null
   * account, as the instance's role ARN or base identity. Cheap: nothing is called until used.
   */
  public Session open(AuthSettings s, String accountId) {
    Profiles.require(s);
    String region = Regions.resolve(s);
    RoleRequest role = RoleRequest.forTarget(s, accountId);
    AwsCredentialsProvider base = credentials.base(s);
    AwsCredentialsProvider effective =
        role == null ? base : credentials.role(s, role, clients.sts(s, region, base));
    String knownAccount = accountId != null ? accountId : role != null ? role.accountId() : null;
    return new Session(clients, s, region, role, effective, knownAccount);
  }

  /**
   * Lets go of a session that is done: its clients and, for a role, its cached credentials. Long multi-account
   * work (an inventory of hundreds of accounts) calls this per account so memory does not grow with the count.
   */
  public void release(Session session) {
    if (session.role() != null) {
      credentials.forget(session.settings(), session.role());
    }
    clients.closeFor(session.credentials());
  }

  @Override
  public void close() {
    credentials.close();
    clients.close();
  }
}
