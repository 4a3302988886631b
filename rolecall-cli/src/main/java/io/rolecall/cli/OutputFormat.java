package io.rolecall.cli;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.Locale;

/** How results are printed (SPEC §2): a table for people, raw JSON, or the XSOAR context. */
enum OutputFormat {
  TABLE, JSON, CONTEXT;

  static OutputFormat parse(String text) {
    if (text == null) {
      return TABLE;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "table" -> TABLE;
      case "json" -> JSON;
      case "context" -> CONTEXT;
      default -> throw new UsageException("--output: expected table, json or context, got " + Shown.quoted(text));
    };
  }
}
