package io.rolecall.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The flags of SPEC §1, accepted anywhere on the line (before or after the command) and by every
 * built-in subcommand. Values given here override the instance from the config file, which
 * overrides the environment.
 *
 * <p>{@link #flag} and {@link #option} set the same fields without picocli, for {@link QuickLine}: building picocli's
 * model from these annotations costs a short command about a fifth of its time (BENCHMARKS.md, "Cold command").
 * QuickLineTest holds them to the annotations, option by option.
 */
public final class GlobalOptions {
  @Option(names = "--instance", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Instance from the config file to use (default: $ROLECALL_INSTANCE).")
  String instance;

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Config file (default: ./rolecall.yaml, then ~/.rolecall/config.yaml).")
  Path config;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
      description = "table (default), json (raw results), context (XSOAR context by path) or markdown (the war"
          + " room's tables).")
  String output;

  @Option(names = "--xsoar-keys", scope = ScopeType.INHERIT,
      description = "With -o context: write each context key with its XSOAR key selector, e.g."
          + " AWS.IAMIdentityCenter.User(val.UserId && val.UserId == obj.UserId).")
  boolean xsoarKeys;

  @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "PATH|JDBC-URL",
      description = "Store for the audit journal and inventory: a SQLite file (default ~/.rolecall/rolecall.db)"
          + " or jdbc:postgresql://HOST/DB?user=...")
  String db;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Log SDK activity to stderr (secrets stay masked).")
  boolean debug;

  @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION", description = "Default region.")
  String region;

  @Option(names = "--access-key", scope = ScopeType.INHERIT, paramLabel = "KEY", description = "Access key id.")
  String accessKey;

  @Option(names = "--secret-key", scope = ScopeType.INHERIT, paramLabel = "SECRET",
      description = "Secret key; SECRET@@@TOKEN carries a session token. Prefer the config file with ${ENV} references:"
          + " command lines are visible to other local users.")
  String secretKey;

  @Option(names = "--session-token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
      description = "Session token (wins over one given with @@@).")
  String sessionToken;

  @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Named profile from the AWS config/credentials files.")
  String profile;

  @Option(names = "--role-arn", scope = ScopeType.INHERIT, paramLabel = "ARN", description = "Role to assume at instance level.")
  String roleArn;

  @Option(names = "--role-session-name", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Session name; required with --role-arn.")
  String roleSessionName;

  @Option(names = "--role-session-duration", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
      description = "Role session duration, 900 to 43200 (default 900).")
  Integer roleSessionDuration;

  @Option(names = "--role-name", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Role assumed in each account named by account_id: arn:aws:iam::<account_id>:role/<NAME>.")
  String roleName;

  @Option(names = "--external-id", scope = ScopeType.INHERIT, paramLabel = "ID", description = "ExternalId sent with every AssumeRole.")
  String externalId;

  @Option(names = "--sts-regional-endpoints", scope = ScopeType.INHERIT, paramLabel = "legacy|regional",
      description = "STS endpoint resolution (default regional).")
  String stsRegionalEndpoints;

  @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "One base URL for every service (PrivateLink, emulators); AWS_ENDPOINT_URL[_<SERVICE>] honoured too.")
  String endpointUrl;

  @Option(names = "--sts-endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL", description = "STS endpoint (PrivateLink).")
  String stsEndpointUrl;

  @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "READ[,CONNECT]",
      description = "Timeouts in seconds (default 60,10).")
  String timeout;

  @Option(names = "--retries", scope = ScopeType.INHERIT, paramLabel = "N",
      description = "Retries on connection errors and throttling, 0 to 10 (default 5).")
  Integer retries;

  @Option(names = "--insecure", scope = ScopeType.INHERIT, description = "Trust any TLS certificate (not secure).")
  boolean insecure;

  @Option(names = "--proxy", scope = ScopeType.INHERIT, paramLabel = "URL", description = "HTTP(S) proxy to use.")
  String proxy;

  @Option(names = "--system-proxy", scope = ScopeType.INHERIT, description = "Use HTTPS_PROXY / NO_PROXY.")
  boolean systemProxy;

  @Option(names = "--identity-store-id", scope = ScopeType.INHERIT, paramLabel = "ID",
      description = "Identity Center identity store (default: discovered with sso-admin ListInstances).")
  String identityStoreId;

  @Option(names = "--parallel", scope = ScopeType.INHERIT, paramLabel = "N",
      description = "Accounts worked on at once when a command targets several (default 16).")
  Integer parallel;

  /** The options above that take no value. */
  static final Set<String> FLAGS = Set.of("--xsoar-keys", "--debug", "--insecure", "--system-proxy");

  /** Sets the flag {@code name} (one of {@link #FLAGS}). */
  void flag(String name) {
    switch (name) {
      case "--xsoar-keys" -> xsoarKeys = true;
      case "--debug" -> debug = true;
      case "--insecure" -> insecure = true;
      case "--system-proxy" -> systemProxy = true;
      default -> throw new IllegalArgumentException(name);
    }
  }

  /**
   * Sets the option {@code name} to {@code value} as picocli would; false when {@code name} is no option of these, or
   * picocli would refuse the value (a number not in digits, a path the file system cannot name).
   */
  boolean option(String name, String value) {
    try {
      switch (name) {
        case "--instance" -> instance = value;
        case "--config" -> config = Path.of(value);
        case "-o", "--output" -> output = value;
        case "--db" -> db = value;
        case "--region" -> region = value;
        case "--access-key" -> accessKey = value;
        case "--secret-key" -> secretKey = value;
        case "--session-token" -> sessionToken = value;
        case "--profile" -> profile = value;
        case "--role-arn" -> roleArn = value;
        case "--role-session-name" -> roleSessionName = value;
        case "--role-session-duration" -> roleSessionDuration = Main.asciiInteger(value);
        case "--role-name" -> roleName = value;
        case "--external-id" -> externalId = value;
        case "--sts-regional-endpoints" -> stsRegionalEndpoints = value;
        case "--endpoint-url" -> endpointUrl = value;
        case "--sts-endpoint-url" -> stsEndpointUrl = value;
        case "--timeout" -> timeout = value;
        case "--retries" -> retries = Main.asciiInteger(value);
        case "--proxy" -> proxy = value;
        case "--identity-store-id" -> identityStoreId = value;
        case "--parallel" -> parallel = Main.asciiInteger(value);
        default -> {
          return false;
        }
      }
      return true;
    } catch (InvalidPathException | CommandLine.TypeConversionException refused) {
      // picocli's converters (Path.of, Main's number converter) refuse these too: picocli says how.
      return false;
    }
  }
}
