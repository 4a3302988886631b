package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Ec2Protocol;
import io.rolecall.sandbox.service.Call;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The instance calls: DescribeInstances, RunInstances, ModifyInstanceMetadataOptions. */
final class InstanceCalls {
  private static final List<String> TOKENS = List.of("optional", "required");
  private static final List<String> ON_OFF = List.of("enabled", "disabled");

  /** What the {@code Filter.N.Name} of DescribeInstances may be (besides tag:KEY). */
  private static final Map<String, Function<Ec2Instance, Collection<String>>> FILTERS = Map.ofEntries(
      Map.entry("instance-id", i -> List.of(i.instanceId())),
      Map.entry("instance-state-name", i -> List.of(i.state().wireName())),
      Map.entry("instance-state-code", i -> List.of(String.valueOf(i.state().code()))),
      Map.entry("instance-type", i -> List.of(i.instanceType())),
      Map.entry("image-id", i -> List.of(i.imageId())),
      Map.entry("vpc-id", i -> List.of(i.vpcId())),
      Map.entry("subnet-id", i -> List.of(i.subnetId())),
      Map.entry("availability-zone", i -> List.of(i.availabilityZone())),
      Map.entry("private-ip-address", i -> List.of(i.privateIpAddress())),
      Map.entry("reservation-id", i -> List.of(i.reservationId())),
      Map.entry("instance.group-id", Ec2Instance::securityGroupIds),
      Map.entry("iam-instance-profile.arn", i -> i.iamInstanceProfileArn() == null ? List.of() : List.of(i.iamInstanceProfileArn())),
      Map.entry("metadata-options.http-tokens", i -> List.of(i.metadataOptions().httpTokens())),
      Map.entry("metadata-options.http-endpoint", i -> List.of(i.metadataOptions().httpEndpoint())),
      Map.entry("tag-key", i -> i.tags().keySet()),
      Map.entry("tag-value", i -> i.tags().values()));

  private final Paginator pages = new Paginator(() ->
      AwsException.badRequest("InvalidParameterValue", "The value passed for nextToken is invalid."));

