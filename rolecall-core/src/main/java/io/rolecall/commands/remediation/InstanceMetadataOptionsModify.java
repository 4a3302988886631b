package io.rolecall.commands.remediation;

import io.rolecall.aws.AwsErrors;
import io.rolecall.command.ArgSpec;
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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;

/**
 * aws-ec2-instance-metadata-options-modify: reads the instance's metadata options, lays the ones
 * given over them and writes the result, reporting before and after as read back with DescribeInstances
 * (typically: http_tokens=required to enforce IMDSv2).
 */
public final class InstanceMetadataOptionsModify implements Command {
  static final String CONTEXT = "AWS.EC2.Instances";
  /** The options this command manages, in the order shown. */
  private static final List<String> OPTIONS = List.of("HttpTokens", "HttpEndpoint", "HttpPutResponseHopLimit");

  private static final CommandSpec SPEC = CommandSpec.builder("aws-ec2-instance-metadata-options-modify")
      .description("Modify an EC2 instance's metadata service options (for example http_tokens=required to enforce"
          + " IMDSv2). Only the options given change; the options before and after are reported. Context is set"
          + " only when the change is applied.")
      .arg(ArgSpec.matching("instance_id", "i-([0-9a-f]{8}|[0-9a-f]{17})",
          "an instance id: i- and 8 or 17 lowercase hex digits, such as i-0123456789abcdef0", "The instance.")
          .mandatory())
      .arg(ArgSpec.choice("http_tokens", List.of("optional", "required"),
          "required: only IMDSv2 (session tokens); optional: IMDSv1 too."))
      .arg(ArgSpec.choice("http_endpoint", List.of("enabled", "disabled"), "Turns the metadata endpoint on or off."))
      .arg(ArgSpec.integer("http_put_response_hop_limit", 1, 64,
          "How many network hops the metadata token response may travel."))
      .changes("http_tokens", "http_endpoint", "http_put_response_hop_limit")
      .output(CONTEXT + ".InstanceId", "string", "The instance.")
      .output(CONTEXT + ".AccountId", "string", "The account of the instance.")
      .output(CONTEXT + ".Region", "string", "The region of the instance.")
      .output(CONTEXT + ".MetadataOptions.HttpTokens", "string", "optional or required, after the change.")
      .output(CONTEXT + ".MetadataOptions.HttpEndpoint", "string", "enabled or disabled, after the change.")
      .output(CONTEXT + ".MetadataOptions.HttpPutResponseHopLimit", "number", "The hop limit, after the change.")
      .output(CONTEXT + ".MetadataOptions.State", "string", "pending until EC2 has applied the change, then applied.")
      .output(CONTEXT + ".MetadataOptionsBefore", "object", "The three options before the change.")
      .permissions("ec2:DescribeInstances", "ec2:ModifyInstanceMetadataOptions")
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
    Instance instance = describe(ec2, id, where);
    var before = toMap(instance.metadataOptions());
    var requested = new LinkedHashMap<>(before);
    if (args.has("http_tokens")) {
      requested.put("HttpTokens", args.string("http_tokens"));
    }
    if (args.has("http_endpoint")) {
      requested.put("HttpEndpoint", args.string("http_endpoint"));
    }
    if (args.has("http_put_response_hop_limit")) {
      requested.put("HttpPutResponseHopLimit", Math.toIntExact(args.integer("http_put_response_hop_limit")));
    }
    boolean changed = !requested.equals(before);
    String[] state = {instance.metadataOptions() == null ? null : instance.metadataOptions().stateAsString()};
    Map<String, Object> after = requested;
    List<String> warnings = List.of();
    if (changed && !ctx.dryRun()) {
      String arn = "arn:aws:ec2:" + ctx.region() + ":" + ctx.accountId() + ":instance/" + id;
      var done = Write.of(ctx, arn, before, requested).run(() -> modify(ec2, id, requested, where), () -> {
        var options = describe(ec2, id, where).metadataOptions();
        state[0] = options == null ? null : options.stateAsString();
        return toMap(options);
      });
      after = done.readBack() ? done.afterMap() : requested;
      warnings = done.warnings();
    }

    var options = new LinkedHashMap<String, Object>(after);
    options.put("State", state[0]);
    var contents = Changes.contents(ctx.accountId(), ctx.region(), ctx.dryRun(), changed);
    contents.put("InstanceId", id);
    contents.put("Before", before);
    contents.put("After", after);
    var entry = new LinkedHashMap<String, Object>();
    entry.put("InstanceId", id);
    entry.put("AccountId", ctx.accountId());
    entry.put("Region", ctx.region());
    entry.put("MetadataOptions", options);
    entry.put("MetadataOptionsBefore", before);
    var columns = new ArrayList<String>(List.of("AccountId", "Region", "InstanceId"));
    columns.addAll(OPTIONS);
    columns.add("Result");
    var row = new ArrayList<Object>(List.of(ctx.accountId(), ctx.region(), id));
    row.addAll(Changes.cells(OPTIONS, before, after));
    row.add(Changes.result(ctx.dryRun(), changed));
    var table = new Table(Changes.title("AWS EC2 instance metadata options", ctx.dryRun()), columns, List.of(), null)
        .row(row.toArray());
    return CommandResult.of(contents, ctx.dryRun() ? Map.of() : Map.of(CONTEXT, entry), table).withWarnings(warnings);
  }

  /** The instance, or "instance ... not found" naming where it was looked for; shared by the instance commands. */
  static Instance describe(Ec2Client ec2, String id, String where) {
    try {
      return ec2.describeInstances(r -> r.instanceIds(id)).reservations().stream()
          .flatMap(r -> r.instances().stream()).findFirst()
          .orElseThrow(() -> new io.rolecall.CommandFailedException("instance " + id + " not found" + where));
    } catch (SdkException e) {
      throw AwsErrors.callFailed("ec2:DescribeInstances for " + id + where, e);
    }
  }

  /**
   * Sends all three options, not only the ones given: EC2 keeps options not sent, but some
   * emulators (moto) reset them, and sending the current values is harmless to EC2.
   */
  private static void modify(Ec2Client ec2, String id, Map<String, Object> options, String where) {
    try {
      ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id)
          .httpTokens((String) options.get("HttpTokens"))
          .httpEndpoint((String) options.get("HttpEndpoint"))
          .httpPutResponseHopLimit((Integer) options.get("HttpPutResponseHopLimit")));
    } catch (SdkException e) {
      throw AwsErrors.callFailed("ec2:ModifyInstanceMetadataOptions for " + id + where, e);
    }
  }

  private static Map<String, Object> toMap(InstanceMetadataOptionsResponse o) {
    var m = new LinkedHashMap<String, Object>();
    m.put("HttpTokens", o == null ? null : o.httpTokensAsString());
    m.put("HttpEndpoint", o == null ? null : o.httpEndpointAsString());
    m.put("HttpPutResponseHopLimit", o == null ? null : o.httpPutResponseHopLimit());
    return m;
  }
}
