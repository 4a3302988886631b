package io.rolecall.auth;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.Locale;

/** Which STS endpoint a region uses: its own (regional, the default) or the legacy global one. */
public enum StsEndpoints {
  REGIONAL,
  LEGACY;

  public static StsEndpoints parse(String text, String argumentName) {
    if (text != null) {
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "regional" -> { return REGIONAL; }
        case "legacy" -> { return LEGACY; }
        default -> { }
      }
    }
    throw new UsageException(argumentName + ": expected legacy or regional, got " + Shown.quoted(text));
  }
}
