package io.rolecall.sandbox.service.rds;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.QueryParams;
import io.rolecall.sandbox.protocol.QueryProtocol;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.CallRegion;
import io.rolecall.sandbox.service.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * RDS over the query protocol: DescribeDBInstances, ModifyDBInstance, DescribeDBSnapshots,
 * DescribeDBClusterSnapshots (MaxRecords 20 to 100, default 100, Marker), Describe/ModifyDBSnapshotAttribute(s) and
 * Describe/ModifyDBClusterSnapshotAttribute(s) (the "restore" attribute: account ids or "all", at most 20 accounts).
 * ModifyDBInstance applies PubliclyAccessible and the flags at once, as RDS does; MultiAZ and BackupRetentionPeriod
 * wait in PendingModifiedValues unless ApplyImmediately is true.
 */
public final class RdsService implements Service {
  public static final QueryProtocol PROTOCOL = new QueryProtocol("http://rds.amazonaws.com/doc/2014-10-31/");
  /** RDS identifiers: a letter, then letters, digits and single hyphens, not ending in a hyphen. */
  public static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}(?<!-)");
  public static final Pattern SNAPSHOT_ID = Pattern.compile("[A-Za-z](?!.*--)[A-Za-z0-9-]{0,254}(?<!-)");

  private final Paginator pages = new Paginator(() -> AwsException.badRequest("InvalidParameterValue",
      "The marker is not valid."));

  @Override public String signingName() { return "rds"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    String region = CallRegion.of(call);
    var rds = RdsState.of(call.account());
    var p = call.params();
    String action = call.action();
    return switch (action) {
      case "DescribeDBInstances" -> {
        call.authorize("rds:DescribeDBInstances", "*");
        var all = p.has("DBInstanceIdentifier")
            ? List.of(instance(rds, region, p.get("DBInstanceIdentifier"))) : rds.instances(region);
        var page = pages.page(action + ":" + call.account().id() + ":" + region, all, DbInstance::identifier,
            p.get("Marker"), maxRecords(p));
        yield PROTOCOL.ok(action, call.requestId(), x -> x.list("DBInstances", "DBInstance", page.items(),
            RdsService::instance).el("Marker", page.nextToken()));
      }
      case "ModifyDBInstance" -> {
        var db = instance(rds, region, p.require("DBInstanceIdentifier"));
        call.authorize("rds:ModifyDBInstance", db.arn());
        boolean now = Boolean.TRUE.equals(p.bool("ApplyImmediately"));
        Integer retention = p.integer("BackupRetentionPeriod", 0, 35);
        Boolean multiAz = p.bool("MultiAZ");
        var changed = new DbInstance(db.identifier(), db.accountId(), db.region(), db.instanceClass(), db.engine(),
            flag(p, "PubliclyAccessible", db.publiclyAccessible()),
            now && multiAz != null ? multiAz : db.multiAz(), flag(p, "DeletionProtection", db.deletionProtection()),
            now && retention != null ? retention : db.backupRetentionPeriod(),
            flag(p, "CopyTagsToSnapshot", db.copyTagsToSnapshot()),
            flag(p, "EnableIAMDatabaseAuthentication", db.iamAuth()),
            flag(p, "AutoMinorVersionUpgrade", db.autoMinorVersionUpgrade()),
            !now && multiAz != null && multiAz != db.multiAz() ? multiAz : db.pendingMultiAz(),
            !now && retention != null && retention != db.backupRetentionPeriod() ? retention
                : db.pendingBackupRetention());
        rds.put(changed);
        yield PROTOCOL.ok(action, call.requestId(), x -> x.nest("DBInstance", d -> instance(d, changed)));
      }
      case "DescribeDBSnapshots", "DescribeDBClusterSnapshots" -> {
        boolean cluster = action.equals("DescribeDBClusterSnapshots");
        call.authorize("rds:" + action, "*");
        String idParam = cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier";
        var all = p.has(idParam) ? List.of(snapshot(rds, region, p.get(idParam), cluster)) : rds.snapshots(region, cluster);
        var page = pages.page(action + ":" + call.account().id() + ":" + region, all, DbSnapshot::identifier,
            p.get("Marker"), maxRecords(p));
        String list = cluster ? "DBClusterSnapshots" : "DBSnapshots";
        yield PROTOCOL.ok(action, call.requestId(), x -> x.list(list, cluster ? "DBClusterSnapshot" : "DBSnapshot",
            page.items(), RdsService::snapshot).el("Marker", page.nextToken()));
      }
      case "DescribeDBSnapshotAttributes", "DescribeDBClusterSnapshotAttributes" -> {
        boolean cluster = action.equals("DescribeDBClusterSnapshotAttributes");
        var s = snapshot(rds, region, p.require(cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier"),
            cluster);
        call.authorize("rds:" + action, s.arn());
        yield PROTOCOL.ok(action, call.requestId(), x -> attributes(x, s));
      }
      case "ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute" -> {
        boolean cluster = action.equals("ModifyDBClusterSnapshotAttribute");
        var s = snapshot(rds, region, p.require(cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier"),
            cluster);
        call.authorize("rds:" + action, s.arn());
        if (!"restore".equals(p.require("AttributeName"))) {
          throw AwsException.badRequest("InvalidParameterValue", "Invalid attribute name: only 'restore' is supported");
        }
        var values = new LinkedHashSet<>(s.restore());
        var add = values(p, "ValuesToAdd");
        var remove = values(p, "ValuesToRemove");
        for (String v : add) {
          if (!v.equals("all") && !v.matches("\\d{12}")) {
            throw AwsException.badRequest("InvalidParameterValue", "Invalid account id or 'all': " + v);
          }
        }
        values.addAll(add);
        remove.forEach(values::remove);
        if (values.stream().filter(v -> !v.equals("all")).count() > 20) {
          throw AwsException.badRequest("SharedSnapshotQuotaExceeded", "A snapshot can be shared with at most 20"
              + " accounts.");
        }
        var changed = s.withRestore(new ArrayList<>(values));
        rds.put(changed);
        yield PROTOCOL.ok(action, call.requestId(), x -> attributes(x, changed));
      }
      default -> throw PROTOCOL.unknownOperation(action);
    };
  }

  private static void instance(Xml x, DbInstance d) {
    x.el("DBInstanceIdentifier", d.identifier()).el("DBInstanceClass", d.instanceClass()).el("Engine", d.engine())
        .el("DBInstanceStatus", "available")
        .nest("Endpoint", e -> e.el("Address", d.identifier() + ".c0ffee." + d.region() + ".rds.amazonaws.com")
            .el("Port", 5432))
        .el("BackupRetentionPeriod", d.backupRetentionPeriod()).el("MultiAZ", d.multiAz())
        .el("AutoMinorVersionUpgrade", d.autoMinorVersionUpgrade()).el("PubliclyAccessible", d.publiclyAccessible())
        .el("CopyTagsToSnapshot", d.copyTagsToSnapshot())
        .el("IAMDatabaseAuthenticationEnabled", d.iamAuth()).el("DeletionProtection", d.deletionProtection())
        .el("DBInstanceArn", d.arn())
        .nest("PendingModifiedValues", m -> m.el("MultiAZ", d.pendingMultiAz())
            .el("BackupRetentionPeriod", d.pendingBackupRetention()));
  }

  private static void snapshot(Xml x, DbSnapshot s) {
    if (s.cluster()) {
      x.el("DBClusterSnapshotIdentifier", s.identifier()).el("DBClusterIdentifier", s.sourceIdentifier())
          .el("DBClusterSnapshotArn", s.arn());
    } else {
      x.el("DBSnapshotIdentifier", s.identifier()).el("DBInstanceIdentifier", s.sourceIdentifier())
          .el("DBSnapshotArn", s.arn());
    }
    x.el("SnapshotCreateTime", s.created()).el("Engine", "postgres").el("Status", "available")
        .el("SnapshotType", "manual").el("StorageEncrypted", false);
  }

  private static void attributes(Xml x, DbSnapshot s) {
    String prefix = s.cluster() ? "DBClusterSnapshot" : "DBSnapshot";
    x.nest(prefix + "AttributesResult", r -> r.el(prefix + "Identifier", s.identifier())
        .list(prefix + "Attributes", prefix + "Attribute", List.of("restore"), (a, name) -> a
            .el("AttributeName", name)
            .list("AttributeValues", "AttributeValue", s.restore(), (v, value) -> v.raw(Xml.escape(value)))));
  }

  /** A list parameter as RDS's query serializer sends it: {@code Name.AttributeValue.N}. */
  private static List<String> values(QueryParams p, String name) {
    var out = new ArrayList<String>();
    for (int i = 1; p.has(name + ".AttributeValue." + i); i++) out.add(p.get(name + ".AttributeValue." + i));
    return out;
  }

  private static int maxRecords(QueryParams p) {
    Integer n = p.integer("MaxRecords", Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (n == null) return 100;
    if (n < 20 || n > 100) {
      throw AwsException.badRequest("InvalidParameterValue", "Invalid value " + n + " for MaxRecords. Must be"
          + " between 20 and 100");
    }
    return n;
  }

  private static boolean flag(QueryParams p, String name, boolean current) {
    Boolean v = p.bool(name);
    return v == null ? current : v;
  }

  private static DbInstance instance(RdsState rds, String region, String id) {
    if (!INSTANCE_ID.matcher(id).matches()) {
      throw AwsException.badRequest("InvalidParameterValue", "Invalid database identifier:  " + id);
    }
    return rds.instance(region, id).orElseThrow(() -> AwsException.notFound("DBInstanceNotFound",
        "DBInstance " + id + " not found."));
  }

  private static DbSnapshot snapshot(RdsState rds, String region, String id, boolean cluster) {
    Function<String, AwsException> missing = cluster
        ? i -> AwsException.notFound("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot " + i + " not found.")
        : i -> AwsException.notFound("DBSnapshotNotFound", "DBSnapshot " + i + " not found.");
    if (!SNAPSHOT_ID.matcher(id).matches()) {
      throw AwsException.badRequest("InvalidParameterValue", "Invalid snapshot identifier:  " + id);
    }
    return rds.snapshot(region, id, cluster).orElseThrow(() -> missing.apply(id));
  }
}
