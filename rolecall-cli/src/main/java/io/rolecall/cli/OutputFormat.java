package io.rolecall.cli;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.Locale;

/** How results are printed (SPEC §2): a table for people, raw JSON, the XSOAR context, or the war room's markdown. */
enum OutputFormat {
  TABLE, JSON, CONTEXT, MARKDOWN;

  static OutputFormat parse(String text) {
    if (text == null) {
      return TABLE;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "table" -> TABLE;
      case "json" -> JSON;
      case "context" -> CONTEXT;
      case "markdown", "md" -> MARKDOWN;
      default -> throw new UsageException("--output: expected table, json, context or markdown, got "
          + Shown.quoted(text));
    };
  }
}
