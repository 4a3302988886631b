package io.rolecall.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The common command line, {@code rolecall [flags] <integration-command> [name=value ...] [flags]}, read without
 * picocli: a short command spent about a fifth of its time building picocli's model of the whole command tree
 * (annotation proxies are generated at run time and the AOT cache cannot hold them). Only lines whose meaning is
 * plain are read here; for anything else — a built-in subcommand, help, an unknown or repeated option, a value that
 * looks like an option, an {@code @file}, {@code --} — {@link #read} answers null and picocli reads the line, so
 * every error message and every unusual form stays picocli's. QuickLineTest checks that both read the same lines
 * the same way.
 */
final class QuickLine {
  /** The built-in subcommands' names (RolecallCommand's subcommands; QuickLineTest holds them equal). */
  static final Set<String> BUILT_INS = Set.of("help", "completion", "test", "demo", "audit", "policy", "inventory",
      "access", "sandbox", "serve");

  final GlobalOptions global;
  final List<String> words;

  private QuickLine(GlobalOptions global, List<String> words) {
    this.global = global;
    this.words = words;
  }

  /** The line read, or null when picocli must read it. */
  static QuickLine read(String[] args) {
    var global = new GlobalOptions();
    var words = new ArrayList<String>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (BUILT_INS.contains(arg) || arg.startsWith("@")) {
        return null;
      }
      if (!arg.startsWith("-")) {
        words.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      // -o=json and -ojson are picocli's to read; so is a second --output spelled -o.
      if (!name.startsWith("--") && !(name.equals("-o") && eq < 0)) {
        return null;
      }
      if (!seen.add(name.equals("-o") ? "--output" : name)) {
        return null;
      }
      if (GlobalOptions.FLAGS.contains(name)) {
        if (eq >= 0) {
          return null;
        }
        global.flag(name);
        continue;
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null;
      }
      if (value.startsWith("-") || value.startsWith("@") || BUILT_INS.contains(value) || !global.option(name, value)) {
        return null;
      }
    }
    return words.isEmpty() ? null : new QuickLine(global, words);
  }
}
