package io.rolecall.sandbox.calls;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Counts every request that reached a handler (authenticated and routed), per (account, service, action), whether
 * it then succeeded, failed, or was hit by an injected fault; throttled ones are also counted apart. Requests that
 * failed authentication are not counted. Memory is bounded by the number of distinct keys, so benchmarks can run
 * for long. Thread-safe.
 */
public final class CallLog {

  /** {@code account} is the caller's account (for IMDS: the instance's, or "-" without a role). */
  public record Key(String account, String service, String action) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
      return account + "/" + service + ":" + action;
    }
  }

  private final Map<Key, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<Key, LongAdder> throttled = new ConcurrentHashMap<>();

  /** For the server. */
  public void record(String account, String service, String action, boolean wasThrottled) {
    var key = new Key(account, service, action);
    calls.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (wasThrottled) throttled.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  public long count(String service, String action) {
    return sum(calls, k -> k.service().equals(service) && k.action().equals(action));
  }

  public long count(String account, String service, String action) {
    return sum(calls, k -> k.account().equals(account) && k.service().equals(service) && k.action().equals(action));
  }

  /** Every call to a service, all actions and accounts. */
  public long count(String service) {
    return sum(calls, k -> k.service().equals(service));
  }

  public long total() {
    return sum(calls, k -> true);
  }

  public long throttled(String service, String action) {
    return sum(throttled, k -> k.service().equals(service) && k.action().equals(action));
  }

  public long throttledTotal() {
    return sum(throttled, k -> true);
  }

  /** All counts, sorted by key; handy in assertion messages. */
  public Map<Key, Long> snapshot() {
    var out = new TreeMap<Key, Long>();
    calls.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void reset() {
    calls.clear();
    throttled.clear();
  }

  private static long sum(Map<Key, LongAdder> map, Predicate<Key> filter) {
    return map.entrySet().stream().filter(e -> filter.test(e.getKey())).mapToLong(e -> e.getValue().sum()).sum();
  }

  @Override
  public String toString() {
    return "CallLog" + snapshot();
  }
}
