package io.rolecall.server;

import io.rolecall.Shown;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The engine's bearer token: from ROLECALL_ENGINE_TOKEN, else the token file (created on first start with 32 random
 * bytes, owner-only). Registered with the redactor so it is masked wherever it might be printed or logged.
 */
public final class BearerToken {
  public static final String VARIABLE = "ROLECALL_ENGINE_TOKEN";
  static final int MIN_LENGTH = 16;

  /** Who a request's token names: {@code name} null for the engine's own token. */
  record Caller(String name) {}

  private final byte[] digest;
  private final String source;
  private final List<NamedTokens.Named> named;

  private BearerToken(String token, String source) {
    Redactor.global().register(token);
    this.digest = sha256(token);
    this.source = source;
    this.named = List.of();
  }

  private BearerToken(byte[] digest, String source, List<NamedTokens.Named> named) {
    this.digest = digest;
    this.source = source;
    this.named = List.copyOf(named);
  }

  /** This token and, besides it, the named tokens of a tokens file ({@link NamedTokens#read}). */
  public BearerToken withNamed(Path tokensFile) {
    var all = new ArrayList<>(named);
    for (NamedTokens.Named n : NamedTokens.read(tokensFile)) {
      if (all.stream().anyMatch(o -> o.name().equals(n.name()))) {
        throw new UsageException("tokens file " + tokensFile + ": the name " + Shown.quoted(n.name())
            + " is given twice");
      }
      all.add(n);
    }
    return new BearerToken(digest, source + " + " + all.size() + " named from " + tokensFile, all);
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
  static void refuseIfShared(Path file, String where) throws IOException {
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
    for (NamedTokens.Named n : named) {
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

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
