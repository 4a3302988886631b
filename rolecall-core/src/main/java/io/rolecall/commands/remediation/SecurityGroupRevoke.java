package io.rolecall.commands.remediation;

import io.rolecall.CommandFailedException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * aws-ec2-security-group-ingress-revoke and aws-ec2-security-group-egress-revoke: reads the group, removes the rules
 * named (those it does not have are reported, not an error) and reads the group back. Revoking ingress that would
 * lock the operator out (the last rule admitting SSH or RDP to the instance rolecall runs on, or the last ingress rule
 * of a group attached to it) needs {@code confirm=true}, and says why.
 */
public abstract sealed class SecurityGroupRevoke implements Command
    permits SecurityGroupRevoke.Ingress, SecurityGroupRevoke.Egress {
  static final String CONTEXT = "AWS.EC2.SecurityGroups";
  private static final int SSH = 22;
  private static final int RDP = 3389;

  private final boolean egress;
  private final CommandSpec spec;

  /** aws-ec2-security-group-ingress-revoke. */
  public static final class Ingress extends SecurityGroupRevoke {
    public Ingress() {
      super(false);
    }
  }

  /** aws-ec2-security-group-egress-revoke. */
  public static final class Egress extends SecurityGroupRevoke {
    public Egress() {
      super(true);
    }
  }

  private SecurityGroupRevoke(boolean egress) {
    this.egress = egress;
    String way = egress ? "egress" : "ingress";
    String action = egress ? "ec2:RevokeSecurityGroupEgress" : "ec2:RevokeSecurityGroupIngress";
    var b = CommandSpec.builder("aws-ec2-security-group-" + way + "-revoke")
        .description("Revoke " + (egress ? "outbound (egress)" : "inbound (ingress)") + " rules of a security group:"
            + " protocol, port (or from_port and to_port) and cidr for one rule, or ip_permissions (EC2's JSON) for"
            + " several. Rules the group does not have are reported, not an error; the group's rules are read back."
            + (egress ? "" : " Revoking the last rule that admits SSH or RDP to the instance rolecall runs on, or the"
                + " last ingress rule of a group attached to it, needs confirm=true."))
        .arg(ArgSpec.matching("group_id", "sg-([0-9a-f]{8}|[0-9a-f]{17})",
            "a security group id: sg- and 8 or 17 lowercase hex digits, such as sg-0123456789abcdef0",
            "The security group.").mandatory())
        .arg(ArgSpec.text("protocol", "The IP protocol: tcp, udp, icmp, icmpv6, or -1 for all (with port and cidr)."))
        .arg(ArgSpec.text("port", "The port or port range, such as 22 or 80-443 (with protocol and cidr)."))
        .arg(ArgSpec.integer("from_port", 0, 65535, "The first port of the range (instead of port)."))
        .arg(ArgSpec.integer("to_port", 0, 65535, "The last port of the range (instead of port)."))
        .arg(ArgSpec.text("cidr", "The IPv4 or IPv6 range, such as 0.0.0.0/0 or ::/0 (with protocol and port)."))
        .arg(ArgSpec.text("ip_permissions", "The permissions to revoke as EC2's JSON, such as [{\"IpProtocol\":"
            + "\"tcp\",\"FromPort\":22,\"ToPort\":22,\"IpRanges\":[{\"CidrIp\":\"0.0.0.0/0\"}]}]; not with"
            + " protocol/port/cidr."));
    if (!egress) {
      b.arg(ArgSpec.bool("confirm", "Revoke even when the change could lock the operator out of the instance"
          + " rolecall runs on.").withDefault("false"));
    }
    this.spec = b.mutating()
        .output(CONTEXT + ".GroupId", "string", "The security group.")
        .output(CONTEXT + ".AccountId", "string", "The account of the group.")
        .output(CONTEXT + ".Region", "string", "The region of the group.")
        .output(CONTEXT + ".Revoked", "array", "The rules revoked, as read back.")
        .output(CONTEXT + (egress ? ".IpPermissionsEgress" : ".IpPermissions"), "array",
            "The group's " + way + " rules after the change.")
        .permissions("ec2:DescribeSecurityGroups", action)
        .permissions(egress ? new String[0] : new String[] {"ec2:DescribeInstances"})
        .build();
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public void validate(Arguments args) {
    IpRule.fromArguments(spec.name(), args);
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String groupId = args.string("group_id");
    var asked = IpRule.fromArguments(spec.name(), args);
    String where = " in account " + ctx.accountId() + " (" + ctx.region() + ")";
    Ec2Client ec2 = ctx.session().ec2();
    var before = rules(describe(ec2, groupId, where));
    var present = asked.stream().filter(before::contains).distinct().toList();
    var absent = asked.stream().filter(r -> !before.contains(r)).distinct().toList();
    var requested = new ArrayList<>(before);
    requested.removeAll(present);
    boolean changed = !present.isEmpty();
    var warnings = new ArrayList<String>();
    absent.forEach(r -> warnings.add("the group has no " + (egress ? "egress" : "ingress") + " rule " + r
        + ": nothing to revoke"));
    if (changed && !egress) {
      lockOut(ec2, groupId, before, requested, where).ifPresent(reason -> {
        if (!ctx.dryRun() && !Boolean.TRUE.equals(args.bool("confirm"))) {
          throw new UsageException(spec.name() + ": nothing was changed: " + reason + "; give confirm=true to revoke"
              + " anyway");
        }
        warnings.add(reason + (ctx.dryRun() ? " (the real run needs confirm=true)" : "; revoked as confirmed"));
      });
    }
    List<IpRule> after = requested;
    if (changed && !ctx.dryRun()) {
      String arn = "arn:aws:ec2:" + ctx.region() + ":" + ctx.accountId() + ":security-group/" + groupId;
      var done = Write.of(ctx, arn, state(before), state(requested))
          .run(() -> revoke(ec2, groupId, present, where), () -> state(rules(describe(ec2, groupId, where))));
      after = done.readBack() ? parse(done.afterMap()) : requested;
      warnings.addAll(done.warnings());
    }
    var left = after;
    var revoked = present.stream().filter(r -> !left.contains(r)).map(IpRule::toString).toList();
    var remaining = after.stream().map(IpRule::toString).toList();

    var contents = Changes.contents(ctx.accountId(), ctx.region(), ctx.dryRun(), changed);
    contents.put("GroupId", groupId);
    contents.put("Before", before.stream().map(IpRule::toString).toList());
    contents.put("After", remaining);
    var entry = new LinkedHashMap<String, Object>();
    entry.put("GroupId", groupId);
    entry.put("AccountId", ctx.accountId());
    entry.put("Region", ctx.region());
    entry.put("Revoked", ctx.dryRun() ? List.of() : revoked);
    entry.put(egress ? "IpPermissionsEgress" : "IpPermissions", remaining);
    var table = new Table(Changes.title("AWS EC2 security group " + (egress ? "egress" : "ingress"), ctx.dryRun()),
        List.of("AccountId", "Region", "GroupId", "Rule", "Result"), List.of(), null);
    for (var r : present) {
      table = table.row(ctx.accountId(), ctx.region(), groupId, r.toString(), ctx.dryRun() ? "would revoke"
          : revoked.contains(r.toString()) ? "revoked" : "still there");
    }
    for (var r : absent) {
      table = table.row(ctx.accountId(), ctx.region(), groupId, r.toString(), "not in the group");
    }
    return CommandResult.of(contents, ctx.dryRun() ? Map.of() : Map.of(CONTEXT, entry), table).withWarnings(warnings);
  }

  private List<IpRule> rules(SecurityGroup g) {
    return IpRule.of(egress ? g.ipPermissionsEgress() : g.ipPermissions());
  }

  private static Map<String, Object> state(List<IpRule> rules) {
    return Map.of("Rules", rules.stream().map(r -> List.of(r.protocol(), r.fromPort(), r.toPort(), r.cidr())).toList());
  }

  @SuppressWarnings("unchecked")
  private static List<IpRule> parse(Map<String, Object> state) {
    var out = new ArrayList<IpRule>();
    for (var r : (List<List<Object>>) state.getOrDefault("Rules", List.of())) {
      out.add(new IpRule((String) r.get(0), ((Number) r.get(1)).intValue(), ((Number) r.get(2)).intValue(),
          (String) r.get(3)));
    }
    return out;
  }

  /**
   * Why the change could lock the operator out, if it could: only when rolecall runs on an instance of this account
   * and region that has the group attached, and the change takes away the last ingress rule of the group, or the last
   * rule (of all the instance's groups) that admits SSH or RDP.
   */
  private Optional<String> lockOut(Ec2Client ec2, String groupId, List<IpRule> before, List<IpRule> after,
      String where) {
    boolean admin = before.stream().anyMatch(r -> r.admits(SSH) || r.admits(RDP));
    if (!admin && !after.isEmpty()) {
      return Optional.empty();
    }
    var self = OwnInstance.id();
    if (self.isEmpty()) {
      return Optional.empty();
    }
    List<String> groups;
    try {
      groups = ec2.describeInstances(r -> r.filters(f -> f.name("instance-id").values(self.get()))).reservations()
          .stream().flatMap(r -> r.instances().stream()).flatMap(i -> i.securityGroups().stream())
          .map(g -> g.groupId()).toList();
    } catch (SdkException e) {
      throw AwsErrors.callFailed("ec2:DescribeInstances for " + self.get() + where, e);
    }
    if (!groups.contains(groupId)) {
      return Optional.empty();
    }
    if (after.isEmpty()) {
      return Optional.of("this revokes the last ingress rule of " + groupId + ", attached to " + self.get()
          + ", the instance rolecall runs on");
    }
    var others = new ArrayList<IpRule>(after);
    for (String g : groups) {
      if (!g.equals(groupId)) {
        others.addAll(rules(describe(ec2, g, where)));
      }
    }
    for (int port : new int[] {SSH, RDP}) {
      boolean had = before.stream().anyMatch(r -> r.admits(port));
      if (had && others.stream().noneMatch(r -> r.admits(port))) {
        return Optional.of("this revokes the last rule admitting " + (port == SSH ? "SSH (22)" : "RDP (3389)")
            + " to " + self.get() + ", the instance rolecall runs on");
      }
    }
    return Optional.empty();
  }

  private static SecurityGroup describe(Ec2Client ec2, String groupId, String where) {
    try {
      return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().stream().findFirst()
          .orElseThrow(() -> new CommandFailedException("security group " + groupId + " not found" + where));
    } catch (SdkException e) {
      throw AwsErrors.callFailed("ec2:DescribeSecurityGroups for " + groupId + where, e);
    }
  }

  private void revoke(Ec2Client ec2, String groupId, List<IpRule> rules, String where) {
    var permissions = rules.stream().map(IpRule::permission).toList();
    try {
      if (egress) {
        ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permissions));
      } else {
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permissions));
      }
    } catch (SdkException e) {
      throw AwsErrors.callFailed((egress ? "ec2:RevokeSecurityGroupEgress" : "ec2:RevokeSecurityGroupIngress")
          + " for " + groupId + where, e);
    }
  }
}
