package io.rolecall.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything declared about a command, in one place: name, arguments, context outputs and the IAM
 * permissions its target role needs. Help text, validation, the docs and the policy generator all
 * read this, so they cannot drift apart.
 *
 * @param permissions exactly the IAM actions the command calls: the policy generator grants these
 * @param changeArgs for a mutating command, the arguments that say what to change: at least one
 *     must be given (a change of nothing is a usage error, caught before any call)
 */
public record CommandSpec(
    String name,
    String integration,
    String description,
    List<ArgSpec> args,
    List<OutputSpec> outputs,
    List<String> permissions,
    boolean mutating,
    Targeting targeting,
    List<String> changeArgs,
    Map<String, String> keys) {

  public static final String ACCOUNT_ID = "account_id";
  public static final String DRY_RUN = "dry_run";

  /** Arguments every command accepts (SPEC §2, seed 002: command-level overrides). */
  public static final List<ArgSpec> COMMON_ARGS = List.of(
      ArgSpec.matching("region", "[a-z]{2}(-[a-z]+)+-\\d{1,2}", "an AWS region such as us-east-1",
          "Region to run in, overriding the instance's."),
      ArgSpec.matching("roleArn", "arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}",
          "a role ARN such as arn:aws:iam::123456789012:role/Name", "Role to assume for this command only."),
      ArgSpec.matching("roleSessionName", "[\\w+=,.@-]{2,64}", "2 to 64 of letters, digits and +=,.@-",
          "Session name for the role assumed by this command."),
      ArgSpec.integer("roleSessionDuration", 900, 43200, "Session duration in seconds for this command's role."),
      ArgSpec.matching("timeout", "\\s*\\d{1,5}\\s*(,\\s*\\d{1,5}\\s*)?", "READ or READ,CONNECT in seconds (e.g. 60,10)",
          "Read and connect timeouts for this command."),
      ArgSpec.integer("retries", 0, Integer.MAX_VALUE, "Retry attempts on connection errors and throttling (0 disables);"
          + " as upstream, a value above " + CommandSpec.MAX_RETRIES + " is capped at " + CommandSpec.MAX_RETRIES
          + " with a warning."));

  /** The most retries a command makes; a larger {@code retries} is capped here (upstream's limit). */
  public static final int MAX_RETRIES = 10;

  public CommandSpec {
    args = List.copyOf(args);
    outputs = List.copyOf(outputs);
    permissions = List.copyOf(permissions);
    changeArgs = List.copyOf(changeArgs);
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  /** The declaration without key selectors (each output root then gets the derived one, see {@link #keyOf}). */
  public CommandSpec(String name, String integration, String description, List<ArgSpec> args,
      List<OutputSpec> outputs, List<String> permissions, boolean mutating, Targeting targeting,
      List<String> changeArgs) {
    this(name, integration, description, args, outputs, permissions, mutating, targeting, changeArgs, Map.of());
  }

  /**
   * The field XSOAR merges entries of this context root on ({@code UserId} for {@code AWS.IAMIdentityCenter.User}),
   * or null for none. Declared with {@link Builder#key}; otherwise derived from the root's last segment: the first of
   * {@code <Last>Id} and {@code <Last without a plural s>Id} that is a declared output under the root, else the
   * root's first declared direct leaf named like an id, an ARN, a name or a bucket ({@code ...Id}, {@code ...Arn},
   * {@code ...Name}, {@code Bucket}).
   */
  public String keyOf(String root) {
    if (keys.containsKey(root)) {
      return keys.get(root);
    }
    String last = root.substring(root.lastIndexOf('.') + 1);
    var candidates = new ArrayList<String>(List.of(last + "Id"));
    if (last.endsWith("s") && last.length() > 1) {
      candidates.add(last.substring(0, last.length() - 1) + "Id");
    }
    for (String c : candidates) {
      if (outputs.stream().anyMatch(o -> o.path().equals(root + "." + c))) {
        return c;
      }
    }
    // Else the root's first direct leaf that names the entry: an id, an ARN, a name or a bucket.
    for (OutputSpec o : outputs) {
      if (o.path().startsWith(root + ".")) {
        String leaf = o.path().substring(root.length() + 1);
        if (!leaf.contains(".") && leaf.matches("\\w*(Id|Arn|ARN|Name)|Bucket")) {
          return leaf;
        }
      }
    }
    return null;
  }

  public Optional<ArgSpec> arg(String argName) {
    return args.stream().filter(a -> a.name().equals(argName)).findFirst();
  }

  /** The command's own arguments, without the common ones (for compact help and docs). */
  public List<ArgSpec> ownArgs() {
    return args.stream().filter(a -> COMMON_ARGS.stream().noneMatch(c -> c.name().equals(a.name()))).toList();
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builder that appends the common arguments, account_id and dry_run as the command's shape needs. */
  public static final class Builder {
    private final String name;
    private String integration = "AWS";
    private String description = "";
    private final List<ArgSpec> args = new ArrayList<>();
    private final List<OutputSpec> outputs = new ArrayList<>();
    private final List<String> permissions = new ArrayList<>();
    private final List<String> changeArgs = new ArrayList<>();
    private boolean mutating;
    private Targeting targeting = Targeting.ACCOUNTS;
    private final Map<String, String> keys = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder integration(String v) { integration = v; return this; }
    public Builder description(String v) { description = v; return this; }
    public Builder arg(ArgSpec a) { args.add(a); return this; }
    public Builder output(String path, String type, String desc) { outputs.add(OutputSpec.of(path, type, desc)); return this; }
    public Builder permissions(String... p) { permissions.addAll(List.of(p)); return this; }
    public Builder mutating() { mutating = true; return this; }
    /** A mutating command whose change is given by these arguments, at least one of them. */
    public Builder changes(String... argNames) { mutating = true; changeArgs.addAll(List.of(argNames)); return this; }
    public Builder targeting(Targeting t) { targeting = t; return this; }
    /** The field XSOAR merges entries of the context root {@code root} on (see {@link CommandSpec#keyOf}). */
    public Builder key(String root, String field) { keys.put(root, field); return this; }

    public CommandSpec build() {
      var all = new ArrayList<ArgSpec>();
      if (targeting == Targeting.ACCOUNTS) {
        all.add(new ArgSpec(ACCOUNT_ID, new ArgType.Accounts(), false, null,
            "Target account(s): a 12-digit id, a comma list, or all (every ACTIVE account of the organization);"
                + " the role assumed is arn:aws:iam::<account_id>:role/<role name>."));
      }
      all.addAll(args);
      if (mutating) {
        all.add(ArgSpec.bool(DRY_RUN, "Read the current state and show the change without writing it.")
            .withDefault("false"));
      }
      all.addAll(COMMON_ARGS);
      for (String c : changeArgs) {
        if (args.stream().noneMatch(a -> a.name().equals(c))) {
          throw new IllegalStateException(name + ": change argument " + c + " is not declared");
        }
      }
      return new CommandSpec(name, integration, description, all, outputs, permissions, mutating, targeting,
          changeArgs, keys);
    }
  }
}
