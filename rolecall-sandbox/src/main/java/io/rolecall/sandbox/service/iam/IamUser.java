package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.auth.Principal;
import java.time.Instant;

/** An IAM user. */
public record IamUser(String accountId, String name, String path, String userId, String arn, Instant createDate) {

  public Principal.User principal() {
    return new Principal.User(accountId, name, userId, arn);
  }
}
