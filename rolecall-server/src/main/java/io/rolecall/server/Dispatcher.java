package io.rolecall.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.rolecall.RolecallException;
import io.rolecall.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Routes each exchange: finds the route, checks the bearer token, reads the body (bounded), runs the handler and
 * maps failures to one-line JSON errors. Unauthenticated requests learn nothing beyond "unauthorized".
 */
final class Dispatcher implements HttpHandler {
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
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Response response;
    try {
      if (!hosts.accepts(exchange.getRequestHeaders().getFirst("Host"))) {
        throw new ApiException(421, "host: this engine answers to " + String.join(", ", hosts.names())
            + " (serve --allow-host NAME adds one)");
      }
      response = dispatch(exchange, method, path);
    } catch (ApiException e) {
      response = Response.error(e.status(), e.getMessage());
    } catch (StoreException e) {
      response = Response.error(503, "store unavailable: " + e.getMessage());
    } catch (RolecallException e) {
      // Usage (exit code 2) is the caller's to fix; a command that failed as a whole (exit 1) is unprocessable.
      response = Response.error(e.exitCode() == 2 ? 400 : 422, e.getMessage());
    } catch (Exception e) {
      log.info("internal error on " + method + " " + path + ": " + e.getClass().getName() + ": " + e.getMessage());
      response = Response.error(500, "internal error: " + e.getClass().getSimpleName() + " (see the engine's log)");
    }
    send(exchange, response);
    // Path only: a query string could carry anything a client put there.
    log.info(method + " " + path + " " + response.status() + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  private Response dispatch(HttpExchange exchange, String method, String path) throws Exception {
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
      if (!r.open() && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        return Response.error(401, "unauthorized");
      }
      var request = new Request(method, path, params, Request.parseQuery(exchange.getRequestURI().getRawQuery()),
          body(exchange.getRequestBody()));
      return r.handler().handle(request);
    }
    return pathKnown ? Response.error(405, "method " + method + " not allowed on " + path)
        : Response.error(404, "not found: " + path);
  }

  private static byte[] body(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new ApiException(413, "body: larger than " + MAX_BODY + " bytes");
    }
    return bytes;
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", response.contentType());
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    // The dashboard loads only its own script and style and talks only to this engine; no framing.
    h.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
        + " img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}
