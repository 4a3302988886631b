package io.rolecall.config;

import io.rolecall.Shown;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.auth.StsEndpoints;
import io.rolecall.auth.Timeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML config file: named instances (XSOAR's integration instances) and the store location.
 * Secrets may be written as {@code ${ENV_VAR}} so that the file itself holds none.
 *
 * <pre>
 * db: ~/.rolecall/rolecall.db
 * instances:
 *   prod:
 *     region: us-east-1
 *     roleName: RolecallRemediation
 *     externalId: ${ROLECALL_EXTERNAL_ID}
 * suppressions:                 # reviewed findings, shown as suppressed until they expire
 *   - rule: access-key-unused-45-days
 *     principal: "AKIA*"
 *     reason: break-glass key, reviewed quarterly
 *     expires: 2027-03-31
 * retention:                    # what `inventory prune` (and the engine after each sync) keeps
 *   keepRuns: 30
 *   olderThan: 90d
 * schedules:                    # recurring syncs the engine (rolecall serve) keeps, once across all engines
 *   - instance: prod
 *     schedule: every 6h        # or a five-field cron in UTC: "0 *&#47;6 * * *"
 *     accounts: all
 * engine:
 *   tokens-file: ~/.rolecall/engine-tokens.yaml   # people's named tokens (rolecall serve --tokens-file)
 * </pre>
 */
public final class ConfigFile {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Set<String> INSTANCE_KEYS = Set.of("region", "accessKey", "secretKey", "sessionToken",
      "profile", "roleArn", "roleSessionName", "roleSessionDuration", "roleName", "externalId", "stsRegionalEndpoints",
      "endpointUrl", "stsEndpointUrl", "timeout", "retries", "insecure", "proxy", "systemProxy", "identityStoreId");
  private static final Set<String> TOP_KEYS = Set.of("instances", "db", "suppressions", "retention",
      "schedules", "engine");
  private static final Set<String> ENGINE_KEYS = Set.of("tokens-file");
  private static final Set<String> SUPPRESSION_KEYS = Set.of("rule", "principal", "account", "reason", "expires");
  private static final Set<String> RETENTION_KEYS = Set.of("keepRuns", "olderThan");
  private static final Set<String> SCHEDULE_KEYS = Set.of("instance", "schedule", "accounts", "regions", "services",
      "eventsSince");

  /**
   * A recurring sync of the {@code schedules:} list: its instance (null: the engine's default), its schedule as
   * written (checked by the engine), and the sync options as {@code POST /v1/inventory/jobs} takes them.
   *
   * @param where how errors name it: "config FILE, schedules[0]"
   */
  public record ScheduleEntry(String instance, String schedule, Map<String, String> options, String where) {}

  private final Path path;
  private final JsonNode root;
  private final Env env;

  private ConfigFile(Path path, JsonNode root, Env env) {
    this.path = path;
    this.root = root;
    this.env = env;
  }

  /** The file to read: the one given, else ./rolecall.yaml, else ~/.rolecall/config.yaml, else none. */
  public static Path locate(Path explicit) {
    return locate(explicit, Env.system());
  }

  /** As {@link #locate(Path)}, with ~/.rolecall where {@code env}'s $ROLECALL_HOME or $HOME says ({@link RolecallHome}). */
  public static Path locate(Path explicit, Env env) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new UsageException("config: no such file " + explicit);
      }
      return explicit;
    }
    Path local = Path.of("rolecall.yaml");
    if (Files.isRegularFile(local)) {
      return local;
    }
    Path home = RolecallHome.dir(env).resolve("config.yaml");
    return Files.isRegularFile(home) ? home : null;
  }

  public static ConfigFile load(Path path, Env env) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new UsageException("config " + path + ": not valid YAML" + (line > 0 ? " at line " + line : ""));
    } catch (IOException e) {
      throw new UsageException("config " + path + ": cannot read (" + e.getMessage() + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = new ObjectMapper().createObjectNode();
    }
    if (!root.isObject()) {
      throw new UsageException("config " + path + ": expected a mapping with 'instances:'");
    }
    checkKeys(root, TOP_KEYS, "config " + path);
    return new ConfigFile(path, root, env);
  }

  public Path path() {
    return path;
  }

  public Set<String> instanceNames() {
    var names = new TreeSet<String>();
    root.path("instances").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The store location (a SQLite path or a jdbc: URL), or null when the file does not set one. */
  public String db() {
    JsonNode n = root.get("db");
    return n == null || n.isNull() ? null : interpolate(n.asText(), "db");
  }

  /** The {@code suppressions:} list; each entry is checked (rule known, reason and expiry given). */
  public List<io.rolecall.inventory.Suppression> suppressions() {
    JsonNode list = root.get("suppressions");
    var out = new ArrayList<io.rolecall.inventory.Suppression>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw new UsageException("config " + path + ": suppressions must be a list of {rule, principal, account, reason,"
          + " expires}");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode n = list.get(i);
      String where = "config " + path + ", suppressions[" + i + "]";
      if (!n.isObject()) {
        throw new UsageException(where + ": expected a mapping with rule, principal, reason, expires");
      }
      checkKeys(n, SUPPRESSION_KEYS, where);
      try {
        out.add(new io.rolecall.inventory.Suppression(text(n, "rule", where), text(n, "principal", where),
            text(n, "account", where), text(n, "reason", where),
            io.rolecall.inventory.Suppression.date(text(n, "expires", where))));
      } catch (UsageException e) {
        throw new UsageException(where + ": " + e.getMessage().replaceFirst("^suppressions: ", ""));
      }
    }
    return out;
  }

  /** The {@code schedules:} list (empty when the file has none); each entry's keys checked, values not yet. */
  public List<ScheduleEntry> schedules() {
    JsonNode n = root.get("schedules");
    if (n == null || n.isNull()) {
      return List.of();
    }
    String where = "config " + path + ", schedules";
    if (!n.isArray()) {
      throw new UsageException(where + ": expected a list of {instance, schedule, accounts, regions, services}");
    }
    var out = new ArrayList<ScheduleEntry>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      String at = where + "[" + i + "]";
      if (!e.isObject()) {
        throw new UsageException(at + ": expected a mapping with schedule and accounts");
      }
      checkKeys(e, SCHEDULE_KEYS, at);
      String schedule = text(e, "schedule", at);
      if (schedule == null || text(e, "accounts", at) == null) {
        throw new UsageException(at + ": schedule and accounts are required (e.g. schedule: every 6h, accounts: all)");
      }
      var options = new java.util.LinkedHashMap<String, String>();
      for (String k : List.of("accounts", "regions", "services", "eventsSince")) {
        String v = text(e, k, at);
        if (v != null) {
          options.put(k, v);
        }
      }
      out.add(new ScheduleEntry(text(e, "instance", at), schedule, Map.copyOf(options), at));
    }
    return out;
  }

  /**
   * {@code engine: tokens-file:}, the file of people's named engine tokens, or null when not given; {@code ~/} is the
   * home directory and a relative path is relative to the config file's directory.
   */
  public java.nio.file.Path engineTokensFile() {
    JsonNode n = root.get("engine");
    if (n == null || n.isNull()) {
      return null;
    }
    String where = "config " + path + ", engine";
    if (!n.isObject()) {
      throw new UsageException(where + ": expected a mapping with tokens-file");
    }
    checkKeys(n, ENGINE_KEYS, where);
    String file = text(n, "tokens-file", where);
    if (file == null) {
      return null;
    }
    if (file.startsWith("~/")) {
      return java.nio.file.Path.of(System.getProperty("user.home"), file.substring(2));
    }
    var p = java.nio.file.Path.of(file);
    var dir = path.toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p);
  }

  /** The {@code retention:} settings, or null when the file has none. */
  public Retention retention() {
    JsonNode n = root.get("retention");
    if (n == null || n.isNull()) {
      return null;
    }
    String where = "config " + path + ", retention";
    if (!n.isObject()) {
      throw new UsageException(where + ": expected a mapping with keepRuns and/or olderThan");
    }
    checkKeys(n, RETENTION_KEYS, where);
    return Retention.parse(integer(n, "keepRuns", where), where + ": keepRuns", text(n, "olderThan", where),
        where + ": olderThan");
  }

  /** Applies instance {@code name}'s values onto {@code b}. */
  public AuthSettings.Builder applyInstance(String name, AuthSettings.Builder b) {
    JsonNode node = root.path("instances").get(name);
    if (node == null || !node.isObject()) {
      throw new UsageException("instance: no instance '" + name + "' in " + path
          + (instanceNames().isEmpty() ? " (it defines none)" : "; defined: " + String.join(", ", instanceNames())));
    }
    String where = "config " + path + ", instance " + name;
    checkKeys(node, INSTANCE_KEYS, where);
    b.instanceName(name);
    b.region(text(node, "region", where));
    b.accessKey(text(node, "accessKey", where));
    b.secretKey(Secret.ofNullable(text(node, "secretKey", where)));
    b.sessionToken(Secret.ofNullable(text(node, "sessionToken", where)));
    b.profile(text(node, "profile", where));
    b.roleArn(text(node, "roleArn", where));
    b.roleSessionName(text(node, "roleSessionName", where));
    b.roleSessionDuration(integer(node, "roleSessionDuration", where));
    b.roleName(text(node, "roleName", where));
    b.externalId(text(node, "externalId", where));
    String sts = text(node, "stsRegionalEndpoints", where);
    if (sts != null) {
      b.stsEndpoints(StsEndpoints.parse(sts, where + ": stsRegionalEndpoints"));
    }
    b.endpointUrl(Urls.http(text(node, "endpointUrl", where), where + ": endpointUrl"));
    b.stsEndpointUrl(Urls.http(text(node, "stsEndpointUrl", where), where + ": stsEndpointUrl"));
    String timeout = text(node, "timeout", where);
    if (timeout != null) {
      b.timeouts(Timeouts.parse(timeout, where + ": timeout"));
    }
    b.retries(integer(node, "retries", where));
    Boolean insecure = bool(node, "insecure", where);
    if (insecure != null) {
      b.insecure(insecure);
    }
    b.proxy(Urls.http(text(node, "proxy", where), where + ": proxy"));
    Boolean systemProxy = bool(node, "systemProxy", where);
    if (systemProxy != null) {
      b.systemProxy(systemProxy);
    }
    b.identityStoreId(text(node, "identityStoreId", where));
    if (Boolean.TRUE.equals(systemProxy) && text(node, "proxy", where) != null) {
      throw new UsageException(where + ": give either proxy or systemProxy, not both");
    }
    return b;
  }

  private String text(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new UsageException(where + ": " + key + " must be a single value");
    }
    return interpolate(v.asText(), where + ": " + key);
  }

  private Integer integer(JsonNode node, String key, String where) {
    String t = text(node, key, where);
    if (t == null) {
      return null;
    }
    try {
      return Integer.valueOf(t.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(where + ": " + key + " must be a whole number, got " + Shown.quoted(t));
    }
  }

  private Boolean bool(JsonNode node, String key, String where) {
    String t = text(node, key, where);
    if (t == null) {
      return null;
    }
    return switch (t.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new UsageException(where + ": " + key + " must be true or false, got " + Shown.quoted(t));
    };
  }

  /** Replaces every ${NAME} with the variable's value; an unset variable is an error, not "". */
  private String interpolate(String value, String where) {
    Matcher m = REFERENCE.matcher(value);
    var out = new StringBuilder();
    while (m.find()) {
      String v = env.get(m.group(1));
      if (v == null) {
        throw new UsageException(where + " refers to ${" + m.group(1) + "}, which is not set in the environment");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        unknown.add(k);
      }
    });
    if (!unknown.isEmpty()) {
      throw new UsageException(where + ": unknown key " + String.join(", ", unknown) + "; accepted: "
          + String.join(", ", new TreeSet<>(allowed)));
    }
  }
}
