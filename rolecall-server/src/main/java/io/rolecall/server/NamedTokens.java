package io.rolecall.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.auth.Redactor;
import io.rolecall.render.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** People's tokens for the engine ({@code serve --tokens-file}): each a name the audit journal records as the actor. */
final class NamedTokens {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

  /** A person's token: their name (recorded as the journal's actor) and the token's SHA-256. */
  record Named(String name, byte[] digest) {}

  private NamedTokens() {}

  /**
   * The named tokens of a file that group and others cannot read (as the token file): YAML, a list (or
   * {@code tokens:} holding one) of {@code name} with {@code token} or {@code sha256} (hex of the token's SHA-256),
   * or JSON lines, one such object a line. Tokens are registered with the redactor; names are 1 to 64 of
   * {@code A-Za-z0-9._@-}, each once.
   */
  static List<Named> read(Path file) {
    String where = "tokens file " + file;
    String text;
    try {
      if (!Files.exists(file)) {
        throw new UsageException(where + ": no such file");
      }
      BearerToken.refuseIfShared(file, where);
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(where + ": cannot read it: " + e.getMessage());
    }
    var entries = new ArrayList<JsonNode>();
    try {
      if (text.strip().startsWith("{")) {
        int line = 0;
        for (String l : text.split("\n")) {
          line++;
          if (!l.isBlank()) {
            try {
              entries.add(Json.mapper().readTree(l));
            } catch (JsonProcessingException e) {
              throw new UsageException(where + ", line " + line + ": expected a JSON object of name and token (or"
                  + " sha256)");
            }
          }
        }
      } else {
        var root = new ObjectMapper(new YAMLFactory())
            .readTree(text);
        if (root != null && root.isObject() && root.has("tokens")) {
          root = root.get("tokens");
        }
        if (root == null || !root.isArray()) {
          throw new UsageException(where + ": expected a YAML list of entries with name and token (or sha256), or"
              + " JSON lines");
        }
        root.forEach(entries::add);
      }
    } catch (IOException e) {
      // The parser's message may quote the file, which holds secrets: say where only.
      throw new UsageException(where + ": not valid YAML (a list of name and token or sha256) or JSON lines");
    }
    var out = new ArrayList<Named>();
    int i = 0;
    for (var e : entries) {
      String at = where + ", entry " + (++i);
      if (e == null || !e.isObject()) {
        throw new UsageException(at + ": expected name and token (or sha256)");
      }
      var fields = new ArrayList<String>();
      e.fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        if (!Set.of("name", "token", "sha256").contains(f)) {
          throw new UsageException(at + ": unknown key " + Shown.quoted(f) + "; expected name, token or"
              + " sha256");
        }
      }
      String name = e.path("name").asText("");
      if (!NAME.matcher(name).matches()) {
        throw new UsageException(at + ": name: expected 1 to 64 of A-Za-z0-9._@- (starting with a letter or digit)");
      }
      boolean hasToken = e.hasNonNull("token");
      boolean hasDigest = e.hasNonNull("sha256");
      if (hasToken == hasDigest) {
        throw new UsageException(at + " (" + name + "): give token or sha256, one of them");
      }
      byte[] d;
      if (hasToken) {
        String token = e.get("token").asText().strip();
        Redactor.global().register(token);
        if (token.length() < BearerToken.MIN_LENGTH) {
          throw new UsageException(at + " (" + name + "): token: expected at least " + BearerToken.MIN_LENGTH + " characters");
        }
        d = BearerToken.sha256(token);
      } else {
        String hex = e.get("sha256").asText().strip();
        if (!HEX.matcher(hex).matches()) {
          throw new UsageException(at + " (" + name + "): sha256: expected 64 hex digits (sha256sum of the token)");
        }
        d = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
      }
      if (out.stream().anyMatch(o -> o.name().equals(name))) {
        throw new UsageException(at + ": the name " + Shown.quoted(name) + " is given twice");
      }
      out.add(new Named(name, d));
    }
    if (out.isEmpty()) {
      throw new UsageException(where + ": holds no token");
    }
    return out;
  }
}
