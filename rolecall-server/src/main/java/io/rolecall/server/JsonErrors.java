package io.rolecall.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers for requests it refuses itself (a malformed request line, a bad escape, an ambiguous path,
 * headers too large): the API's one-line JSON error with the security headers, never an HTML page. Jetty's reason
 * is not echoed (it may quote the request); the status and a fixed message say what is wrong.
 */
final class JsonErrors extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    Object attribute = request.getAttribute(ERROR_STATUS);
    if (attribute instanceof Integer s) {
      status = s;
    }
    var body = body(status);
    response.setStatus(status);
    headers(response.getHeaders(), body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    var body = body(status);
    headers(fields, body.length);
    return ByteBuffer.wrap(body);
  }

  private static void headers(HttpFields.Mutable h, int length) {
    h.put("Content-Type", io.rolecall.server.Response.JSON);
    Dispatcher.securityHeaders(h);
    h.put("Content-Length", Integer.toString(length));
  }

  private static byte[] body(int status) {
    String message = switch (status) {
      case 400 -> "request: malformed (expected an HTTP/1.1 request line with a path of RFC 3986 characters and"
          + " %XX escapes)";
      case 413 -> "request: too large";
      case 414 -> "request: URI too long";
      case 431 -> "request: headers too large";
      default -> "request: " + HttpStatus.getMessage(status);
    };
    return io.rolecall.server.Response.error(status, message).body();
  }
}
