package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.protocol.AwsException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One account's EC2 instance profiles, each holding at most one role (IAM's limit). The setup API (seeding, tests)
 * and what the wire handlers call. Thread-safe.
 */
public final class InstanceProfiles {
  /** An instance profile and the names of its roles (none or one). */
  public record Profile(String name, String id, String arn, Instant created, List<String> roles) {
    public Profile {
      roles = List.copyOf(roles);
    }
  }

  private final Account account;
  private final Map<String, Profile> profiles = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);

  private InstanceProfiles(Account account) {
    this.account = account;
  }

  public static InstanceProfiles of(Account account) {
    return account.state(InstanceProfiles.class, () -> new InstanceProfiles(account));
  }

  public Profile create(String name) {
    var p = new Profile(name, Ids.uniqueId("AIPA"), "arn:aws:iam::" + account.id() + ":instance-profile/" + name,
        account.world().clock().now(), List.of());
    if (profiles.putIfAbsent(name, p) != null) {
      throw AwsException.conflict("EntityAlreadyExists", "Instance Profile " + name + " already exists.");
    }
    return p;
  }

  public Optional<Profile> get(String name) {
    return Optional.ofNullable(profiles.get(name));
  }

  public Profile require(String name) {
    return get(name).orElseThrow(() -> IamState.noSuchEntity("Instance Profile " + name + " cannot be found."));
  }

  public void addRole(String profile, String role) {
    account.iam().requireRole(role);
    profiles.compute(require(profile).name(), (k, p) -> {
      if (!p.roles().isEmpty()) {
        throw AwsException.badRequest("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
      }
      return new Profile(p.name(), p.id(), p.arn(), p.created(), List.of(role));
    });
  }

  public void removeRole(String profile, String role) {
    account.iam().requireRole(role);
    profiles.compute(require(profile).name(), (k, p) -> {
      if (p.roles().stream().noneMatch(r -> r.equalsIgnoreCase(role))) {
        throw IamState.noSuchEntity("The role with name " + role + " cannot be found in instance profile "
            + profile + ".");
      }
      return new Profile(p.name(), p.id(), p.arn(), p.created(), List.of());
    });
  }
}
