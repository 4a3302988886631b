package io.rolecall.server;

import io.rolecall.UsageException;
import io.rolecall.auth.Redactor;
import io.rolecall.config.Env;
import io.rolecall.config.RolecallHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The engine's bearer token: from ROLECALL_ENGINE_TOKEN, else the token file (created on first start with 32 random
 * bytes, owner-only). Registered with the redactor so it is masked wherever it might be printed or logged.
 */
public final class BearerToken {
  public static final String VARIABLE = "ROLECALL_ENGINE_TOKEN";
  private static final int MIN_LENGTH = 16;

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

  /** A person's token: their name (recorded as the journal's actor) and the token's SHA-256. */
  record Named(String name, byte[] digest) {}

  /** Who a request's token names: {@code name} null for the engine's own token. */
  record Caller(String name) {}

  private final byte[] digest;
  private final String source;
  private final List<Named> named;

  private BearerToken(String token, String source) {
    Redactor.global().register(token);
    this.digest = sha256(token);
    this.source = source;
    this.named = List.of();
  }

  private BearerToken(byte[] digest, String source, List<Named> named) {
    this.digest = digest;
    this.source = source;
    this.named = List.copyOf(named);
  }

  /** This token and, besides it, the named tokens of a tokens file ({@link #readNamed}). */
  public BearerToken withNamed(Path tokensFile) {
    var more = readNamed(tokensFile);
    var all = new java.util.ArrayList<>(named);
    for (Named n : more) {
      if (all.stream().anyMatch(o -> o.name().equals(n.name()))) {
        throw new UsageException("tokens file " + tokensFile + ": the name " + io.rolecall.Shown.quoted(n.name())
            + " is given twice");
      }
      all.add(n);
    }
    return new BearerToken(digest, source + " + " + all.size() + " named from " + tokensFile, all);
  }

  /**
   * The named tokens of a file that group and others cannot read (as the token file): YAML, a list (or
   * {@code tokens:} holding one) of {@code name} with {@code token} or {@code sha256} (hex of the token's SHA-256),
   * or JSON lines, one such object a line. Tokens are registered with the redactor; names are 1 to 64 of
   * {@code A-Za-z0-9._@-}, each once.
   */
  static List<Named> readNamed(Path file) {
    String where = "tokens file " + file;
    String text;
    try {
      if (!Files.exists(file)) {
        throw new UsageException(where + ": no such file");
      }
      refuseIfShared(file, where);
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(where + ": cannot read it: " + e.getMessage());
    }
    var entries = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    try {
      if (text.strip().startsWith("{")) {
        int line = 0;
        for (String l : text.split("\n")) {
          line++;
          if (!l.isBlank()) {
            try {
              entries.add(io.rolecall.render.Json.mapper().readTree(l));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
              throw new UsageException(where + ", line " + line + ": expected a JSON object of name and token (or"
                  + " sha256)");
            }
          }
        }
      } else {
        var root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
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
    var out = new java.util.ArrayList<Named>();
    int i = 0;
    for (var e : entries) {
      String at = where + ", entry " + (++i);
      if (e == null || !e.isObject()) {
        throw new UsageException(at + ": expected name and token (or sha256)");
      }
      var fields = new java.util.ArrayList<String>();
      e.fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        if (!Set.of("name", "token", "sha256").contains(f)) {
          throw new UsageException(at + ": unknown key " + io.rolecall.Shown.quoted(f) + "; expected name, token or"
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
        if (token.length() < MIN_LENGTH) {
          throw new UsageException(at + " (" + name + "): token: expected at least " + MIN_LENGTH + " characters");
        }
        d = sha256(token);
      } else {
        String hex = e.get("sha256").asText().strip();
        if (!HEX.matcher(hex).matches()) {
          throw new UsageException(at + " (" + name + "): sha256: expected 64 hex digits (sha256sum of the token)");
        }
        d = java.util.HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
      }
      if (out.stream().anyMatch(o -> o.name().equals(name))) {
        throw new UsageException(at + ": the name " + io.rolecall.Shown.quoted(name) + " is given twice");
      }
      out.add(new Named(name, d));
    }
    if (out.isEmpty()) {
      throw new UsageException(where + ": holds no token");
    }
    return out;
  }

  /** ~/.rolecall/engine-token, ~ being where $ROLECALL_HOME or $HOME says (see {@link RolecallHome}). */
  public static Path defaultFile(Env env) {
    return RolecallHome.dir(env).resolve("engine-token");
  }

  /** The token for this engine, or a UsageException naming what to fix. */
  public static BearerToken load(Env env, Path file) {
    String fromEnv = env.get(VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      if (fromEnv.strip().length() < MIN_LENGTH) {
        throw new UsageException(VARIABLE + ": expected at least " + MIN_LENGTH + " characters");
      }
      return new BearerToken(fromEnv.strip(), "$" + VARIABLE);
    }
    return fromFile(file);
  }

  public static BearerToken of(String token) {
    return new BearerToken(token, "given");
  }

  private static BearerToken fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      refuseIfShared(file, "engine token: " + file);
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (token.length() < MIN_LENGTH) {
        throw new UsageException("engine token: " + file + " holds fewer than " + MIN_LENGTH + " characters");
      }
      return new BearerToken(token, file.toString());
    } catch (IOException e) {
      throw new UsageException("engine token: cannot read or create " + file + ": " + e.getMessage());
    }
  }

  private static void create(Path file) throws IOException {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      // Created 0600 in one step: there is no moment when another user could open it.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException raced) {
      return; // another engine created it first; use theirs
    }
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
  }

  /** Like ssh with a private key: a token other local users can read is no secret, so refuse it. */
  private static void refuseIfShared(Path file, String where) throws IOException {
    Set<PosixFilePermission> p;
    try {
      p = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return;
    }
    if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
      throw new UsageException(where + " is readable by other users; chmod 600 it");
    }
  }

  /** Whether an Authorization header carries this token. Constant time: the digests are compared, not the text. */
  boolean accepts(String authorization) {
    return identify(authorization) != null;
  }

  /**
   * Who an Authorization header's token is: the engine's token (name null), a named one, or null for none of them.
   * Every digest is compared, in constant time, whichever matches.
   */
  Caller identify(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    byte[] given = sha256(authorization.substring(7).strip());
    Caller found = MessageDigest.isEqual(digest, given) ? new Caller(null) : null;
    for (Named n : named) {
      if (MessageDigest.isEqual(n.digest(), given) && found == null) {
        found = new Caller(n.name());
      }
    }
    return found;
  }

  /** Where the token came from, for the start-up line (never the token). */
  public String source() {
    return source;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
