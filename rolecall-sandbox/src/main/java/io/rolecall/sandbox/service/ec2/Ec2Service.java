package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.auth.SigV4;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.protocol.Ec2Protocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.QueryParams;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;

/**
 * EC2 (the EC2 query protocol). Regional: a call acts on the caller's account in the region its signature is
 * scoped to. Add an operation with one case here and its handler in a calls class of this package.
 */
public final class Ec2Service implements Service {
  private final InstanceCalls instances = new InstanceCalls();
  private final SnapshotCalls snapshots = new SnapshotCalls();

  @Override public String signingName() { return "ec2"; }

  @Override public Protocol protocol() { return Ec2Protocol.EC2; }

  @Override
  public Reply handle(Call call) {
    var region = region(call);
    var params = new Ec2Params(QueryParams.of(call.request(), "InvalidParameterValue"));
    return switch (call.action()) {
      case "DescribeInstances" -> instances.describeInstances(call, region, params);
      case "RunInstances" -> instances.runInstances(call, region, params);
      case "ModifyInstanceMetadataOptions" -> instances.modifyInstanceMetadataOptions(call, region, params);
      case "ModifyInstanceAttribute" -> instances.modifyInstanceAttribute(call, region, params);
      case "DescribeSnapshots" -> snapshots.describe(call, region, params, false);
      case "DescribeImages" -> snapshots.describe(call, region, params, true);
      case "DescribeSnapshotAttribute" -> snapshots.describeAttribute(call, region, params, false);
      case "DescribeImageAttribute" -> snapshots.describeAttribute(call, region, params, true);
      case "ModifySnapshotAttribute" -> snapshots.modifyAttribute(call, region, params, false);
      case "ModifyImageAttribute" -> snapshots.modifyAttribute(call, region, params, true);
      default -> throw Ec2Protocol.EC2.unknownOperation(call.action());
    };
  }

  /** The caller's account in the region the request was signed for. */
  static Ec2Region region(Call call) {
    String region = SigV4.read(call.request()).orElseThrow().region();
    return state(call.account()).region(region);
  }

  public static Ec2State state(Account account) {
    return account.state(Ec2State.class, () -> new Ec2State(account));
  }
}
