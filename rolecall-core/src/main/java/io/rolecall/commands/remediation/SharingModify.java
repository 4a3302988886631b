package io.rolecall.commands.remediation;

import io.rolecall.UsageException;
import io.rolecall.aws.AwsErrors;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Table;
import io.rolecall.command.Write;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumePermission;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;

/**
 * Who may use an EBS snapshot (create-volume permission) or an AMI (launch permission): accounts and the group
 * "all" (public). aws-ec2-snapshot-attribute-modify and aws-ec2-image-attribute-modify read the permission, add or
 * remove the accounts and groups given, and read it back. The state shown and journaled is
 * {@code {"Public": ..., "UserIds": [...]}} (an AMI's description change: {@code {"Description": ...}}).
 */
public abstract sealed class SharingModify implements Command permits SharingModify.Snapshot, SharingModify.Image {
  private static final String USER_IDS = "\\d{12}(,\\d{12})*";

  /** aws-ec2-snapshot-attribute-modify. */
  public static final class Snapshot extends SharingModify {
    public Snapshot() {
      super(false);
    }
  }

  /** aws-ec2-image-attribute-modify. */
  public static final class Image extends SharingModify {
    public Image() {
      super(true);
    }
  }

  private final boolean image;
  private final CommandSpec spec;
  private final String idArg;
  private final String groupArg;
  private final String permission;
  private final String context;

