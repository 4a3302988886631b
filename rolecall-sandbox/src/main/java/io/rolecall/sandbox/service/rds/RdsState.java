package io.rolecall.sandbox.service.rds;

import io.rolecall.sandbox.Account;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One account's RDS per region: DB instances, DB snapshots and DB cluster snapshots. Thread-safe. */
public final class RdsState {
  private final Account account;
  private final Map<String, Map<String, DbInstance>> instances = new ConcurrentHashMap<>();
  private final Map<String, Map<String, DbSnapshot>> snapshots = new ConcurrentHashMap<>();

  public RdsState(Account account) {
    this.account = account;
  }

  public static RdsState of(Account account) {
    return account.state(RdsState.class, () -> new RdsState(account));
  }

  public DbInstance createInstance(String region, String identifier, boolean publiclyAccessible) {
    var db = DbInstance.of(identifier.toLowerCase(java.util.Locale.ROOT), account.id(), region, publiclyAccessible);
    put(db);
    return db;
  }

  /** A manual snapshot of a DB instance (cluster false) or of a DB cluster, shared with {@code restore}. */
  public DbSnapshot createSnapshot(String region, String identifier, String source, boolean cluster,
                                   List<String> restore) {
    var s = new DbSnapshot(identifier.toLowerCase(java.util.Locale.ROOT), source, cluster, account.id(), region,
        account.world().clock().now(), restore);
    put(s);
    return s;
  }

  public List<DbInstance> instances(String region) {
    return List.copyOf(instanceMap(region).values());
  }

  public Optional<DbInstance> instance(String region, String identifier) {
    return Optional.ofNullable(instanceMap(region).get(identifier.toLowerCase(java.util.Locale.ROOT)));
  }

  public List<DbSnapshot> snapshots(String region, boolean cluster) {
    return snapshotMap(region).values().stream().filter(s -> s.cluster() == cluster).toList();
  }

  public Optional<DbSnapshot> snapshot(String region, String identifier, boolean cluster) {
    return Optional.ofNullable(snapshotMap(region).get(key(identifier.toLowerCase(java.util.Locale.ROOT), cluster)));
  }

  void put(DbInstance db) {
    instanceMap(db.region()).put(db.identifier(), db);
  }

  void put(DbSnapshot s) {
    snapshotMap(s.region()).put(key(s.identifier(), s.cluster()), s);
  }

  private static String key(String identifier, boolean cluster) {
    return (cluster ? "c:" : "i:") + identifier;
  }

  private Map<String, DbInstance> instanceMap(String region) {
    return instances.computeIfAbsent(region, r -> new ConcurrentSkipListMap<>());
  }

  private Map<String, DbSnapshot> snapshotMap(String region) {
    return snapshots.computeIfAbsent(region, r -> new ConcurrentSkipListMap<>());
  }
}
