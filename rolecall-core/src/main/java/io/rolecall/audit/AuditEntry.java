package io.rolecall.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One applied change, as the journal keeps it. {@code before} and {@code after} are JSON documents.
 * Nothing here may hold a secret: arguments are the command's own (no credential is an argument),
 * and the principal is a role ARN or an access key id, never a secret key or token.
 *
 * @param id assigned by the journal on append; 0 before that
 * @param actor who ran rolecall: the OS user for the CLI, the token's name for the engine
 * @param principal the AWS identity the change was made as
 */
public record AuditEntry(
    long id,
    Instant time,
    String actor,
    String instance,
    String accountId,
    String region,
    String command,
    Map<String, String> arguments,
    String principal,
    String resource,
    String before,
    String after) {

  public AuditEntry {
    arguments = Map.copyOf(arguments);
  }

  public AuditEntry withId(long newId) {
    return new AuditEntry(newId, time, actor, instance, accountId, region, command, arguments, principal, resource,
        before, after);
  }
}