  private SharingModify(boolean image) {
    this.image = image;
    this.idArg = image ? "image_id" : "snapshot_id";
    this.groupArg = image ? "user_groups" : "group";
    this.permission = image ? "launchPermission" : "createVolumePermission";
    this.context = image ? "AWS.EC2.Images" : "AWS.EC2.Snapshots";
    String what = image ? "AMI" : "EBS snapshot";
    var b = CommandSpec.builder(image ? "aws-ec2-image-attribute-modify" : "aws-ec2-snapshot-attribute-modify")
        .description("Add or remove who may " + (image ? "launch an AMI (launchPermission)" : "create volumes from an"
            + " EBS snapshot (createVolumePermission)") + ": accounts (user_ids) and the group all, which makes it"
            + " public; operation_type=remove " + groupArg + "=all makes it private again. The permission before and"
            + " after is reported, as read back." + (image ? " attribute=description changes the description." : ""))
        .arg(ArgSpec.matching(idArg, image ? "ami-([0-9a-f]{8}|[0-9a-f]{17})" : "snap-([0-9a-f]{8}|[0-9a-f]{17})",
            image ? "an AMI id: ami- and 8 or 17 lowercase hex digits, such as ami-0123456789abcdef0"
                : "a snapshot id: snap- and 8 or 17 lowercase hex digits, such as snap-0123456789abcdef0",
            "The " + what + ".").mandatory());
    if (image) {
      b.arg(ArgSpec.choice("attribute", List.of("launchPermission", "description"), "The attribute to modify.")
          .mandatory());
      b.arg(ArgSpec.choice("operation_type", List.of("add", "remove"), "Add or remove the users and groups given."));
    } else {
      b.arg(ArgSpec.choice("attribute", List.of("createVolumePermission"), "The attribute to modify.")
          .withDefault("createVolumePermission"));
      b.arg(ArgSpec.choice("operation_type", List.of("add", "remove"), "Add or remove the users and groups given.")
          .mandatory());
    }
    b.arg(ArgSpec.matching("user_ids", USER_IDS, "a comma list of 12-digit account ids",
        "The accounts to add or remove."));
    b.arg(ArgSpec.choice(groupArg, List.of("all"), "all: everyone (public)."));
    if (image) {
      b.arg(ArgSpec.text("description", "A new description for the AMI (attribute=description)."));
    }
    this.spec = b.mutating()
        .output(context + (image ? ".ImageId" : ".SnapshotId"), "string", "The " + what + ".")
        .output(context + ".AccountId", "string", "The account that owns it.")
        .output(context + ".Region", "string", "Its region.")
        .output(context + ".Public", "boolean", "Whether the group all holds the permission, after the change.")
        .output(context + ".UserIds", "array", "The accounts holding the permission, after the change.")
        .permissions(image ? new String[] {"ec2:DescribeImageAttribute", "ec2:ModifyImageAttribute"}
            : new String[] {"ec2:DescribeSnapshotAttribute", "ec2:ModifySnapshotAttribute"})
        .build();
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public void validate(Arguments args) {
    if (image && "description".equals(args.string("attribute"))) {
      if (!args.has("description")) {
        throw new UsageException(spec.name() + ": attribute=description needs description");
      }
      return;
    }
    if (image && !args.has("operation_type")) {
      throw new UsageException(spec.name() + ": attribute=launchPermission needs operation_type (add or remove)");
    }
    if (!args.has("user_ids") && !args.has(groupArg)) {
      throw new UsageException(spec.name() + ": give user_ids or " + groupArg + "=all: who to "
          + args.string("operation_type"));
    }
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String id = args.string(idArg);
    String where = " in account " + ctx.accountId() + " (" + ctx.region() + ")";
    Ec2Client ec2 = ctx.session().ec2();
    boolean describing = image && "description".equals(args.string("attribute"));
    Map<String, Object> before = describing ? description(ec2, id, where) : read(ec2, id, where);
    var requested = new LinkedHashMap<String, Object>(before);
    var users = args.has("user_ids") ? List.of(args.string("user_ids").split(",")) : List.<String>of();
    boolean all = args.has(groupArg);
    if (describing) {
      requested.put("Description", args.string("description"));
    } else {
      boolean add = "add".equals(args.string("operation_type"));
      @SuppressWarnings("unchecked")
      var ids = new TreeSet<>((List<String>) before.get("UserIds"));
      if (add) {
        ids.addAll(users);
      } else {
        users.forEach(ids::remove);
      }
      requested.put("Public", all ? add : before.get("Public"));
      requested.put("UserIds", List.copyOf(ids));
    }
    boolean changed = !requested.equals(before);
    Map<String, Object> after = requested;
    List<String> warnings = List.of();
    if (changed && !ctx.dryRun()) {
      String arn = "arn:aws:ec2:" + ctx.region() + "::" + (image ? "image/" : "snapshot/") + id;
      var done = Write.of(ctx, arn, before, requested).run(() -> modify(ec2, id, args, users, all, where),
          () -> describing ? description(ec2, id, where) : read(ec2, id, where));
      after = done.readBack() ? done.afterMap() : requested;
      warnings = done.warnings();
    }
    var contents = Changes.contents(ctx.accountId(), ctx.region(), ctx.dryRun(), changed);
    contents.put(image ? "ImageId" : "SnapshotId", id);
    contents.put("Before", before);
    contents.put("After", after);
    var entry = new LinkedHashMap<String, Object>();
    entry.put(image ? "ImageId" : "SnapshotId", id);
    entry.put("AccountId", ctx.accountId());
    entry.put("Region", ctx.region());
    entry.putAll(after);
    var fields = describing ? List.of("Description") : List.of("Public", "UserIds");
    var columns = new ArrayList<String>(List.of("AccountId", "Region", image ? "ImageId" : "SnapshotId"));
    columns.addAll(fields);
    columns.add("Result");
    var row = new ArrayList<Object>(List.of(ctx.accountId(), ctx.region(), id));
    row.addAll(Changes.cells(fields, before, after));
    row.add(Changes.result(ctx.dryRun(), changed));
    var table = new Table(Changes.title("AWS EC2 " + (image ? "AMI" : "snapshot") + " " + (describing ? "description"
        : permission), ctx.dryRun()), columns, List.of(), null).row(row.toArray());
    return CommandResult.of(contents, ctx.dryRun() ? Map.of() : Map.of(context, entry), table).withWarnings(warnings);
  }

  private Map<String, Object> read(Ec2Client ec2, String id, String where) {
    boolean everyone;
    var users = new TreeSet<String>();
    try {
      if (image) {
        var r = ec2.describeImageAttribute(q -> q.imageId(id).attribute("launchPermission"));
        everyone = r.launchPermissions().stream().anyMatch(p -> p.group() == PermissionGroup.ALL);
        r.launchPermissions().stream().map(LaunchPermission::userId).filter(u -> u != null).forEach(users::add);
      } else {
        var r = ec2.describeSnapshotAttribute(q -> q.snapshotId(id).attribute("createVolumePermission"));
        everyone = r.createVolumePermissions().stream().anyMatch(p -> p.group() == PermissionGroup.ALL);
        r.createVolumePermissions().stream().map(CreateVolumePermission::userId).filter(u -> u != null)
            .forEach(users::add);
      }
    } catch (SdkException e) {
      throw AwsErrors.callFailed((image ? "ec2:DescribeImageAttribute for " : "ec2:DescribeSnapshotAttribute for ")
          + id + where, e);
    }
    var m = new LinkedHashMap<String, Object>();
    m.put("Public", everyone);
    m.put("UserIds", List.copyOf(users));
    return m;
  }

  private Map<String, Object> description(Ec2Client ec2, String id, String where) {
    try {
      var d = ec2.describeImageAttribute(q -> q.imageId(id).attribute("description")).description();
      var m = new LinkedHashMap<String, Object>();
      m.put("Description", d == null ? null : d.value());
      return m;
    } catch (SdkException e) {
      throw AwsErrors.callFailed("ec2:DescribeImageAttribute for " + id + where, e);
    }
  }

  private void modify(Ec2Client ec2, String id, Arguments args, List<String> users, boolean all, String where) {
    String op = args.string("operation_type");
    try {
      if (image && "description".equals(args.string("attribute"))) {
        ec2.modifyImageAttribute(r -> r.imageId(id).description(d -> d.value(args.string("description"))));
      } else if (image) {
        ec2.modifyImageAttribute(r -> r.imageId(id).attribute("launchPermission").operationType(op)
            .userIds(users).userGroups(all ? List.of("all") : List.of()));
      } else {
        ec2.modifySnapshotAttribute(r -> r.snapshotId(id).attribute("createVolumePermission").operationType(op)
            .userIds(users).groupNames(all ? List.of("all") : List.of()));
      }
    } catch (SdkException e) {
      throw AwsErrors.callFailed((image ? "ec2:ModifyImageAttribute for " : "ec2:ModifySnapshotAttribute for ") + id
          + where, e);
    }
  }

  static List<String> split(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
