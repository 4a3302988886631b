package io.rolecall.commands.remediation;

import io.rolecall.UsageException;
import io.rolecall.aws.AwsErrors;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Table;
import io.rolecall.command.Write;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * aws-ec2-instance-attribute-modify, for the quarantine move: replaces an instance's security groups with the ones
 * given (say, one group without rules), reading the groups before and after with DescribeInstances. Moving the
 * instance rolecall itself runs on needs {@code confirm=true}: it can cut rolecall's own way in.
 */
public final class InstanceAttributeModify implements Command {
  static final String CONTEXT = "AWS.EC2.Instances";

  private static final CommandSpec SPEC = CommandSpec.builder("aws-ec2-instance-attribute-modify")
      .description("Replace an EC2 instance's security groups (groups: a comma list; the quarantine move: one group"
          + " with no rules isolates it). The groups before and after are read back. Changing the groups of the"
          + " instance rolecall runs on needs confirm=true.")
      .arg(ArgSpec.matching("instance_id", "i-([0-9a-f]{8}|[0-9a-f]{17})",
          "an instance id: i- and 8 or 17 lowercase hex digits, such as i-0123456789abcdef0", "The instance.")
          .mandatory())
      .arg(ArgSpec.matching("groups", "sg-([0-9a-f]{8}|[0-9a-f]{17})(,sg-([0-9a-f]{8}|[0-9a-f]{17}))*",
          "a comma list of security group ids (sg-...)", "The security groups to give the instance, replacing its"
          + " current ones."))
      .arg(ArgSpec.bool("confirm", "Change the groups even of the instance rolecall runs on.").withDefault("false"))
      .changes("groups")
      .output(CONTEXT + ".InstanceId", "string", "The instance.")
      .output(CONTEXT + ".AccountId", "string", "The account of the instance.")
      .output(CONTEXT + ".Region", "string", "The region of the instance.")
      .output(CONTEXT + ".SecurityGroups", "array", "The instance's security group ids after the change.")
      .output(CONTEXT + ".SecurityGroupsBefore", "array", "Its security group ids before.")
      .permissions("ec2:DescribeInstances", "ec2:ModifyInstanceAttribute")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String id = args.string("instance_id");
    String where = " in account " + ctx.accountId() + " (" + ctx.region() + ")";
    Ec2Client ec2 = ctx.session().ec2();
    var before = Map.<String, Object>of("SecurityGroups", groups(InstanceMetadataOptionsModify.describe(ec2, id, where)));
    var wanted = List.of(args.string("groups").split(",")).stream().distinct().sorted().toList();
    var requested = Map.<String, Object>of("SecurityGroups", wanted);
    boolean changed = !requested.equals(before);
    var warnings = new java.util.ArrayList<String>();
    if (changed && OwnInstance.id().filter(id::equals).isPresent()) {
      String reason = id + " is the instance rolecall runs on: new groups can cut rolecall's own way in";
      if (!ctx.dryRun() && !Boolean.TRUE.equals(args.bool("confirm"))) {
        throw new UsageException(SPEC.name() + ": nothing was changed: " + reason + "; give confirm=true to change"
            + " them anyway");
      }
      warnings.add(reason);
    }
    Map<String, Object> after = requested;
    if (changed && !ctx.dryRun()) {
      String arn = "arn:aws:ec2:" + ctx.region() + ":" + ctx.accountId() + ":instance/" + id;
      var done = Write.of(ctx, arn, before, requested).run(() -> modify(ec2, id, wanted, where),
          () -> Map.of("SecurityGroups", groups(InstanceMetadataOptionsModify.describe(ec2, id, where))));
      after = done.readBack() ? done.afterMap() : requested;
      warnings.addAll(done.warnings());
    }
    var contents = Changes.contents(ctx.accountId(), ctx.region(), ctx.dryRun(), changed);
    contents.put("InstanceId", id);
    contents.put("Before", before);
    contents.put("After", after);
    var entry = new LinkedHashMap<String, Object>();
    entry.put("InstanceId", id);
    entry.put("AccountId", ctx.accountId());
    entry.put("Region", ctx.region());
    entry.put("SecurityGroups", after.get("SecurityGroups"));
    entry.put("SecurityGroupsBefore", before.get("SecurityGroups"));
    var table = new Table(Changes.title("AWS EC2 instance security groups", ctx.dryRun()), List.of("AccountId",
        "Region", "InstanceId", "SecurityGroups", "Result"), List.of(), null).row(ctx.accountId(), ctx.region(), id,
        Changes.cell(String.join(",", (List<String>) cast(before)), String.join(",", (List<String>) cast(after))),
        Changes.result(ctx.dryRun(), changed));
    return CommandResult.of(contents, ctx.dryRun() ? Map.of() : Map.of(CONTEXT, entry), table).withWarnings(warnings);
  }

  @SuppressWarnings("unchecked")
  private static List<String> cast(Map<String, Object> state) {
    return (List<String>) state.get("SecurityGroups");
  }

  private static List<String> groups(Instance i) {
    return i.securityGroups().stream().map(GroupIdentifier::groupId).sorted().toList();
  }

  private static void modify(Ec2Client ec2, String id, List<String> groups, String where) {
    try {
      ec2.modifyInstanceAttribute(r -> r.instanceId(id).groups(groups));
    } catch (SdkException e) {
      throw AwsErrors.callFailed("ec2:ModifyInstanceAttribute for " + id + where, e);
    }
  }
}
