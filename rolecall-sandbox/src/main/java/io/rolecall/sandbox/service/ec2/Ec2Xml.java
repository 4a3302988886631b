package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.protocol.Xml;
import java.util.List;
import java.util.Map;

/** How EC2 writes its resources: lower-camel elements, lists as {@code <xSet><item>...</item></xSet>}. */
public final class Ec2Xml {
  private Ec2Xml() {}

  /** A reservation with its instances, as DescribeInstances lists them and RunInstances returns one. */
  public static void reservation(Xml x, String reservationId, String ownerId, List<Ec2Instance> instances) {
    x.el("reservationId", reservationId).el("ownerId", ownerId)
        .nest("groupSet", g -> { })
        .list("instancesSet", "item", instances, Ec2Xml::instance);
  }

  public static void instance(Xml x, Ec2Instance i) {
    x.el("instanceId", i.instanceId()).el("imageId", i.imageId())
        .nest("instanceState", s -> s.el("code", i.state().code()).el("name", i.state().wireName()))
        .el("privateDnsName", i.privateDnsName()).el("dnsName", i.publicIpAddress() == null ? "" : "ec2-"
            + i.publicIpAddress().replace('.', '-') + ".compute-1.amazonaws.com")
        .el("reason", "").el("keyName", i.keyName()).el("amiLaunchIndex", 0)
        .el("instanceType", i.instanceType()).el("launchTime", i.launchTime())
        .nest("placement", p -> p.el("availabilityZone", i.availabilityZone()).el("groupName", "").el("tenancy", "default"))
        .nest("monitoring", m -> m.el("state", "disabled"))
        .el("subnetId", i.subnetId()).el("vpcId", i.vpcId())
        .el("privateIpAddress", i.privateIpAddress()).el("ipAddress", i.publicIpAddress())
        .el("sourceDestCheck", true)
        .list("groupSet", "item", i.securityGroups().entrySet(), (g, e) -> g.el("groupId", e.getKey()).el("groupName", e.getValue()))
        .el("architecture", "x86_64").el("rootDeviceType", "ebs").el("rootDeviceName", "/dev/xvda")
        .el("virtualizationType", "hvm")
        .list("tagSet", "item", i.tags().entrySet(), Ec2Xml::tag)
        .el("hypervisor", "xen");
    if (i.iamInstanceProfileArn() != null) {
      x.nest("iamInstanceProfile", p -> p.el("arn", i.iamInstanceProfileArn()).el("id", i.iamInstanceProfileId()));
    }
    x.el("ebsOptimized", false).el("enaSupport", true)
        .nest("metadataOptions", m -> metadataOptions(m, i.metadataOptions()))
        .el("platformDetails", "Linux/UNIX").el("usageOperation", "RunInstances");
  }

  public static void metadataOptions(Xml x, MetadataOptions o) {
    x.el("state", o.state()).el("httpTokens", o.httpTokens()).el("httpPutResponseHopLimit", o.httpPutResponseHopLimit())
        .el("httpEndpoint", o.httpEndpoint()).el("httpProtocolIpv6", o.httpProtocolIpv6())
        .el("instanceMetadataTags", o.instanceMetadataTags());
  }

  public static void tag(Xml x, Map.Entry<String, String> tag) {
    x.el("key", tag.getKey()).el("value", tag.getValue());
  }
}
