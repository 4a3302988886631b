package io.rolecall.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rolecall.sandbox.World;
import io.rolecall.sandbox.auth.AuthFailure;
import io.rolecall.sandbox.auth.Authenticator;
import io.rolecall.sandbox.auth.SigV4;
import io.rolecall.sandbox.calls.CallLog;
import io.rolecall.sandbox.fault.FaultKind;
import io.rolecall.sandbox.fault.Faults;
import io.rolecall.sandbox.imds.Imds;
import io.rolecall.sandbox.policy.Authorizer;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.QueryProtocol;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP front: one loopback port for every service and IMDS. Each exchange runs on its own virtual thread, so
 * thousands of concurrent requests sleeping in injected latency cost little. The JDK server handles keep-alive,
 * {@code Expect: 100-continue} and chunked request bodies itself.
 *
 * <p>Pipeline: read the whole body; wait the injected latency; IMDS if unsigned under /latest/; else read the SigV4
 * scope, route by signing name, name the operation, authenticate, apply an armed fault, log the call, handle, then
 * apply an armed after-handling fault (a dropped response, an altered state).
 */
public final class SandboxServer implements AutoCloseable {
  static {
    // The JDK server reads these once, when the first HttpServer of the JVM starts; explicit -D settings win.
    // Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm meeting the client's delayed
    // ACK can add ~40 ms to every response.
    defaultProperty("sun.net.httpserver.nodelay", "true");
    // Past this many idle keep-alive connections the JDK server closes each newly idle one right after its
    // response, without "Connection: close", so the client's next request on it fails (default 200: a burst of
    // concurrent clients would make later keep-alive requests fail with "Unexpected end of file").
    defaultProperty("sun.net.httpserver.maxIdleConnections", "100000");
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) System.setProperty(name, value);
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sandbox-", 0).factory());
  private final World world;
  private final List<Service> services;
  private final Authenticator authenticator;
  private final Authorizer authorizer;
  private final Faults faults;
  private final CallLog calls;
  private final Imds imds;

  /** Thrown inside the pipeline when an injected fault wants the connection dropped. */
  private static final class DropConnection extends RuntimeException {
    DropConnection() {
      super(null, null, false, false);
    }
  }

  public SandboxServer(int port, World world, List<Service> services, Faults faults, CallLog calls, Imds imds)
      throws IOException {
    this.world = world;
    this.services = List.copyOf(services);
    this.authenticator = new Authenticator(world);
    this.authorizer = new Authorizer(world);
    this.faults = faults;
    this.calls = calls;
    this.imds = imds;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 4096);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow(); // interrupts requests still sleeping in injected latency
  }

  private void exchange(HttpExchange ex) {
    String requestId = UUID.randomUUID().toString();
    try {
      Request request = Request.read(ex);
      var latency = faults.latency();
      if (!latency.isZero()) Thread.sleep(latency);
      send(ex, dispatch(request, requestId), requestId);
    } catch (DropConnection | IOException | InterruptedException e) {
      // Closing an exchange before sending headers closes the connection: the client sees no response at all.
    } catch (RuntimeException e) {
      System.err.println("rolecall sandbox: internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI());
      e.printStackTrace();
    } finally {
      ex.close();
    }
  }

  private Reply dispatch(Request request, String requestId) {
    if (Imds.claims(request)) return imds(request);
    Protocol protocol = fallbackProtocol(request);
    try {
      var signature = SigV4.read(request).orElseThrow(() -> new AuthFailure(AuthFailure.Kind.MISSING, "unsigned"));
      var service = route(signature.service(), request);
      protocol = service.protocol();
      String action = service.action(request);
      var caller = authenticator.authenticate(request, signature);
      world.recordKeyUse(caller.accessKeyId(), new World.KeyUse(world.clock().now(), service.signingName(), signature.region()));
      String account = caller.principal().accountId();
      var fault = faults.next(service.name(), action, account);
      calls.record(account, service.name(), action, fault == FaultKind.THROTTLE);
      if (fault == FaultKind.DROP_CONNECTION) throw new DropConnection();
      if (fault != null) throw protocol.injected(fault);
      var reply = service.handle(new Call(request, service, action, caller, world, authorizer, requestId));
      if (faults.afterHandling(service.name(), action, account)) throw new DropConnection();
      return reply;
    } catch (AuthFailure f) {
      return protocol.error(protocol.authFailure(f.kind()), requestId);
    } catch (AwsException e) {
      return protocol.error(e, requestId);
    } catch (DropConnection e) {
      throw e;
    } catch (RuntimeException e) {
      System.err.println("rolecall sandbox: internal error on " + request);
      e.printStackTrace();
      return protocol.error(new AwsException(500, "InternalFailure", "sandbox internal error: " + e), requestId);
    }
  }

  private Service route(String signingName, Request request) {
    for (Service s : services) {
      if (s.signingName().equals(signingName) && s.accepts(request)) return s;
    }
    throw AwsException.badRequest("InvalidAction", "The rolecall sandbox does not emulate the service '" + signingName + "'");
  }

  private Reply imds(Request request) {
    String action = Imds.action(request);
    String account = imds.accountId().orElse("-");
    var fault = faults.next("imds", action, account);
    calls.record(account, "imds", action, fault == FaultKind.THROTTLE);
    if (fault == null) return imds.handle(request);
    return switch (fault) {
      case DROP_CONNECTION -> throw new DropConnection();
      case THROTTLE -> Reply.text(429, "Too Many Requests");
      case SERVER_ERROR -> Reply.text(500, "Internal Server Error");
      case UNAVAILABLE -> Reply.text(503, "Service Unavailable");
    };
  }

  /** Before routing we only know the protocol family from the request's shape. */
  private static Protocol fallbackProtocol(Request request) {
    return request.header("x-amz-target") != null ? new JsonProtocol("", "1.1") : new QueryProtocol(null);
  }

  private static void send(HttpExchange ex, Reply reply, String requestId) throws IOException {
    var headers = ex.getResponseHeaders();
    headers.set("Content-Type", reply.contentType());
    reply.headers().forEach(headers::set);
    headers.set("x-amzn-RequestId", requestId);
    int status = reply.status();
    boolean noBody = reply.body().length == 0 || ex.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
    ex.sendResponseHeaders(status, noBody ? -1 : reply.body().length);
    if (!noBody) {
      try (var out = ex.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }
}
