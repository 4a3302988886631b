package io.rolecall.cli;

import io.rolecall.command.CommandSpec;
import io.rolecall.commands.Commands;
import io.rolecall.render.CommandDocs;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rolecall help [COMMAND]}: the command list, or one command's arguments, outputs and permissions. */
@Command(name = "help", description = "List the commands, or show one command's arguments, outputs and IAM permissions.")
final class HelpCommand implements Callable<Integer> {
  @ParentCommand
  RolecallCommand root;

  @Parameters(arity = "0..*", paramLabel = "COMMAND",
      description = "An integration command, or a built-in and its subcommand (help inventory sync).")
  List<String> words = new ArrayList<>();

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--markdown", description = "Print the whole command reference as Markdown (docs/commands.md).")
  boolean markdown;

  @Override
  public Integer call() {
    var registry = Commands.registry();
    var out = root.cli.out();
    var builtIns = spec.parent().commandLine().getSubcommands();
    if (!words.isEmpty() && builtIns.containsKey(words.getFirst()) && !markdown) {
      CommandLine target = builtIns.get(words.getFirst());
      for (String w : words.subList(1, words.size())) {
        target = target.getSubcommands().get(w);
        if (target == null) {
          throw new UsageException("help: " + String.join(" ", words.subList(0, words.indexOf(w))) + " has no"
              + " subcommand " + Shown.quoted(w));
        }
      }
      out.print(target.getUsageMessage());
      return 0;
    }
    if (words.size() > 1) {
      throw new UsageException("help: expected one command, got " + words.size() + " words");
    }
    String command = words.isEmpty() ? null : words.getFirst();
    if (markdown) {
      out.print(command == null ? CommandDocs.reference(registry.specs())
          : CommandDocs.markdown(registry.require(command).spec()));
      return 0;
    }
    if (command != null) {
      out.print(CommandDocs.text(registry.require(command).spec()));
      return 0;
    }
    out.println("Usage: rolecall [flags] <command> [name=value ...]\n");
    String integration = null;
    int width = registry.specs().stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (CommandSpec spec : registry.specs()) {
      if (!spec.integration().equals(integration)) {
        integration = spec.integration();
        out.println(integration + " integration:");
      }
      String first = spec.description().split("(?<=\\.) ", 2)[0];
      out.println("  " + spec.name() + " ".repeat(width - spec.name().length() + 2) + first);
    }
    out.println();
    out.println("Built-in:");
    builtIns.forEach((name, cl) -> {
      if (!name.equals("help")) {
        String[] desc = cl.getCommandSpec().usageMessage().description();
        out.println("  " + name + " ".repeat(Math.max(2, width - name.length() + 2)) + (desc.length > 0 ? desc[0] : ""));
      }
    });
    out.println();
    out.println("'rolecall help COMMAND' shows a command's arguments, context outputs and required IAM permissions;");
    out.println("'rolecall help BUILT-IN' (or 'rolecall BUILT-IN --help') shows a built-in's options;");
    out.println("'rolecall --help' lists the flags.");
    return 0;
  }
}
