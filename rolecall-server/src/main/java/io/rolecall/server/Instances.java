package io.rolecall.server;

import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.config.ConfigFile;
import io.rolecall.config.Env;
import io.rolecall.config.InstanceSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances requests may name: those of the config file, resolved once and kept (their ${ENV} secrets are read
 * at start, not per request), and the engine's default (from serve's flags) for requests that name none.
 */
final class Instances {
  private final AuthSettings defaults;
  private final ConfigFile config;
  private final Env env;
  private final Map<String, AuthSettings> resolved = new ConcurrentHashMap<>();

  Instances(AuthSettings defaults, ConfigFile config, Env env) {
    this.defaults = defaults;
    this.config = config;
    this.env = env;
  }

  /** The settings for {@code name}, or the default for null; a UsageException (400) for an unknown name. */
  AuthSettings settings(String name) {
    if (name == null) {
      return defaults;
    }
    if (defaults.instanceName() != null && defaults.instanceName().equals(name)) {
      return defaults;
    }
    if (config == null) {
      throw new UsageException("instance: '" + name + "' given but the engine has no config file (serve --config FILE)");
    }
    return resolved.computeIfAbsent(name, n -> InstanceSettings.resolve(env, config, n));
  }
}
