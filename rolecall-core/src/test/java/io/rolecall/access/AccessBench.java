package io.rolecall.access;

import io.rolecall.render.Json;
import java.lang.management.ManagementFactory;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * bench/access's measurement: builds the graph of a {@link SyntheticEstate} streamed item by item (the time spent
 * in the builder is the build time; generating the items is not counted), then times `access who --account` and
 * `access reach` with their JSON rendering, ten runs each after a warm-up, and the graph's findings once; and reports
 * the heap: the most in use
 * just after any GC (the live set's high-water mark), what is live at the end, and GC time.
 *
 * <p>Arguments (all optional): accounts roles users idcUsers idcGroups permissionSets; defaults 1000 50 20 5000 400 60.
 */
public final class AccessBench {
  private AccessBench() {}

  public static void main(String[] args) {
    int[] n = {1000, 50, 20, 5000, 400, 60};
    for (int i = 0; i < args.length && i < n.length; i++) {
      n[i] = Integer.parseInt(args[i]);
    }
    var estate = new SyntheticEstate(n[0], n[1], n[2], n[3], n[4], n[5]);
    long[] peakLive = {0};
    var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).map(p -> p.getName()).toList();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((javax.management.NotificationEmitter) gc).addNotificationListener((note, handback) -> {
        if (note.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          var info = GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) note.getUserData());
          long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
          synchronized (peakLive) {
            peakLive[0] = Math.max(peakLive[0], used);
          }
        }
      }, null, null);
    }
    var builder = AccessGraph.builder(estate.coverage());
    long[] inBuilder = {0};
    long[] cpuInBuilder = {0};
    long[] items = {0};
    var threads = ManagementFactory.getThreadMXBean();
    estate.write(item -> {
      long t = System.nanoTime();
      long c = threads.getCurrentThreadCpuTime();
      builder.add(item);
      inBuilder[0] += System.nanoTime() - t;
      cpuInBuilder[0] += threads.getCurrentThreadCpuTime() - c;
      items[0]++;
    });
    long t = System.nanoTime();
    long c = threads.getCurrentThreadCpuTime();
    AccessGraph graph = builder.build();
    long build = inBuilder[0] + System.nanoTime() - t;
    long buildCpu = cpuInBuilder[0] + threads.getCurrentThreadCpuTime() - c;
    System.out.printf("estate accounts=%d roles/account=%d users/account=%d idcUsers=%d idcGroups=%d permissionSets=%d"
        + " items=%d nodes=%d edges=%d%n", n[0], n[1], n[2], n[3], n[4], n[5], items[0], graph.nodes().size(),
        graph.nodes().stream().mapToInt(x -> x.out.size()).sum());
    System.out.printf("build_ms=%.0f (add %.0f, build %.0f; cpu of the building thread %.0f) graph_live_mb=%.0f%n",
        build / 1e6, inBuilder[0] / 1e6, (build - inBuilder[0]) / 1e6, buildCpu / 1e6, liveAfterGc() / 1048576.0);

    var accounts = new ArrayList<String>();
    for (int i = 0; i < 11; i++) {
      accounts.add(SyntheticEstate.account((i * 97 + 3) % n[0]));
    }
    var who = time(accounts, a -> Json.write(graph.who(a, Level.READ).json()));
    var people = new ArrayList<String>();
    for (int i = 0; i < 11; i++) {
      people.add("idc:" + SyntheticEstate.userName((i * 463 + 11) % n[3]));
    }
    var reach = time(people, p -> Json.write(graph.reach(AccessInput.principal("--principal", p)).json()));
    var whoAnswer = graph.who(accounts.get(1), Level.READ);
    var reachAnswer = graph.reach(AccessInput.principal("--principal", people.get(1)));
    System.out.printf("who_account_ms median=%.2f max=%.2f runs=%s (principals in one answer: %d)%n", median(who),
        max(who), runs(who), whoAnswer.principals().size());
    System.out.printf("reach_idc_user_ms median=%.2f max=%.2f runs=%s (entries in one answer: %d)%n", median(reach),
        max(reach), runs(reach), reachAnswer.reach().size());
    long f = System.nanoTime();
    int findings = GraphFindings.of(graph, GraphFindings.Thresholds.DEFAULTS).size();
    System.out.printf("findings_ms=%.0f (%d findings)%n", (System.nanoTime() - f) / 1e6, findings);
    System.out.printf("heap_peak_after_gc_mb=%.0f (build and the queries above)%n", peak(peakLive) / 1048576.0);

    // The worst case: one operator who reaches every account's admin role, and through it every role there.
    String operator = "arn:aws:iam::" + estate.management() + ":user/" + SyntheticEstate.OPERATOR;
    var wide = time(Collections.nCopies(11, operator), p -> Json.write(graph.reach(AccessInput.principal("--principal", p))
        .json()));
    var wideAnswer = graph.reach(AccessInput.principal("--principal", operator));
    System.out.printf("reach_org_operator_ms median=%.2f max=%.2f runs=%s (entries: %d, accounts: %d, json_mb=%.1f)%n",
        median(wide), max(wide), runs(wide), wideAnswer.reach().size(),
        wideAnswer.reach().stream().map(Reach::accountId).distinct().count(), Json.write(wideAnswer.json()).length() / 1e6);
    long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime()))
        .sum();
    System.out.printf("heap_peak_after_gc_mb=%.0f (everything) max_heap_mb=%.0f gc_ms=%d%n", peak(peakLive) / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0, gcMillis);
    if (graph.nodes().isEmpty()) {
      throw new IllegalStateException("empty graph");
    }
  }

  private static long liveAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long peak(long[] peakLive) {
    synchronized (peakLive) {
      return peakLive[0];
    }
  }

  /** Milliseconds of each run after the first (the warm-up). */
  private static List<Double> time(List<String> inputs, java.util.function.Consumer<String> query) {
    var out = new ArrayList<Double>();
    for (int i = 0; i < inputs.size(); i++) {
      long t = System.nanoTime();
      query.accept(inputs.get(i));
      if (i > 0) {
        out.add((System.nanoTime() - t) / 1e6);
      }
    }
    return out;
  }

  private static String runs(List<Double> xs) {
    return xs.stream().map(x -> String.format("%.0f", x)).collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  private static double median(List<Double> xs) {
    var s = xs.stream().sorted().toList();
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  private static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
