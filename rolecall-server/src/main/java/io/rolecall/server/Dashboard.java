package io.rolecall.server;

import java.io.IOException;
import java.io.InputStream;

/**
 * The web dashboard's static files, served from the jar. No inline script (a strict Content-Security-Policy
 * forbids it); the page calls the API with the token the user gives it.
 */
final class Dashboard {
  private Dashboard() {}

  static Route.Handler file(String name, String contentType) {
    return r -> {
      try (InputStream in = Dashboard.class.getResourceAsStream("dashboard/" + name)) {
        if (in == null) {
          throw new ApiException(404, "not found");
        }
        return new Response(200, contentType, in.readAllBytes());
      } catch (IOException e) {
        throw new ApiException(500, "dashboard: cannot read " + name);
      }
    };
  }
}
