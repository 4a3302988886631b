package io.rolecall.server;

import io.rolecall.RolecallException;
import io.rolecall.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes each request: checks the Host (DNS-rebinding defence), finds the route, checks the bearer token, reads the
 * body (bounded), runs the handler and maps failures to one-line JSON errors. Unauthenticated requests learn nothing
 * beyond "unauthorized". Requests Jetty refuses before they get here (a malformed request line or escape) are
 * answered in the same shape by {@link JsonErrors}.
 */
final class Dispatcher extends Handler.Abstract {
  static final int MAX_BODY = 1 << 20;

  private final List<Route> routes;
  private final BearerToken token;
  private final EngineLog log;
  private final HostCheck hosts;

  Dispatcher(List<Route> routes, BearerToken token, EngineLog log, HostCheck hosts) {
    this.routes = routes;
    this.token = token;
    this.log = log;
    this.hosts = hosts;
  }

  @Override
  public boolean handle(org.eclipse.jetty.server.Request exchange, Response out, Callback callback) {
    long start = System.nanoTime();
    String method = exchange.getMethod();
    String path = exchange.getHttpURI().getPath();
    io.rolecall.server.Response response;
    try {
      if (!hosts.accepts(exchange.getHeaders().get("Host"))) {
        throw new ApiException(421, "host: this engine answers to " + String.join(", ", hosts.names())
            + " (serve --allow-host NAME adds one)");
      }
      response = dispatch(exchange, out, method, path == null ? "/" : path);
    } catch (ApiException e) {
      response = io.rolecall.server.Response.error(e.status(), e.getMessage());
    } catch (StoreException e) {
      response = io.rolecall.server.Response.error(503, "store unavailable: " + e.getMessage());
    } catch (RolecallException e) {
      // Usage (exit code 2) is the caller's to fix; a command that failed as a whole (exit 1) is unprocessable.
      response = io.rolecall.server.Response.error(e.exitCode() == 2 ? 400 : 422, e.getMessage());
    } catch (Exception e) {
      log.info("internal error on " + method + " " + path + ": " + e.getClass().getName() + ": " + e.getMessage());
      response = io.rolecall.server.Response.error(500, "internal error: " + e.getClass().getSimpleName()
          + " (see the engine's log)");
    }
    send(out, response, callback);
    // Path only: a query string could carry anything a client put there.
    log.info(method + " " + path + " " + response.status() + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return true;
  }

  private io.rolecall.server.Response dispatch(org.eclipse.jetty.server.Request exchange, Response out, String method,
      String path) throws Exception {
    boolean pathKnown = false;
    for (Route r : routes) {
      Map<String, String> params = r.match(path);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (!r.method().equals(method)) {
        continue;
      }
      BearerToken.Caller caller = r.open() ? null : token.identify(exchange.getHeaders().get("Authorization"));
      if (!r.open() && caller == null) {
        out.getHeaders().put("WWW-Authenticate", "Bearer");
        return io.rolecall.server.Response.error(401, "unauthorized");
      }
      var request = new Request(method, path, params, Request.parseQuery(exchange.getHttpURI().getQuery()),
          body(Content.Source.asInputStream(exchange)), caller == null ? null : caller.name());
      return r.handler().handle(request);
    }
    return pathKnown ? io.rolecall.server.Response.error(405, "method " + method + " not allowed on " + path)
        : io.rolecall.server.Response.error(404, "not found: " + path);
  }

  private static byte[] body(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new ApiException(413, "body: larger than " + MAX_BODY + " bytes");
    }
    return bytes;
  }

  /** The headers every answer carries, error pages included. */
  static void securityHeaders(HttpFields.Mutable h) {
    h.put("Cache-Control", "no-store");
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    // The dashboard loads only its own script and style and talks only to this engine; no framing.
    h.put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
        + " img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }

  private static void send(Response out, io.rolecall.server.Response response, Callback callback) {
    var h = out.getHeaders();
    h.put("Content-Type", response.contentType());
    securityHeaders(h);
    out.setStatus(response.status());
    byte[] body = response.body();
    h.put("Content-Length", Long.toString(body.length));
    out.write(true, ByteBuffer.wrap(body), callback);
  }
}
