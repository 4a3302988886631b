package io.rolecall.commands.remediation;

import io.rolecall.UsageException;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * aws-rds-db-snapshot-attribute-modify and aws-rds-db-cluster-snapshot-attribute-modify: add or remove accounts
 * (or "all", which makes the snapshot public) from the snapshot's "restore" attribute. The accounts before and after
 * are read with Describe...SnapshotAttributes.
 */
public final class RdsSnapshotAttributeModify implements Command {
  static final String SNAPSHOT_ID = "[A-Za-z](?!.*--)[A-Za-z0-9-]{0,254}(?<!-)";
  private static final Pattern VALUE = Pattern.compile("\\d{12}|all");

  private final boolean cluster;
  private final String idArg;
  private final CommandSpec spec;

  private RdsSnapshotAttributeModify(boolean cluster) {
    this.cluster = cluster;
    this.idArg = cluster ? "db_cluster_snapshot_identifier" : "db_snapshot_identifier";
    String what = cluster ? "DB cluster snapshot" : "DB snapshot";
    String context = cluster ? "AWS.RDS.DBClusterSnapshotAttributes" : "AWS.RDS.DBSnapshotAttributes";
    String op = cluster ? "DBClusterSnapshotAttribute" : "DBSnapshotAttribute";
    spec = CommandSpec.builder(cluster ? "aws-rds-db-cluster-snapshot-attribute-modify"
            : "aws-rds-db-snapshot-attribute-modify")
        .description("Add or remove the accounts that may restore an RDS " + what + " (its restore attribute):"
            + " values_to_remove=all makes a public snapshot private again. The accounts are read back after"
            + " the write.")
        .arg(ArgSpec.matching(idArg, SNAPSHOT_ID, "an RDS snapshot identifier (a letter, then letters, digits and"
            + " single hyphens, at most 255, not ending in a hyphen)", "The identifier of the " + what
            + " to modify the attributes for.").mandatory())
        .arg(ArgSpec.choice("attribute_name", List.of("restore"), "The attribute to modify: restore (the accounts"
            + " that may copy or restore the snapshot).").mandatory())
        .arg(ArgSpec.matching("values_to_add", "\\s*(\\d{12}|all)\\s*(,\\s*(\\d{12}|all)\\s*)*",
            "a comma list of 12-digit account ids or all", "Accounts to add (all makes the snapshot public)."))
        .arg(ArgSpec.matching("values_to_remove", "\\s*(\\d{12}|all)\\s*(,\\s*(\\d{12}|all)\\s*)*",
            "a comma list of 12-digit account ids or all", "Accounts to remove (all makes it private)."))
        .changes("values_to_add", "values_to_remove")
        .output(context + ".Identifier", "string", "The snapshot.")
        .output(context + ".AccountId", "string", "The account owning the snapshot.")
        .output(context + ".Restore", "unknown", "The accounts (or all) that may restore it, after the change.")
        .permissions("rds:Describe" + op + "s", "rds:Modify" + op)
        .build();
  }

  public static RdsSnapshotAttributeModify instanceSnapshots() {
    return new RdsSnapshotAttributeModify(false);
  }

  public static RdsSnapshotAttributeModify clusterSnapshots() {
    return new RdsSnapshotAttributeModify(true);
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public void validate(Arguments args) {
    var add = args.has("values_to_add") ? AssetChange.csv(args.string("values_to_add")) : List.<String>of();
    var remove = args.has("values_to_remove") ? AssetChange.csv(args.string("values_to_remove")) : List.<String>of();
    for (String v : add) {
      if (remove.contains(v)) {
        throw new UsageException(spec.name() + ": " + v + " is both in values_to_add and values_to_remove");
      }
      if (!VALUE.matcher(v).matches()) {
        throw new UsageException(spec.name() + ": argument 'values_to_add': expected account ids or all, got " + v);
      }
    }
    if (add.stream().filter(v -> !v.equals("all")).count() > 20) {
      throw new UsageException(spec.name() + ": argument 'values_to_add': at most 20 accounts (RDS's limit)");
    }
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String id = args.string(idArg);
    var rds = ctx.session().rds();
    var add = args.has("values_to_add") ? AssetChange.csv(args.string("values_to_add")) : List.<String>of();
    var remove = args.has("values_to_remove") ? AssetChange.csv(args.string("values_to_remove")) : List.<String>of();
    var current = restore(ctx, rds, id);
    var values = new LinkedHashSet<>(current);
    values.addAll(add);
    remove.forEach(values::remove);
    Map<String, Object> before = S3Buckets.map("Restore", sorted(current));
    Map<String, Object> requested = S3Buckets.map("Restore", sorted(values));
    String arn = "arn:aws:rds:" + ctx.region() + ":" + ctx.accountId() + (cluster ? ":cluster-snapshot:" : ":snapshot:")
        + id;
    var o = AssetChange.apply(ctx, arn, before, requested, () -> AssetChange.call(
        "rds:Modify" + (cluster ? "DBClusterSnapshotAttribute" : "DBSnapshotAttribute") + " of " + id, ctx, () -> {
          if (cluster) {
            return rds.modifyDBClusterSnapshotAttribute(r -> r.dbClusterSnapshotIdentifier(id).attributeName("restore")
                .valuesToAdd(add).valuesToRemove(remove));
          }
          return rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier(id).attributeName("restore")
              .valuesToAdd(add).valuesToRemove(remove));
        }), () -> S3Buckets.map("Restore", sorted(restore(ctx, rds, id))));
    return AssetChange.result(ctx, cluster ? "AWS RDS DB cluster snapshot restore" : "AWS RDS DB snapshot restore",
        cluster ? "AWS.RDS.DBClusterSnapshotAttributes" : "AWS.RDS.DBSnapshotAttributes",
        S3Buckets.map("Identifier", id), o, List.of("Restore"));
  }

  private List<String> restore(CommandContext ctx, software.amazon.awssdk.services.rds.RdsClient rds, String id) {
    if (cluster) {
      var result = AssetChange.call("rds:DescribeDBClusterSnapshotAttributes of " + id, ctx,
          () -> rds.describeDBClusterSnapshotAttributes(r -> r.dbClusterSnapshotIdentifier(id)))
          .dbClusterSnapshotAttributesResult();
      return result == null ? List.of() : result.dbClusterSnapshotAttributes().stream()
          .filter(a -> "restore".equals(a.attributeName())).flatMap(a -> a.attributeValues().stream()).toList();
    }
    var result = AssetChange.call("rds:DescribeDBSnapshotAttributes of " + id, ctx,
        () -> rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(id))).dbSnapshotAttributesResult();
    return result == null ? List.of() : result.dbSnapshotAttributes().stream()
        .filter(a -> "restore".equals(a.attributeName())).flatMap(a -> a.attributeValues().stream()).toList();
  }

  private static List<String> sorted(java.util.Collection<String> values) {
    var out = new ArrayList<>(values);
    java.util.Collections.sort(out);
    return out;
  }
}
