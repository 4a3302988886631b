package io.rolecall.sandbox.imds;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.World;
import io.rolecall.sandbox.auth.Credential;
import io.rolecall.sandbox.auth.Principal;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.protocol.Xml;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EC2 instance metadata service of one emulated instance, IMDSv2 only: {@code PUT /latest/api/token} with
 * {@code X-aws-ec2-metadata-token-ttl-seconds} (1..21600) returns a token; every GET needs it in
 * {@code X-aws-ec2-metadata-token}, else 401. With an instance role attached, the credentials are temporary
 * credentials of a session {@code assumed-role/ROLE/INSTANCE_ID} in the role's account (trust is not evaluated:
 * EC2 assumes the role, not the caller). Served on the sandbox's own port: point the SDK's
 * {@code InstanceProfileCredentialsProvider.builder().endpoint(sandbox.endpoint().toString())} at it.
 */
public final class Imds {
  private static final Duration CREDENTIAL_LIFETIME = Duration.ofHours(6);
  /** Like EC2, hand out fresh credentials well before the old ones expire. */
  private static final Duration REFRESH_BEFORE = Duration.ofMinutes(15);
  private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

  private final World world;
  private final String instanceId = Ids.instanceId();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private volatile String region = "us-east-1";
  private volatile InstanceRole role;
  private Credential current;

  private record InstanceRole(Account account, String roleName) {}

  public Imds(World world) {
    this.world = world;
  }

  /** The instance's role: IMDS then serves credentials of {@code roleName}, which must exist in {@code account}. */
  public synchronized Imds attachInstanceRole(Account account, String roleName) {
    account.iam().requireRole(roleName);
    role = new InstanceRole(account, roleName);
    current = null;
    return this;
  }

  public synchronized Imds detachInstanceRole() {
    role = null;
    current = null;
    return this;
  }

  /** The region the instance reports (default us-east-1). */
  public Imds region(String region) {
    this.region = region;
    return this;
  }

  public String instanceId() {
    return instanceId;
  }

  /** The account of the attached role, if any. */
  public Optional<String> accountId() {
    var r = role;
    return r == null ? Optional.empty() : Optional.of(r.account().id());
  }

  /** IMDS requests are the unsigned ones under /latest/. */
  public static boolean claims(Request r) {
    return r.rawPath().startsWith("/latest/") && r.header("authorization") == null && r.query("X-Amz-Algorithm") == null;
  }

  /** The name faults and the call log use: GetToken, GetCredentials or GetMetadata. */
  public static String action(Request r) {
    if (r.rawPath().equals("/latest/api/token")) return "GetToken";
    return r.rawPath().startsWith(CREDENTIALS_PATH) ? "GetCredentials" : "GetMetadata";
  }

  public Reply handle(Request r) {
    if (r.rawPath().equals("/latest/api/token")) {
      return r.method().equals("PUT") ? issueToken(r) : Reply.text(405, "Method Not Allowed");
    }
    if (!r.method().equals("GET") && !r.method().equals("HEAD")) return Reply.text(405, "Method Not Allowed");
    String token = r.header("x-aws-ec2-metadata-token");
    Instant expiry = token == null ? null : tokens.get(token);
    if (expiry == null || !world.clock().now().isBefore(expiry)) return Reply.text(401, "Unauthorized");
    return metadata(r.rawPath());
  }

