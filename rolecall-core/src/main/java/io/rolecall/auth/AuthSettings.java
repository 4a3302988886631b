package io.rolecall.auth;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The parameters of an instance (SPEC §1): how to reach and authenticate to AWS. Immutable; build
 * with {@link #builder()}, derive per-command variants with {@link #toBuilder()}. Values are checked
 * in {@link Builder#build()}, so an AuthSettings in hand is always valid.
 */
public record AuthSettings(
    String instanceName,
    String region,
    String accessKey,
    Secret secretKey,
    Secret sessionToken,
    String profile,
    String roleArn,
    String roleSessionName,
    int roleSessionDuration,
    String roleName,
    String externalId,
    StsEndpoints stsEndpoints,
    URI endpointUrl,
    URI stsEndpointUrl,
    Map<String, URI> serviceEndpoints,
    Timeouts timeouts,
    int retries,
    boolean insecure,
    URI proxy,
    java.util.Set<String> nonProxyHosts,
    boolean systemProxy,
    String identityStoreId) {

  public static final int DEFAULT_SESSION_DURATION = 900;
  public static final int DEFAULT_RETRIES = 5;
  public static final int MAX_RETRIES = 10;
  /** Session name used when the role comes from role name + account id (seed 000). */
  public static final String DEFAULT_SESSION_NAME = "rolecall";
  /** Separates secret key and session token in XSOAR's combined form (seed 002). */
  public static final String TOKEN_SEPARATOR = "@@@";

  static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws(-us-gov|-cn|-iso|-iso-b)?:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
  static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
  static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
  static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  public AuthSettings {
    serviceEndpoints = Map.copyOf(serviceEndpoints);
    nonProxyHosts = java.util.Set.copyOf(nonProxyHosts);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The endpoint override for a service (its signing-name key, e.g. "sts", "sso-admin"), or null. */
  public URI endpointFor(String service) {
    if (service.equals("sts") && stsEndpointUrl != null) {
      return stsEndpointUrl;
    }
    URI specific = serviceEndpoints.get(service);
    return specific != null ? specific : endpointUrl;
  }

  /** The account id a role ARN names, or null when the ARN is absent. */
  public static String accountOf(String roleArn) {
    if (roleArn == null) {
      return null;
    }
    var m = ROLE_ARN.matcher(roleArn);
    return m.matches() ? m.group(2) : null;
  }

  /** The partition of a region: GovCloud and China regions live apart from the commercial one. */
  public static String partitionOf(String region) {
    if (region == null) {
      return "aws";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return region.startsWith("cn-") ? "aws-cn" : "aws";
  }

  /** Mutable builder; every setter accepts null for "not given". */
  public static final class Builder {
    private String instanceName;
    private String region;
    private String accessKey;
    private Secret secretKey;
    private Secret sessionToken;
    private String profile;
    private String roleArn;
    private String roleSessionName;
    private Integer roleSessionDuration;
    private String roleName;
    private String externalId;
    private StsEndpoints stsEndpoints = StsEndpoints.REGIONAL;
    private URI endpointUrl;
    private URI stsEndpointUrl;
    private final Map<String, URI> serviceEndpoints = new TreeMap<>();
    private Timeouts timeouts = Timeouts.DEFAULT;
    private Integer retries;
    private boolean insecure;
    private URI proxy;
    private java.util.Set<String> nonProxyHosts = java.util.Set.of();
    private boolean systemProxy;
    private String identityStoreId;

    private Builder() {}

    private Builder(AuthSettings s) {
      instanceName = s.instanceName;
      region = s.region;
      accessKey = s.accessKey;
      secretKey = s.secretKey;
      sessionToken = s.sessionToken;
      profile = s.profile;
      roleArn = s.roleArn;
      roleSessionName = s.roleSessionName;
      roleSessionDuration = s.roleSessionDuration;
      roleName = s.roleName;
      externalId = s.externalId;
      stsEndpoints = s.stsEndpoints;
      endpointUrl = s.endpointUrl;
      stsEndpointUrl = s.stsEndpointUrl;
      serviceEndpoints.putAll(s.serviceEndpoints);
      timeouts = s.timeouts;
      retries = s.retries;
      insecure = s.insecure;
      proxy = s.proxy;
      nonProxyHosts = s.nonProxyHosts;
      systemProxy = s.systemProxy;
      identityStoreId = s.identityStoreId;
    }

    public Builder instanceName(String v) { instanceName = blankToNull(v); return this; }
    public Builder region(String v) { region = blankToNull(v); return this; }
    public Builder accessKey(String v) { accessKey = blankToNull(v); return this; }
    public Builder secretKey(Secret v) { secretKey = v; return this; }
    public Builder sessionToken(Secret v) { sessionToken = v; return this; }
    public Builder profile(String v) { profile = blankToNull(v); return this; }
    public Builder roleArn(String v) { roleArn = blankToNull(v); return this; }
    public Builder roleSessionName(String v) { roleSessionName = blankToNull(v); return this; }
    public Builder roleSessionDuration(Integer v) { roleSessionDuration = v; return this; }
    public Builder roleName(String v) { roleName = blankToNull(v); return this; }
    public Builder externalId(String v) { externalId = blankToNull(v); return this; }
    public Builder stsEndpoints(StsEndpoints v) { if (v != null) stsEndpoints = v; return this; }
    public Builder endpointUrl(URI v) { endpointUrl = v; return this; }
    public Builder stsEndpointUrl(URI v) { stsEndpointUrl = v; return this; }
    public Builder serviceEndpoint(String service, URI v) { serviceEndpoints.put(service, v); return this; }
    public Builder timeouts(Timeouts v) { if (v != null) timeouts = v; return this; }
    public Builder retries(Integer v) { retries = v; return this; }
    public Builder insecure(boolean v) { insecure = v; return this; }
    public Builder proxy(URI v) { proxy = v; return this; }
    public Builder nonProxyHosts(java.util.Set<String> v) { nonProxyHosts = v == null ? java.util.Set.of() : v; return this; }
    /** The proxy comes from the environment (HTTPS_PROXY / NO_PROXY), resolved by whoever reads it. */
    public Builder systemProxy(boolean v) { systemProxy = v; return this; }
    public Builder identityStoreId(String v) { identityStoreId = blankToNull(v); return this; }

    /** Validates every value; the first problem is a {@link UsageException} naming the parameter. */
    public AuthSettings build() {
      if (region != null && !REGION.matcher(region).matches()) {
        throw new UsageException("region: expected an AWS region such as us-east-1, got " + Shown.quoted(region));
      }
      Secret secret = secretKey;
      Secret token = sessionToken;
      if (secret != null && secret.reveal().contains(TOKEN_SEPARATOR)) {
        // XSOAR form SECRET@@@TOKEN; an explicit session token wins over the embedded one.
        String whole = secret.reveal();
        int at = whole.indexOf(TOKEN_SEPARATOR);
        secret = Secret.of(whole.substring(0, at));
        if (token == null) {
          token = Secret.ofNullable(whole.substring(at + TOKEN_SEPARATOR.length()));
        }
        if (secret.reveal().isEmpty()) {
          throw new UsageException("secret-key: expected SECRET or SECRET@@@TOKEN, the secret part is empty");
        }
      }
      if (accessKey != null && secretKey == null) {
        throw new UsageException("secret-key: required with access-key");
      }
      if (secretKey != null && accessKey == null) {
        throw new UsageException("access-key: required with secret-key");
      }
      if (sessionToken != null && accessKey == null) {
        throw new UsageException("session-token: needs access-key and secret-key");
      }
      if (accessKey != null && profile != null) {
        throw new UsageException("profile: give either a profile or access-key/secret-key, not both");
      }
      if (roleArn != null) {
        if (!ROLE_ARN.matcher(roleArn).matches()) {
          throw new UsageException("role-arn: expected arn:aws:iam::<12-digit account>:role/<name>, got "
              + Shown.quoted(roleArn));
        }
        if (roleSessionName == null) {
          throw new UsageException("role-session-name: required when role-arn is set"
              + " (letters, digits and +=,.@-, 2 to 64 characters)");
        }
      }
      if (roleSessionName != null && !SESSION_NAME.matcher(roleSessionName).matches()) {
        throw new UsageException("role-session-name: expected 2 to 64 characters of letters, digits and +=,.@-,"
            + " got " + Shown.quoted(roleSessionName));
      }
      int duration = roleSessionDuration == null ? DEFAULT_SESSION_DURATION : roleSessionDuration;
      if (duration < 900 || duration > 43200) {
        throw new UsageException("role-session-duration: expected seconds from 900 to 43200, got " + duration);
      }
      if (roleName != null && !ROLE_NAME.matcher(roleName).matches()) {
        throw new UsageException("role-name: expected an IAM role name (1 to 64 of letters, digits and +=,.@-),"
            + " got " + Shown.quoted(roleName));
      }
      if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
        throw new UsageException("external-id: expected 2 to 1224 characters of letters, digits and +=,.@:/-");
      }
      int retryCount = retries == null ? DEFAULT_RETRIES : retries;
      if (retryCount < 0 || retryCount > MAX_RETRIES) {
        throw new UsageException("retries: expected 0 (no retries) to " + MAX_RETRIES + ", got " + retryCount);
      }
      if (proxy != null && proxy.getUserInfo() != null) {
        // A proxy password is a secret: keep it out of every message from here on.
        Redactor.global().register(proxy.getUserInfo());
      }
      return new AuthSettings(instanceName, region, accessKey, secret, token, profile, roleArn,
          roleSessionName, duration, roleName, externalId, stsEndpoints, endpointUrl, stsEndpointUrl,
          serviceEndpoints, timeouts, retryCount, insecure, proxy, nonProxyHosts, systemProxy, identityStoreId);
    }

    private static String blankToNull(String v) {
      return v == null || v.isBlank() ? null : v.trim();
    }
  }
}
