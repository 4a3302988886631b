package io.rolecall.sandbox.service.organizations;

import java.time.Instant;

/** A member account as ListAccounts describes it. */
public record OrgAccount(String id, String arn, String email, String name, AccountState state, String joinedMethod,
                         Instant joinedTimestamp) {

  public OrgAccount withState(AccountState newState) {
    return new OrgAccount(id, arn, email, name, newState, joinedMethod, joinedTimestamp);
  }
}