  private Reply issueToken(Request r) {
    String ttlHeader = r.header("x-aws-ec2-metadata-token-ttl-seconds");
    int ttl;
    try {
      ttl = Integer.parseInt(ttlHeader == null ? "" : ttlHeader.trim());
    } catch (NumberFormatException e) {
      return Reply.text(400, "Bad Request");
    }
    if (ttl < 1 || ttl > 21600) return Reply.text(400, "Bad Request");
    var now = world.clock().now();
    if (tokens.size() > 10_000) tokens.values().removeIf(t -> !now.isBefore(t));
    String token = Ids.random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 56) + "==";
    tokens.put(token, now.plusSeconds(ttl));
    return Reply.text(200, token).withHeader("X-aws-ec2-metadata-token-ttl-seconds", String.valueOf(ttl));
  }

  private Reply metadata(String path) {
    var r = role;
    return switch (path) {
      case "/latest/meta-data/", "/latest/meta-data" -> Reply.text(200,
          "ami-id\ninstance-id\ninstance-type\nplacement/\n" + (r == null ? "" : "iam/"));
      case "/latest/meta-data/instance-id" -> Reply.text(200, instanceId);
      case "/latest/meta-data/instance-type" -> Reply.text(200, "t3.micro");
      case "/latest/meta-data/ami-id" -> Reply.text(200, "ami-0abcdef1234567890");
      case "/latest/meta-data/placement/region" -> Reply.text(200, region);
      case "/latest/meta-data/placement/availability-zone" -> Reply.text(200, region + "a");
      case "/latest/dynamic/instance-identity/document" -> json(identityDocument(r));
      case "/latest/meta-data/iam/info" -> r == null ? notFound() : json(info(r));
      case CREDENTIALS_PATH -> r == null ? notFound() : Reply.text(200, r.roleName());
      default -> path.startsWith(CREDENTIALS_PATH) && r != null && path.substring(CREDENTIALS_PATH.length()).equals(r.roleName())
          ? credentialsDocument(r) : notFound();
    };
  }

  private Reply credentialsDocument(InstanceRole r) {
    var iamRole = r.account().iam().role(r.roleName()).orElse(null);
    if (iamRole == null) return notFound(); // the role was deleted after being attached
    Credential c;
    synchronized (this) {
      var now = world.clock().now();
      if (current == null || !now.plus(REFRESH_BEFORE).isBefore(current.expiration())) {
        var session = new Principal.AssumedRole(iamRole.accountId(), iamRole.name(), iamRole.arn(), iamRole.roleId(), instanceId);
        current = world.issueSession(session, CREDENTIAL_LIFETIME, false);
      }
      c = current;
    }
    var doc = new LinkedHashMap<String, Object>();
    doc.put("Code", "Success");
    doc.put("LastUpdated", Xml.date(c.created()));
    doc.put("Type", "AWS-HMAC");
    doc.put("AccessKeyId", c.accessKeyId());
    doc.put("SecretAccessKey", c.secretAccessKey());
    doc.put("Token", c.sessionToken());
    doc.put("Expiration", Xml.date(c.expiration()));
    return json(doc);
  }

  private Map<String, Object> info(InstanceRole r) {
    var doc = new LinkedHashMap<String, Object>();
    doc.put("Code", "Success");
    doc.put("LastUpdated", Xml.date(world.clock().now()));
    doc.put("InstanceProfileArn", "arn:aws:iam::" + r.account().id() + ":instance-profile/" + r.roleName());
    doc.put("InstanceProfileId", "AIPA" + instanceId.substring(2, 19).toUpperCase(java.util.Locale.ROOT));
    return doc;
  }

  private Map<String, Object> identityDocument(InstanceRole r) {
    var doc = new LinkedHashMap<String, Object>();
    doc.put("accountId", r == null ? "000000000000" : r.account().id());
    doc.put("architecture", "x86_64");
    doc.put("availabilityZone", region + "a");
    doc.put("imageId", "ami-0abcdef1234567890");
    doc.put("instanceId", instanceId);
    doc.put("instanceType", "t3.micro");
    doc.put("pendingTime", "2026-01-01T00:00:00Z");
    doc.put("privateIp", "10.0.0.10");
    doc.put("region", region);
    doc.put("version", "2017-09-30");
    return doc;
  }

  private static Reply json(Map<String, Object> doc) {
    try {
      return Reply.of(200, "text/plain", Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Reply notFound() {
    return Reply.text(404, "Not Found");
  }
}
