package io.rolecall.cli;

import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.auth.StsEndpoints;
import io.rolecall.auth.Timeouts;
import io.rolecall.config.ConfigFile;
import io.rolecall.config.Env;
import io.rolecall.config.InstanceSettings;
import io.rolecall.config.Urls;
import java.nio.file.Path;

/** The instance's settings: environment and config file's instance ({@link InstanceSettings}), then the flags. */
final class SettingsLoader {
  private SettingsLoader() {}

  static AuthSettings load(GlobalOptions o, Env env) {
    if (o.proxy != null && o.systemProxy) {
      throw new UsageException("proxy: give either --proxy or --system-proxy, not both");
    }
    String instance = o.instance != null ? o.instance : env.get("ROLECALL_INSTANCE");
    var b = InstanceSettings.layered(env, config(o, env), instance);
    if (o.region != null) b.region(o.region);
    if (o.accessKey != null) b.accessKey(o.accessKey);
    if (o.secretKey != null) b.secretKey(Secret.of(o.secretKey));
    if (o.sessionToken != null) b.sessionToken(Secret.of(o.sessionToken));
    if (o.profile != null) b.profile(o.profile);
    if (o.roleArn != null) b.roleArn(o.roleArn);
    if (o.roleSessionName != null) b.roleSessionName(o.roleSessionName);
    if (o.roleSessionDuration != null) b.roleSessionDuration(o.roleSessionDuration);
    if (o.roleName != null) b.roleName(o.roleName);
    if (o.externalId != null) b.externalId(o.externalId);
    if (o.stsRegionalEndpoints != null) {
      b.stsEndpoints(StsEndpoints.parse(o.stsRegionalEndpoints, "--sts-regional-endpoints"));
    }
    if (o.endpointUrl != null) b.endpointUrl(Urls.http(o.endpointUrl, "--endpoint-url"));
    if (o.stsEndpointUrl != null) b.stsEndpointUrl(Urls.http(o.stsEndpointUrl, "--sts-endpoint-url"));
    if (o.timeout != null) b.timeouts(Timeouts.parse(o.timeout, "--timeout"));
    if (o.retries != null) b.retries(o.retries);
    if (o.insecure) b.insecure(true);
    if (o.proxy != null) b.proxy(Urls.http(o.proxy, "--proxy")).systemProxy(false);
    if (o.systemProxy) b.proxy(null).systemProxy(true);
    if (o.identityStoreId != null) b.identityStoreId(o.identityStoreId);
    return InstanceSettings.finish(b, env);
  }

  /** The config file, when one is given or found; null otherwise. */
  static ConfigFile config(GlobalOptions o, Env env) {
    Path path = ConfigFile.locate(o.config, env);
    return path == null ? null : ConfigFile.load(path, env);
  }
}
