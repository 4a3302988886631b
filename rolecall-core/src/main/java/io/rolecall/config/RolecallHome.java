package io.rolecall.config;

import java.nio.file.Path;

/**
 * Where rolecall keeps its state (the config file, the default store, the engine's token): {@code $ROLECALL_HOME}
 * if set, else {@code $HOME/.rolecall}, else the JVM's {@code user.home}/.rolecall. {@code $HOME} decides, as it
 * decides where the AWS SDK and CLI find {@code ~/.aws}: under {@code sudo -E}, in containers and in CI, state and
 * credentials come from the same home.
 */
public final class RolecallHome {
  public static final String VARIABLE = "ROLECALL_HOME";

  private RolecallHome() {}

  /** rolecall's directory. */
  public static Path dir(Env env) {
    String own = env.get(VARIABLE);
    if (own != null && !own.isBlank()) {
      return Path.of(own).toAbsolutePath();
    }
    return home(env).resolve(".rolecall");
  }

  /** The user's home: {@code $HOME}, else {@code user.home}. */
  public static Path home(Env env) {
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")).toAbsolutePath();
  }

  /** A path as a user wrote it: a leading {@code ~} (alone or before a separator) is {@link #home}. */
  public static String expand(String path, Env env) {
    if (path == null || !path.startsWith("~")) {
      return path;
    }
    if (path.equals("~")) {
      return home(env).toString();
    }
    if (path.startsWith("~/")) {
      return home(env).resolve(path.substring(2)).toString();
    }
    return path; // ~user: another user's home, which rolecall does not guess
  }
}
