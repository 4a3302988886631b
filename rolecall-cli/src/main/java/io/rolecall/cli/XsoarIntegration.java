package io.rolecall.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.ArgType;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.OutputSpec;
import io.rolecall.commands.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The XSOAR integration for the engine, integrations/xsoar/rolecall.yml: a unified integration YAML (the Python
 * script of integrations/xsoar/rolecall.py inside it, so it is one upload) whose command list is generated from the
 * command registry, the same declarations `GET /v1/commands` serves. XsoarIntegrationTest fails when the checked-in
 * file differs from what this produces; regenerate from the repository root with
 * {@code java -cp rolecall-cli/target/rolecall.jar io.rolecall.cli.XsoarIntegration integrations/xsoar}.
 */
public final class XsoarIntegration {
  static final String SCRIPT = "rolecall.py";
  static final String YAML = "rolecall.yml";

  private XsoarIntegration() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "integrations/xsoar");
    Files.writeString(dir.resolve(YAML), yaml(Commands.registry().specs(), Files.readString(dir.resolve(SCRIPT))),
        StandardCharsets.UTF_8);
  }

  /** The unified YAML for these commands and this script. */
  static String yaml(List<CommandSpec> specs, String script) {
    var root = new LinkedHashMap<String, Object>();
    root.put("commonfields", map("id", "rolecall", "version", -1));
    root.put("name", "rolecall");
    root.put("display", "rolecall");
    root.put("category", "IT Services");
    root.put("description", "Runs rolecall's AWS security and IAM Identity Center commands through a rolecall engine"
        + " (rolecall serve), which holds the AWS credentials and the audit journal. Command names, arguments and"
        + " context paths follow the AWS integrations, so their playbooks run unchanged. Generated from rolecall's"
        + " command registry.");
    root.put("configuration", List.of(
        map("display", "Engine URL", "name", "url", "type", 0, "required", true,
            "defaultvalue", "http://127.0.0.1:8642", "additionalinfo", "Where rolecall serve listens."),
        map("display", "Engine token", "displaypassword", "Engine token", "name", "token", "type", 9,
            "hiddenusername", true, "required", true,
            "additionalinfo", "The engine's bearer token (~/.rolecall/engine-token, or ROLECALL_ENGINE_TOKEN)."),
        map("display", "Instance", "name", "instance", "type", 0, "required", false,
            "additionalinfo", "An instance of the engine's config file; empty for the engine's default."),
        map("display", "Trust any certificate (not secure)", "name", "insecure", "type", 8, "required", false,
            "defaultvalue", "false")));
    var commands = new ArrayList<Object>();
    commands.add(map("name", "rolecall-list-commands", "description", "Lists the commands the engine runs, with"
        + " whether each changes anything.", "arguments", List.of(), "outputs", List.of(
        map("contextPath", "Rolecall.Command.name", "description", "The command's name.", "type", "String"),
        map("contextPath", "Rolecall.Command.mutating", "description", "Whether the command changes AWS.",
            "type", "Boolean"))));
    for (CommandSpec s : specs) {
      commands.add(command(s));
    }
    var scriptPart = new LinkedHashMap<String, Object>();
    scriptPart.put("type", "python");
    scriptPart.put("subtype", "python3");
    scriptPart.put("runonce", false);
    scriptPart.put("script", script);
    scriptPart.put("commands", commands);
    root.put("script", scriptPart);
    root.put("fromversion", "6.0.0");
    root.put("tests", List.of("No tests (the integration's unittest runs against an engine in rolecall's build)"));
    try {
      return "# Generated from rolecall's command registry and rolecall.py by io.rolecall.cli.XsoarIntegration; do not"
          + " edit.\n" + mapper().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> command(CommandSpec s) {
    var c = new LinkedHashMap<String, Object>();
    c.put("name", s.name());
    c.put("description", s.description());
    if (s.mutating()) {
      c.put("execution", true);
    }
    var args = new ArrayList<Object>();
    for (ArgSpec a : s.args()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("name", a.name());
      m.put("required", a.required());
      m.put("description", a.description() + " Accepts " + a.type().form() + ".");
      if (a.defaultValue() != null) {
        m.put("defaultValue", a.defaultValue());
      }
      if (a.type() instanceof ArgType.Choice choice) {
        m.put("auto", "PREDEFINED");
        m.put("predefined", choice.values());
      } else if (a.type() instanceof ArgType.Bool) {
        m.put("auto", "PREDEFINED");
        m.put("predefined", List.of("true", "false"));
      }
      args.add(m);
    }
    c.put("arguments", args);
    var outputs = new ArrayList<Object>();
    for (OutputSpec o : s.outputs()) {
      outputs.add(map("contextPath", o.path(), "description", o.description(), "type", type(o.type())));
    }
    c.put("outputs", outputs);
    return c;
  }

  /** XSOAR's output types: String, Number, Boolean, Date, Unknown. */
  private static String type(String declared) {
    String t = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "string", "number", "boolean", "date" -> Character.toUpperCase(t.charAt(0)) + t.substring(1);
      default -> "Unknown";
    };
  }

  private static Map<String, Object> map(Object... kv) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static YAMLMapper mapper() {
    return new YAMLMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .build());
  }
}
