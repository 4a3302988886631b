package io.rolecall.config;

import io.rolecall.auth.AuthSettings;
import io.rolecall.aws.AwsService;

/**
 * The standard AWS environment variables rolecall honours itself, so they apply the same way to
 * every command and appear in `rolecall test`: AWS_REGION / AWS_DEFAULT_REGION, AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt; (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true). Credentials in
 * the environment are the SDK's default chain's business.
 */
public final class EnvironmentDefaults {
  private EnvironmentDefaults() {}

  /** Fills {@code b} from {@code env}; call it before config and flags, which override it. */
  public static AuthSettings.Builder apply(AuthSettings.Builder b, Env env) {
    String region = firstSet(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    if (region != null) {
      b.region(region);
    }
    if (!"true".equalsIgnoreCase(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) {
      b.endpointUrl(Urls.http(env.get("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL"));
      for (AwsService s : AwsService.values()) {
        var uri = Urls.http(env.get(s.endpointVariable()), s.endpointVariable());
        if (uri != null) {
          b.serviceEndpoint(s.key(), uri);
        }
      }
    }
    return b;
  }

  /**
   * For --system-proxy: the proxy in HTTPS_PROXY (or https_proxy; AWS endpoints are HTTPS) and the
   * hosts in NO_PROXY, applied onto {@code b}. Returns false when no proxy variable is set.
   */
  public static boolean applySystemProxy(AuthSettings.Builder b, Env env) {
    String proxy = firstSet(env.get("HTTPS_PROXY"), env.get("https_proxy"));
    if (proxy == null) {
      return false;
    }
    b.proxy(Urls.http(proxy, "HTTPS_PROXY"));
    String noProxy = firstSet(env.get("NO_PROXY"), env.get("no_proxy"));
    var hosts = new java.util.LinkedHashSet<String>();
    if (noProxy != null) {
      for (String h : noProxy.split(",")) {
        String host = h.trim();
        if (!host.isEmpty()) {
          // NO_PROXY's ".example.com" means the domain and its subdomains; Java's form is "*.example.com".
          hosts.add(host.startsWith(".") ? "*" + host : host);
        }
      }
    }
    b.nonProxyHosts(hosts);
    return true;
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
