package io.rolecall.aws;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * One HTTP client per distinct (timeouts, TLS, proxy) setting, shared by every SDK client that uses it.
 * <ul>
 *   <li>{@link Transport#ONE_SHOT} (the CLI): the URLConnection client, which starts fastest of the SDK's clients;
 *       a process that makes two calls pays for nothing else.</li>
 *   <li>{@link Transport#POOLED} (the engine): the Apache client with one pool of {@code connections} sockets per
 *       setting, shared by every job and request, so a fan-out over many accounts reuses warm TLS connections
 *       instead of leaving hundreds in TIME_WAIT (the JDK keeps only 5 idle per host).</li>
 * </ul>
 */
final class HttpClients implements AutoCloseable {
  /** How the process talks HTTP. */
  enum Transport { ONE_SHOT, POOLED }

  private record Key(Timeouts timeouts, boolean insecure, URI proxy, Set<String> nonProxyHosts) {}

  private final Map<Key, SdkHttpClient> clients = new ConcurrentHashMap<>();
  private final Transport transport;
  private final int connections;

  HttpClients() {
    this(Transport.ONE_SHOT, 0);
  }

  HttpClients(Transport transport, int connections) {
    this.transport = transport;
    this.connections = connections;
  }

  SdkHttpClient forSettings(AuthSettings s) {
    return clients.computeIfAbsent(new Key(s.timeouts(), s.insecure(), s.proxy(), s.nonProxyHosts()),
        k -> transport == Transport.POOLED ? pooled(k, connections) : oneShot(k));
  }

  private static SdkHttpClient oneShot(Key key) {
    // The SDK's own environment lookup is off either way: a stray HTTPS_PROXY must not reroute
    // credentials unless asked for (SPEC §1), and --system-proxy is resolved by rolecall's settings.
    var proxy = ProxyConfiguration.builder().useSystemPropertyValues(false).useEnvironmentVariablesValues(false);
    if (key.proxy() != null) {
      URI p = key.proxy();
      proxy.endpoint(endpoint(p)).nonProxyHosts(key.nonProxyHosts());
      String[] user = userInfo(p);
      if (user != null) {
        proxy.username(user[0]);
        if (user.length > 1) {
          proxy.password(user[1]);
        }
      }
    }
    var builder = UrlConnectionHttpClient.builder()
        .socketTimeout(key.timeouts().read())
        .connectionTimeout(key.timeouts().connect())
        .proxyConfiguration(proxy.build());
    return key.insecure() ? builder.buildWithDefaults(trustAll()) : builder.build();
  }

  private static SdkHttpClient pooled(Key key, int connections) {
    var proxy = software.amazon.awssdk.http.apache.ProxyConfiguration.builder().useSystemPropertyValues(false)
        .useEnvironmentVariableValues(false);
    if (key.proxy() != null) {
      URI p = key.proxy();
      proxy.endpoint(endpoint(p)).nonProxyHosts(key.nonProxyHosts());
      String[] user = userInfo(p);
      if (user != null) {
        proxy.username(user[0]);
        if (user.length > 1) {
          proxy.password(user[1]);
        }
      }
    }
    var builder = ApacheHttpClient.builder()
        .socketTimeout(key.timeouts().read())
        .connectionTimeout(key.timeouts().connect())
        // maxConnections bounds the pool as a whole and per host: one endpoint (an emulator, a PrivateLink URL)
        // may take all of it. Waiting for a socket is bounded too, so a stuck pool is an error, not a hang.
        .maxConnections(connections)
        .connectionAcquisitionTimeout(key.timeouts().connect().plus(Duration.ofSeconds(10)))
        .connectionMaxIdleTime(Duration.ofSeconds(50))
        .useIdleConnectionReaper(true)
        .tcpKeepAlive(true)
        .proxyConfiguration(proxy.build());
    return key.insecure() ? builder.buildWithDefaults(trustAll()) : builder.build();
  }

  private static URI endpoint(URI p) {
    return URI.create(p.getScheme() + "://" + p.getHost() + (p.getPort() > 0 ? ":" + p.getPort() : ""));
  }

  private static String[] userInfo(URI p) {
    return p.getUserInfo() == null ? null : p.getUserInfo().split(":", 2);
  }

  private static AttributeMap trustAll() {
    return AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build();
  }

  @Override
  public void close() {
    clients.values().forEach(SdkHttpClient::close);
    clients.clear();
  }
}
