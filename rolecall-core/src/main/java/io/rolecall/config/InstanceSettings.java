package io.rolecall.config;

import io.rolecall.auth.AuthSettings;

/**
 * An instance's settings in layers: the environment, then the config file's instance (when one is named).
 * The CLI puts its flags on top before {@link #finish}; the engine resolves the instance a request names
 * with {@link #resolve}. Both front ends share this so an instance means the same thing in either.
 */
public final class InstanceSettings {
  private InstanceSettings() {}

  /** Environment defaults, then instance {@code name} of {@code config} (null: no instance). */
  public static AuthSettings.Builder layered(Env env, ConfigFile config, String name) {
    var b = EnvironmentDefaults.apply(AuthSettings.builder(), env);
    if (name != null) {
      if (config == null) {
        throw new io.rolecall.UsageException("instance: " + name + " given but no config file found"
            + " (./rolecall.yaml, ~/.rolecall/config.yaml, or --config FILE)");
      }
      config.applyInstance(name, b);
    }
    return b;
  }

  /** Builds the settings; with system proxy on and no proxy given, HTTPS_PROXY / NO_PROXY from {@code env}. */
  public static AuthSettings finish(AuthSettings.Builder b, Env env) {
    AuthSettings s = b.build();
    if (s.systemProxy() && s.proxy() == null) {
      var withProxy = s.toBuilder();
      if (EnvironmentDefaults.applySystemProxy(withProxy, env)) {
        s = withProxy.build();
      }
    }
    return s;
  }

  public static AuthSettings resolve(Env env, ConfigFile config, String name) {
    return finish(layered(env, config, name), env);
  }
}
