package io.rolecall.render;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.OutputSpec;
import java.util.List;

/** Help text and Markdown reference for a command, both read off its {@link CommandSpec}. */
public final class CommandDocs {
  private CommandDocs() {}

  /** What `rolecall help COMMAND` prints. */
  public static String text(CommandSpec spec) {
    var out = new StringBuilder();
    out.append(spec.name()).append("  (").append(spec.integration()).append(")\n");
    out.append(wrap(spec.description(), 2)).append("\n\n");
    out.append("Usage: rolecall [flags] ").append(spec.name());
    for (ArgSpec a : spec.ownArgs()) {
      out.append(a.required() ? " " + a.name() + "=..." : " [" + a.name() + "=...]");
    }
    out.append("\n\nArguments:\n");
    for (ArgSpec a : spec.ownArgs()) {
      out.append("  ").append(a.name()).append(a.required() ? " (required)" : "").append('\n');
      out.append(wrap(a.description(), 6)).append('\n');
      out.append("      accepts ").append(a.type().form());
      if (a.defaultValue() != null) {
        out.append("; default ").append(a.defaultValue());
      }
      out.append('\n');
    }
    if (!spec.changeArgs().isEmpty()) {
      out.append("\nGive at least one of: ").append(String.join(", ", spec.changeArgs())).append('\n');
    }
    out.append("\nEvery command also accepts: ");
    out.append(String.join(", ", CommandSpec.COMMON_ARGS.stream().map(ArgSpec::name).toList()));
    out.append("\n\nContext outputs:\n");
    if (spec.outputs().isEmpty()) {
      out.append("  (none)\n");
    }
    int width = spec.outputs().stream().mapToInt(o -> o.path().length()).max().orElse(0);
    for (OutputSpec o : spec.outputs()) {
      out.append("  ").append(o.path()).append(" ".repeat(width - o.path().length() + 2))
          .append(String.format("%-8s", o.type())).append(o.description()).append('\n');
    }
    out.append("\nRequired IAM permissions (target role):\n");
    for (String p : spec.permissions()) {
      out.append("  ").append(p).append('\n');
    }
    return out.toString();
  }

  /** A Markdown section in the style of the XSOAR integration docs, for docs/commands.md. */
  public static String markdown(CommandSpec spec) {
    var out = new StringBuilder();
    out.append("### ").append(spec.name()).append("\n\n");
    out.append(spec.description()).append("\n\n");
    out.append("#### Input\n\n");
    out.append("| **Argument Name** | **Description** | **Required** |\n| --- | --- | --- |\n");
    for (ArgSpec a : spec.ownArgs()) {
      out.append("| ").append(a.name()).append(" | ").append(cell(a.description())).append(" Accepts ")
          .append(cell(a.type().form())).append('.');
      if (a.defaultValue() != null) {
        out.append(" Default: ").append(a.defaultValue()).append('.');
      }
      out.append(" | ").append(a.required() ? "Required" : "Optional").append(" |\n");
    }
    if (!spec.changeArgs().isEmpty()) {
      out.append("\nGive at least one of: ").append(String.join(", ", spec.changeArgs().stream()
          .map(a -> "`" + a + "`").toList())).append(".\n");
    }
    out.append("\n#### Context Output\n\n");
    if (spec.outputs().isEmpty()) {
      out.append("There is no context output for this command.\n");
    } else {
      out.append("| **Path** | **Type** | **Description** |\n| --- | --- | --- |\n");
      for (OutputSpec o : spec.outputs()) {
        out.append("| ").append(o.path()).append(" | ").append(o.type()).append(" | ").append(cell(o.description()))
            .append(" |\n");
      }
    }
    out.append("\n#### Required Permissions\n\n");
    for (String p : spec.permissions()) {
      out.append("- `").append(p).append("`\n");
    }
    return out.append('\n').toString();
  }

  /** The whole command reference (docs/commands.md): every command of every integration, in registry order. */
  public static String reference(List<CommandSpec> specs) {
    var out = new StringBuilder("# rolecall commands\n\n");
    out.append("Generated from the command specs by `bin/rolecall help --markdown`; do not edit by hand.\n")
        .append("Every command also accepts ")
        .append(String.join(", ", CommandSpec.COMMON_ARGS.stream().map(a -> "`" + a.name() + "`").toList()))
        .append(" (SPEC §2), and `account_id` names one account, a comma list, or `all`.\n\n");
    String integration = null;
    for (CommandSpec spec : specs) {
      if (!spec.integration().equals(integration)) {
        integration = spec.integration();
        out.append("## ").append(integration).append(" integration\n\n");
      }
      out.append(markdown(spec));
    }
    return out.toString();
  }

  /** Table cell text: pipes escaped, and angle brackets too, which Markdown would take for HTML tags. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
  }

  static String wrap(String text, int indent) {
    var out = new StringBuilder();
    var line = new StringBuilder(" ".repeat(indent));
    for (String word : List.of(text.split("\\s+"))) {
      if (line.length() + word.length() + 1 > 100 && line.length() > indent) {
        out.append(line.toString().stripTrailing()).append('\n');
        line = new StringBuilder(" ".repeat(indent));
      }
      line.append(word).append(' ');
    }
    return out.append(line.toString().stripTrailing()).toString();
  }
}
