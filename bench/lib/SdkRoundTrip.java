// The emulator's own round trip, for bench/engine: GetAccountPasswordPolicy from a warm JVM SDK client (the
// role assumed once, credentials cached), THREADS threads for a fixed time, back to back or, given GAP_MS, each
// thread pausing GAP_MS after each call (the engine's paced shape: an idle gap cools caches on both sides alike).
// Run on rolecall.jar's class path:
//   java -cp rolecall-cli/target/rolecall.jar bench/lib/SdkRoundTrip.java ROLE_ARN EXTERNAL_ID SECONDS THREADS [GAP_MS]
// Reads AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. Prints one line: p50, p99, requests/s.
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

void main(String[] args) throws Exception {
  var endpoint = URI.create(System.getenv("AWS_ENDPOINT_URL"));
  var base = StaticCredentialsProvider.create(AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"),
      System.getenv("AWS_SECRET_ACCESS_KEY")));
  // The engine's own HTTP client (pooled Apache, io.rolecall.aws.HttpClients), so only the engine's work differs.
  int threads = Integer.parseInt(args[3]);
  var http = ApacheHttpClient.builder().maxConnections(Math.max(8, threads)).build();
  var sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(base)
      .httpClient(http).build();
  var role = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
      .refreshRequest(r -> r.roleArn(args[0]).externalId(args[1]).roleSessionName("bench")).build();
  var iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL).credentialsProvider(role)
      .httpClient(http).build();
  long seconds = Long.parseLong(args[2]);
  long gapMs = args.length > 4 ? Long.parseLong(args[4]) : 0;
  for (int i = 0; i < 2000; i++) {
    iam.getAccountPasswordPolicy();
  }
  var latencies = Collections.synchronizedList(new ArrayList<Long>());
  long end = System.nanoTime() + seconds * 1_000_000_000L;
  try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
    for (int t = 0; t < threads; t++) {
      pool.submit(() -> {
        var mine = new ArrayList<Long>();
        while (System.nanoTime() < end) {
          long s = System.nanoTime();
          iam.getAccountPasswordPolicy();
          mine.add(System.nanoTime() - s);
          if (gapMs > 0) {
            Thread.sleep(gapMs);
          }
        }
        latencies.addAll(mine);
        return null;
      });
    }
  }
  List<Long> sorted = new ArrayList<>(latencies);
  Collections.sort(sorted);
  System.out.printf("sdk_round_trip threads=%d%s requests=%d p50_ms=%.3f p99_ms=%.3f rps=%.0f%n", threads,
      gapMs > 0 ? " gap_ms=" + gapMs : "", sorted.size(),
      sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.size() / (double) seconds);
}
