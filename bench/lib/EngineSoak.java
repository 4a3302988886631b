// The engine soak's load, for bench/engine-soak: N command requests through the engine, each naming its own
// roleSessionName, so every request is a new assumed-role session (AssumeRole + the call) and the engine rotates
// through N sessions. After each thousand requests it takes the engine's class histogram (jcmd PID
// GC.class_histogram, which counts live objects only, after a full GC) and sums it, less the JVM's heap fillers
// (jdk.internal.vm.FillerElement arrays pad unused heap and come and go by megabytes between collections): the live
// heap. Prints one line per thousand: index, p50 and p99 of that thousand's latencies, live heap; then the first and
// last thousand compared. JDK only (java.net.http, jcmd):
// A warm-up of WARMUP requests (sessions rotated the same way, not measured) comes first: the JIT's warm-up is not
// growth with uptime.
// Request i goes to account ACCOUNT + (i mod ACCOUNTS): the engine paces each account's IAM calls (10/s), so
// spread over accounts the soak measures the engine, not that pace.
//   java bench/lib/EngineSoak.java URL TOKEN ACCOUNT REQUESTS THREADS ENGINE_PID WARMUP [ACCOUNTS]
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
  long account = Long.parseLong(args[2]);
  int requests = Integer.parseInt(args[3]);
  int threads = Integer.parseInt(args[4]);
  String pid = args[5];
  int warmup = Integer.parseInt(args[6]);
  int accounts = args.length > 7 ? Integer.parseInt(args[7]) : 1;
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
            String body = "{\"args\": {\"account_id\": \"" + (account + Math.floorMod(i, accounts))
                + "\", \"roleSessionName\": \"soak"
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
    // A full GC ends the warm-up too, so the first measured thousand does not pay for the warm-up's garbage.
    double heap = liveHeap(run(jcmd, pid, "GC.class_histogram"));
    if (block < 0) {
      System.out.printf("warm-up: %d requests, %d failures, live_heap_mb=%.2f%n", warmup, failures.get(), heap);
      continue;
    }
    var sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double p50 = sorted.get(sorted.size() / 2);
    double p99 = sorted.get((int) (sorted.size() * 0.99));
    results.add(new double[] {p50, p99, heap});
    System.out.printf("thousand=%d p50_ms=%.2f p99_ms=%.2f live_heap_mb=%.2f failures=%d%n", block + 1, p50, p99,
        heap, failures.get());
  }
  var first = results.getFirst();
  var last = results.getLast();
  System.out.printf("first_vs_last p50_ms=%.2f->%.2f (%+.1f%%) live_heap_mb=%.2f->%.2f (%+.1f%%) requests=%d"
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

/** The histogram's total bytes less the heap fillers', in MB. */
static double liveHeap(String histogram) {
  long total = 0;
  long fillers = 0;
  for (String line : histogram.split("\n")) {
    String[] f = line.trim().split("\\s+");
    if (f.length >= 3 && f[0].equals("Total")) {
      total = Long.parseLong(f[2]);
    } else if (f.length >= 4 && f[3].startsWith("[Ljdk.internal.vm.FillerElement")) {
      fillers += Long.parseLong(f[2]);
    }
  }
  return (total - fillers) / (1024.0 * 1024.0);
}
