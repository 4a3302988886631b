package io.rolecall.auth;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credential providers, built once and shared. Base credentials resolve as SPEC §1 orders them:
 * explicit keys, then a named profile, then the SDK's default chain (environment, shared files,
 * web identity, container, EC2 instance metadata with IMDSv2). Assumed roles are cached per (base
 * identity, role, external id, session name, duration): the SDK's provider holds the session and
 * refreshes it before it expires, so N commands against one role cost one AssumeRole.
 */
public final class CredentialsCache implements AutoCloseable {
  /** What distinguishes one base identity from another, without keeping secrets in the key's text. */
  private record BaseKey(String accessKey, Secret secret, Secret token, String profile) {}

  /**
   * The STS client is not part of the key: a later command with other timeouts reuses the session
   * the first one obtained instead of paying for another AssumeRole.
   */
  private record RoleKey(BaseKey base, RoleRequest role) {}

  private final Map<BaseKey, AwsCredentialsProvider> bases = new ConcurrentHashMap<>();
  private final Map<RoleKey, AwsCredentialsProvider> roles = new ConcurrentHashMap<>();

  public AwsCredentialsProvider base(AuthSettings s) {
    return bases.computeIfAbsent(baseKey(s), k -> new RedactingCredentialsProvider(createBase(k)));
  }

  /**
   * The provider for a role, assumed with {@code sts} (an STS client that signs with the base
   * credentials of {@code s}). Nothing is called until credentials are first resolved.
   */
  public AwsCredentialsProvider role(AuthSettings s, RoleRequest role, StsClient sts) {
    Objects.requireNonNull(role, "role");
    return roles.computeIfAbsent(new RoleKey(baseKey(s), role), k -> new RedactingCredentialsProvider(
        StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> {
          r.roleArn(role.roleArn()).roleSessionName(role.sessionName()).durationSeconds(role.durationSeconds());
          if (role.externalId() != null) {
            r.externalId(role.externalId());
          }
        })
        .asyncCredentialUpdateEnabled(false)
        .build()));
  }

  /** Drops (and closes) the cached session of a role; the next use assumes it afresh. */
  public void forget(AuthSettings s, RoleRequest role) {
    if (roles.remove(new RoleKey(baseKey(s), role)) instanceof AutoCloseable provider) {
      try {
        provider.close();
      } catch (Exception ignored) {
        // Closing only releases threads and connections; nothing to report.
      }
    }
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
    return DefaultCredentialsProvider.builder().build();
  }

  @Override
  public void close() {
    roles.values().forEach(CredentialsCache::closeQuietly);
    roles.clear();
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
