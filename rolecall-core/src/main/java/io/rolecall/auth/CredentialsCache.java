package io.rolecall.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credential providers, built once and shared. Base credentials resolve as SPEC §1 orders them:
 * explicit keys, then a named profile, then the SDK's default chain (environment, shared files,
 * web identity, container, EC2 instance metadata with IMDSv2). Assumed roles are cached per (base
 * identity, role, external id, session name, duration): the SDK's provider holds the session and
 * refreshes it before it expires, so N commands against one role cost one AssumeRole. Each role session counts its
 * users; idle ones beyond a bound are closed (least recently used first), so an engine's memory and its redactor's
 * secrets follow the sessions in use, not every role it ever assumed.
 */
public final class CredentialsCache implements AutoCloseable {
  /** What distinguishes one base identity from another, without keeping secrets in the key's text. */
  private record BaseKey(String accessKey, Secret secret, Secret token, String profile) {}

  /**
   * The STS client is not part of the key: a later command with other timeouts reuses the session
   * the first one obtained instead of paying for another AssumeRole.
   */
  private record RoleKey(BaseKey base, RoleRequest role) {}

  /** A cached role session: its provider, how many sessions use it now, and when it was last handed out. */
  private static final class Entry {
    final AwsCredentialsProvider provider;
    int users;
    long lastUsed;

    Entry(AwsCredentialsProvider provider) {
      this.provider = provider;
    }
  }

  private final Map<BaseKey, AwsCredentialsProvider> bases = new ConcurrentHashMap<>();
  private final Map<RoleKey, Entry> roles = new HashMap<>();
  private final int maxIdleRoles;
  private long uses;

  /** A cache that keeps every role session it assumed (a CLI run: few roles, short life). */
  public CredentialsCache() {
    this(Integer.MAX_VALUE);
  }

  /**
   * A cache that keeps at most {@code maxIdleRoles} role sessions nobody is using (the engine: many roles, long
   * life); beyond that the least recently used idle ones are closed, and their secrets unregistered.
   */
  public CredentialsCache(int maxIdleRoles) {
    if (maxIdleRoles < 1) {
      throw new IllegalArgumentException("maxIdleRoles must be at least 1");
    }
    this.maxIdleRoles = maxIdleRoles;
  }

  public AwsCredentialsProvider base(AuthSettings s) {
    return bases.computeIfAbsent(baseKey(s), k -> new RedactingCredentialsProvider(createBase(k)));
  }

  /**
   * The provider for a role, assumed with {@code sts} (an STS client that signs with the base credentials of
   * {@code s}), counted as used until {@link #release}d. Nothing is called until credentials are first resolved.
   */
  public AwsCredentialsProvider acquire(AuthSettings s, RoleRequest role, StsClient sts) {
    Objects.requireNonNull(role, "role");
    synchronized (roles) {
      var entry = roles.computeIfAbsent(new RoleKey(baseKey(s), role), k -> new Entry(assumer(role, sts)));
      entry.users++;
      entry.lastUsed = ++uses;
      return entry.provider;
    }
  }

  /**
   * A session of the role is done with its provider. With {@code forget} (an account's inventory is complete: the
   * role will not be used again soon) the session is dropped at once unless others use it. Returns the providers
   * closed now (this one, or the least recently used idle ones beyond the bound), whose clients the caller closes.
   */
  public List<AwsCredentialsProvider> release(AuthSettings s, RoleRequest role, boolean forget) {
    var closed = new ArrayList<AwsCredentialsProvider>();
    synchronized (roles) {
      var key = new RoleKey(baseKey(s), role);
      var entry = roles.get(key);
      if (entry != null) {
        entry.users = Math.max(0, entry.users - 1);
        if (forget && entry.users == 0) {
          roles.remove(key);
          closed.add(entry.provider);
        }
      }
      long idle = roles.values().stream().filter(e -> e.users == 0).count();
      if (idle > maxIdleRoles) {
        var oldest = roles.entrySet().stream().filter(e -> e.getValue().users == 0)
            .sorted(java.util.Comparator.comparingLong(e -> e.getValue().lastUsed))
            .limit(idle - maxIdleRoles).map(Map.Entry::getKey).toList();
        for (var k : oldest) {
          closed.add(roles.remove(k).provider);
        }
      }
    }
    closed.forEach(CredentialsCache::closeQuietly);
    return closed;
  }

  /** Role sessions cached now (in use or idle). */
  public int roleSessions() {
    synchronized (roles) {
      return roles.size();
    }
  }

  private static AwsCredentialsProvider assumer(RoleRequest role, StsClient sts) {
    return new RedactingCredentialsProvider(StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> {
          r.roleArn(role.roleArn()).roleSessionName(role.sessionName()).durationSeconds(role.durationSeconds());
          if (role.externalId() != null) {
            r.externalId(role.externalId());
          }
        })
        .asyncCredentialUpdateEnabled(false)
        .build());
  }

  private static BaseKey baseKey(AuthSettings s) {
    return new BaseKey(s.accessKey(), s.secretKey(), s.sessionToken(), s.accessKey() == null ? s.profile() : null);
  }

  private static AwsCredentialsProvider createBase(BaseKey key) {
    if (key.accessKey() != null) {
      var credentials = key.token() == null
          ? AwsBasicCredentials.create(key.accessKey(), key.secret().reveal())
          : AwsSessionCredentials.create(key.accessKey(), key.secret().reveal(), key.token().reveal());
      return StaticCredentialsProvider.create(credentials);
    }
    if (key.profile() != null) {
      return ProfileCredentialsProvider.builder().profileName(key.profile()).build();
    }
    if (keysInEnvironmentFirst()) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /**
   * Whether the SDK's default chain would take its keys from the environment: it asks the JVM's system properties
   * first, the environment second. Then the chain's own environment provider alone gives the same credentials,
   * without building the other five (files, web identity, container, instance metadata): about 50 ms of a one-call
   * command (BENCHMARKS.md, "Cold command").
   */
  private static boolean keysInEnvironmentFirst() {
    return blank(System.getProperty("aws.accessKeyId")) && !blank(System.getenv("AWS_ACCESS_KEY_ID"))
        && !blank(System.getenv("AWS_SECRET_ACCESS_KEY"));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public void close() {
    synchronized (roles) {
      roles.values().forEach(e -> closeQuietly(e.provider));
      roles.clear();
    }
    bases.values().forEach(CredentialsCache::closeQuietly);
    bases.clear();
  }

  private static void closeQuietly(AwsCredentialsProvider p) {
    if (p instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception ignored) {
        // Closing a provider only releases threads and connections; nothing to report.
      }
    }
  }
}