  /**
   * Instances by id or filters, grouped by reservation. With MaxResults (5 to 1000, not allowed with InstanceId)
   * results come in pages of that many instances, in reservation order, so a reservation is split only at a page end.
   */
  Reply describeInstances(Call call, Ec2Region region, Ec2Params p) {
    call.authorize("ec2:DescribeInstances", "*");
    var ids = p.list("InstanceId");
    Integer max = p.get("MaxResults") == null ? null : p.integer("MaxResults", 5, 1000);
    if (!ids.isEmpty() && max != null) {
      throw AwsException.badRequest("InvalidParameterCombination",
          "The parameter instancesSet cannot be used with the parameter maxResults");
    }
    ids.stream().filter(id -> !Ec2Ids.validInstanceId(id)).findFirst().ifPresent(id -> {
      throw Ec2Errors.malformedInstanceId(id);
    });
    var missing = ids.stream().filter(id -> region.instance(id).isEmpty()).distinct().toList();
    if (!missing.isEmpty()) throw Ec2Errors.instancesNotFound(missing);
    var matches = Filter.all(p.filters(), FILTERS, Ec2Instance::tags);
    var selected = region.instances().stream()
        .filter(i -> ids.isEmpty() || ids.contains(i.instanceId()))
        .filter(matches)
        .toList();
    String scope = "ec2:DescribeInstances:" + region.accountId() + ":" + region.region() + ":" + p.filters();
    var page = pages.page(scope, selected, i -> i.reservationId() + "/" + i.instanceId(), p.get("NextToken"),
        max == null ? Integer.MAX_VALUE : max);
    var byReservation = new LinkedHashMap<String, List<Ec2Instance>>();
    page.items().forEach(i -> byReservation.computeIfAbsent(i.reservationId(), r -> new ArrayList<>()).add(i));
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x -> x
        .list("reservationSet", "item", byReservation.entrySet(),
            (r, e) -> Ec2Xml.reservation(r, e.getKey(), region.accountId(), e.getValue()))
        .el("nextToken", page.nextToken()));
  }

  /** A minimal RunInstances: image, counts, type, subnet, address, key, instance profile, metadata options, tags. */
  Reply runInstances(Call call, Ec2Region region, Ec2Params p) {
    String image = p.require("ImageId");
    if (!image.matches("ami-([0-9a-f]{8}|[0-9a-f]{17})")) {
      throw AwsException.badRequest("InvalidAMIID.Malformed", "Invalid id: \"" + image + "\" (expecting \"ami-...\")");
    }
    int min = requireCount(p, "MinCount");
    int max = requireCount(p, "MaxCount");
    if (min > max) {
      throw AwsException.badRequest("InvalidParameterValue", "MinCount (" + min + ") must not exceed MaxCount (" + max + ")");
    }
    var spec = LaunchSpec.instance().imageId(image)
        .instanceType(p.get("InstanceType") == null ? "m1.small" : p.get("InstanceType"))
        .metadataOptions(patch(p, "MetadataOptions.").apply(MetadataOptions.DEFAULTS))
        .keyName(p.get("KeyName")).privateIpAddress(p.get("PrivateIpAddress"));
    if (p.get("SubnetId") != null) spec.subnet(p.get("SubnetId"), region.vpcOfSubnet(p.get("SubnetId")));
    String profileArn = p.get("IamInstanceProfile.Arn");
    if (profileArn == null && p.get("IamInstanceProfile.Name") != null) {
      profileArn = "arn:aws:iam::" + region.accountId() + ":instance-profile/" + p.get("IamInstanceProfile.Name");
    }
    spec.instanceProfile(profileArn);
    p.tags("instance").forEach(spec::tag);
    call.authorize("ec2:RunInstances", "arn:aws:ec2:" + region.region() + ":" + region.accountId() + ":instance/*");
    if (p.flag("DryRun")) throw Ec2Errors.dryRun();
    var launched = region.runInstances(spec, max);
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x ->
        Ec2Xml.reservation(x, launched.getFirst().reservationId(), region.accountId(), launched));
  }

  /**
   * Changes only the options sent (EC2 patches, it does not replace), applies them at once, and answers with the
   * new options in state "pending" as AWS does.
   */
  Reply modifyInstanceMetadataOptions(Call call, Ec2Region region, Ec2Params p) {
    String id = p.require("InstanceId");
    if (!Ec2Ids.validInstanceId(id)) throw Ec2Errors.malformedInstanceId(id);
    var change = patch(p, "");
    call.authorize("ec2:ModifyInstanceMetadataOptions", "arn:aws:ec2:" + region.region() + ":" + region.accountId()
        + ":instance/" + id);
    var instance = region.requireInstance(id);
    if (instance.state() == InstanceState.TERMINATED || instance.state() == InstanceState.SHUTTING_DOWN) {
      throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + id + "' is not in a state from which"
          + " its metadata options can be modified.");
    }
    if (p.flag("DryRun")) throw Ec2Errors.dryRun();
    var updated = region.updateMetadataOptions(id, current -> change.apply(current).withState("applied"));
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x -> x.el("instanceId", id)
        .nest("instanceMetadataOptions", o -> Ec2Xml.metadataOptions(o, updated.metadataOptions().withState("pending"))));
  }

  /**
   * ModifyInstanceAttribute with {@code GroupId.N}: replaces the instance's security groups (each must exist in the
   * instance's region). The sandbox models no other attribute and says so with EC2's UnsupportedOperation.
   */
  Reply modifyInstanceAttribute(Call call, Ec2Region region, Ec2Params p) {
    String id = p.require("InstanceId");
    if (!Ec2Ids.validInstanceId(id)) throw Ec2Errors.malformedInstanceId(id);
    var groups = p.list("GroupId");
    if (groups.isEmpty()) {
      throw AwsException.badRequest("UnsupportedOperation", "The sandbox's ModifyInstanceAttribute changes only the"
          + " security groups (GroupId.N)");
    }
    call.authorize("ec2:ModifyInstanceAttribute", "arn:aws:ec2:" + region.region() + ":" + region.accountId()
        + ":instance/" + id);
    region.requireInstance(id);
    var net = call.account().ec2Network(region.region());
    var named = new LinkedHashMap<String, String>();
    for (String g : groups) {
      named.put(g, net.requireGroup(g).groupName());
    }
    if (p.flag("DryRun")) throw Ec2Errors.dryRun();
    region.replaceSecurityGroups(id, named);
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x -> x.el("return", true));
  }

  /** The metadata options sent under {@code prefix}, validated now, as a change to apply to an instance's options. */
  private static UnaryOperator<MetadataOptions> patch(Ec2Params p, String prefix) {
    String tokens = p.choice(prefix + "HttpTokens", TOKENS);
    Integer hops = p.integer(prefix + "HttpPutResponseHopLimit", 1, 64);
    String endpoint = p.choice(prefix + "HttpEndpoint", ON_OFF);
    String ipv6 = p.choice(prefix + "HttpProtocolIpv6", ON_OFF);
    String tags = p.choice(prefix + "InstanceMetadataTags", ON_OFF);
    return o -> {
      var r = o;
      if (tokens != null) r = r.withHttpTokens(tokens);
      if (hops != null) r = r.withHttpPutResponseHopLimit(hops);
      if (endpoint != null) r = r.withHttpEndpoint(endpoint);
      if (ipv6 != null) r = r.withHttpProtocolIpv6(ipv6);
      if (tags != null) r = r.withInstanceMetadataTags(tags);
      return r;
    };
  }

  private static int requireCount(Ec2Params p, String name) {
    p.require(name);
    return p.integer(name, 1, 100);
  }
}
