package io.rolecall.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One endpoint: method, path pattern ({@code /v1/commands/{name}}), whether it needs the token, and the words the
 * OpenAPI document says about it. The route table is the single source for dispatch and for the document.
 *
 * @param api false for the dashboard's static files, which are not part of the API document
 */
record Route(String method, String pattern, boolean open, boolean api, String summary, String bodySchema,
             List<String> queryParams, Handler handler) {

  @FunctionalInterface
  interface Handler {
    Response handle(Request request) throws Exception;
  }

  private List<String> segments() {
    return List.of(pattern.substring(1).split("/", -1));
  }

  List<String> pathParams() {
    return segments().stream().filter(s -> s.startsWith("{")).map(s -> s.substring(1, s.length() - 1)).toList();
  }

  /** The path parameters when {@code path} matches this pattern, else null. */
  Map<String, String> match(String path) {
    var want = segments();
    String[] got = path.substring(1).split("/", -1);
    if (got.length != want.size()) {
      return null;
    }
    var params = new HashMap<String, String>();
    for (int i = 0; i < got.length; i++) {
      String w = want.get(i);
      if (w.startsWith("{")) {
        if (got[i].isEmpty()) {
          return null;
        }
        String name = w.substring(1, w.length() - 1);
        // Percent-decoded as a path segment: a '+' in a name stays a '+'.
        params.put(name, PercentDecoding.segment(got[i], "path: " + name));
      } else if (!w.equals(got[i])) {
        return null;
      }
    }
    return params;
  }
}
