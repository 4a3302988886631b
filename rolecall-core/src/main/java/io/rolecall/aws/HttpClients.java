package io.rolecall.aws;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Timeouts;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * One HTTP client per distinct (timeouts, TLS, proxy) setting, shared by every SDK client that uses
 * it. The URLConnection client starts fastest of the SDK's clients, which matters for a CLI that
 * makes two calls per process; it pools keep-alive connections through the JDK.
 */
final class HttpClients implements AutoCloseable {
  private record Key(Timeouts timeouts, boolean insecure, URI proxy, Set<String> nonProxyHosts) {}

  private final Map<Key, SdkHttpClient> clients = new ConcurrentHashMap<>();

  SdkHttpClient forSettings(AuthSettings s) {
    return clients.computeIfAbsent(new Key(s.timeouts(), s.insecure(), s.proxy(), s.nonProxyHosts()), HttpClients::create);
  }

  private static SdkHttpClient create(Key key) {
    // The SDK's own environment lookup is off either way: a stray HTTPS_PROXY must not reroute
    // credentials unless asked for (SPEC §1), and --system-proxy is resolved by rolecall's settings.
    var proxy = ProxyConfiguration.builder().useSystemPropertyValues(false).useEnvironmentVariablesValues(false);
    if (key.proxy() != null) {
      URI p = key.proxy();
      proxy.endpoint(URI.create(p.getScheme() + "://" + p.getHost() + (p.getPort() > 0 ? ":" + p.getPort() : "")))
          .nonProxyHosts(key.nonProxyHosts());
      if (p.getUserInfo() != null) {
        String[] userInfo = p.getUserInfo().split(":", 2);
        proxy.username(userInfo[0]);
        if (userInfo.length > 1) {
          proxy.password(userInfo[1]);
        }
      }
    }
    var builder = UrlConnectionHttpClient.builder()
        .socketTimeout(key.timeouts().read())
        .connectionTimeout(key.timeouts().connect())
        .proxyConfiguration(proxy.build());
    if (key.insecure()) {
      return builder.buildWithDefaults(
          AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build());
    }
    return builder.build();
  }

  @Override
  public void close() {
    clients.values().forEach(SdkHttpClient::close);
    clients.clear();
  }
}
