// The engine soak's load, for bench/engine-soak: N command requests through the engine, each naming its own
// roleSessionName, so every request is a new assumed-role session (AssumeRole + the call) and the engine rotates
// through N sessions. After each thousand requests it asks the engine's JVM for a full GC (jcmd PID GC.run) and
// reads the heap in use after it (jcmd PID GC.heap_info). Prints one line per thousand: index, p50 and p99 of that
// thousand's latencies, heap after GC; then the first and last thousand compared. JDK only (java.net.http, jcmd):
// A warm-up of WARMUP requests (sessions rotated the same way, not measured) comes first: the JIT's warm-up is not
// growth with uptime.
//   java bench/lib/EngineSoak.java URL TOKEN ACCOUNT REQUESTS THREADS ENGINE_PID WARMUP
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

void main(String[] args) throws Exception {
  URI url = URI.create(args[0] + "/v1/commands/aws-iam-account-password-policy-get");
  String token = args[1];
  String account = args[2];
  int requests = Integer.parseInt(args[3]);
  int threads = Integer.parseInt(args[4]);
  String pid = args[5];
  int warmup = Integer.parseInt(args[6]);
  var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  var next = new AtomicInteger();
  var failures = new AtomicInteger();
  var results = new ArrayList<double[]>();
  String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
  next.set(-warmup);
  for (int block = warmup > 0 ? -1 : 0; block < requests / 1000; block++) {
    var latencies = Collections.synchronizedList(new ArrayList<Double>());
    int end = block < 0 ? 0 : (block + 1) * 1000;
    try (var pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
            String body = "{\"args\": {\"account_id\": \"" + account + "\", \"roleSessionName\": \"soak"
                + (i < 0 ? "w" + -i : "-" + i) + "\"}}";
            var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            try {
              var r = http.send(request, HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 200 || !r.body().contains("\"ok\":true")) {
                failures.incrementAndGet();
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
            latencies.add((System.nanoTime() - start) / 1e6);
          }
          return null;
        });
      }
    }
    next.set(end);
    if (block < 0) {
      System.out.printf("warm-up: %d requests, %d failures%n", warmup, failures.get());
      continue;
    }
    run(jcmd, pid, "GC.run");
    Thread.sleep(300);
    double heap = heapAfterGc(run(jcmd, pid, "GC.heap_info"));
    var sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double p50 = sorted.get(sorted.size() / 2);
    double p99 = sorted.get((int) (sorted.size() * 0.99));
    results.add(new double[] {p50, p99, heap});
    System.out.printf("thousand=%d p50_ms=%.2f p99_ms=%.2f heap_after_gc_mb=%.1f failures=%d%n", block + 1, p50, p99,
        heap, failures.get());
  }
  var first = results.getFirst();
  var last = results.getLast();
  System.out.printf("first_vs_last p50_ms=%.2f->%.2f (%+.1f%%) heap_after_gc_mb=%.1f->%.1f (%+.1f%%) requests=%d"
      + " failures=%d%n", first[0], last[0], 100 * (last[0] - first[0]) / first[0], first[2], last[2],
      100 * (last[2] - first[2]) / first[2], requests, failures.get());
}

static String run(String jcmd, String pid, String command) throws Exception {
  var p = new ProcessBuilder(jcmd, pid, command).redirectErrorStream(true).start();
  String out = new String(p.getInputStream().readAllBytes());
  if (!p.waitFor(60, TimeUnit.SECONDS)) {
    p.destroyForcibly();
    throw new IllegalStateException("jcmd " + command + " did not finish");
  }
  return out;
}

/** "garbage-first heap   total 262144K, used 35210K" (or the serial collector's lines): the used figure, in MB. */
static double heapAfterGc(String info) {
  var m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
  double used = 0;
  while (m.find()) {
    used += Long.parseLong(m.group(1)) / 1024.0;
  }
  return used;
}
