package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.service.ec2network.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;

/** EC2's network Describe calls through the SDK: per-region state, filters, ids and pagination. */
class Ec2NetworkTest {
  final Sandbox sb = Sandbox.start();
  final Account account = sb.account("111111111111");
  final AccessKey admin = account.iam().createUserWithAccessKey("admin");

  @AfterEach
  void close() {
    sb.close();
  }

  Ec2Client ec2(String region) {
    return Ec2Client.builder().endpointOverride(sb.endpoint()).region(Region.of(region))
        .credentialsProvider(Aws.credentials(admin)).httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  }

  @Test
  void describesTheNetworkOfTheSignedRegionOnly() {
    var net = account.ec2Network("eu-west-1");
    var vpc = net.createVpc("10.1.0.0/16", false, Map.of("Name", "prod"));
    var subnet = net.createSubnet(vpc.vpcId(), "10.1.1.0/24", "eu-west-1a");
    var web = net.createSecurityGroup(vpc.vpcId(), "web", "https", List.of(new SecurityGroup.Rule("tcp", 443, 443, "0.0.0.0/0")));
    var eni = net.createNetworkInterface(subnet.subnetId(), "i-0123456789abcdef0", List.of(web.groupId()));
    account.ec2Network("us-east-1").createVpc("172.31.0.0/16");

    try (var ec2 = ec2("eu-west-1")) {
      var vpcs = ec2.describeVpcs().vpcs();
      assertThat(vpcs).singleElement().satisfies(v -> {
        assertThat(v.vpcId()).isEqualTo(vpc.vpcId());
        assertThat(v.cidrBlock()).isEqualTo("10.1.0.0/16");
        assertThat(v.ownerId()).isEqualTo("111111111111");
        assertThat(v.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("prod"));
      });
      assertThat(ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc.vpcId()).build()))
          .subnets()).extracting(s -> s.availabilityZone()).containsExactly("eu-west-1a");
      var group = ec2.describeSecurityGroups(r -> r.groupIds(web.groupId())).securityGroups().getFirst();
      assertThat(group.ipPermissions()).singleElement().satisfies(p -> {
        assertThat(p.fromPort()).isEqualTo(443);
        assertThat(p.ipRanges().getFirst().cidrIp()).isEqualTo("0.0.0.0/0");
      });
      var nic = ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("attachment.instance-id")
          .values("i-0123456789abcdef0").build())).networkInterfaces();
      assertThat(nic).singleElement().satisfies(n -> {
        assertThat(n.networkInterfaceId()).isEqualTo(eni.networkInterfaceId());
        assertThat(n.privateIpAddress()).isEqualTo("10.1.1.4");
        assertThat(n.attachment().instanceId()).isEqualTo("i-0123456789abcdef0");
        assertThat(n.groups().getFirst().groupName()).isEqualTo("web");
      });
    }
    try (var ec2 = ec2("us-east-1")) {
      assertThat(ec2.describeVpcs().vpcs()).extracting(v -> v.cidrBlock()).containsExactly("172.31.0.0/16");
      assertThat(ec2.describeSubnets().subnets()).isEmpty();
    }
  }

  @Test
  void pagesWithMaxResultsAndRejectsBadInput() {
    var net = account.ec2Network("us-east-1");
    var vpc = net.createVpc("10.0.0.0/16");
    for (int i = 0; i < 12; i++) net.createSubnet(vpc.vpcId(), "10.0." + i + ".0/24", "us-east-1a");
    try (var ec2 = ec2("us-east-1")) {
      var ids = new ArrayList<String>();
      int pages = 0;
      for (var page : ec2.describeSubnetsPaginator(r -> r.maxResults(5))) {
        pages++;
        page.subnets().forEach(s -> ids.add(s.subnetId()));
      }
      assertThat(pages).isEqualTo(3);
      assertThat(ids).hasSize(12).doesNotHaveDuplicates();
      assertThatThrownBy(() -> ec2.describeVpcs(r -> r.vpcIds("vpc-00000000000000000"))).isInstanceOfSatisfying(
          Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound"));
      assertThatThrownBy(() -> ec2.describeVpcs(r -> r.filters(Filter.builder().name("colour").values("red").build())))
          .isInstanceOfSatisfying(Ec2Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
      assertThatThrownBy(() -> ec2.describeSubnets(r -> r.maxResults(2))).isInstanceOf(Ec2Exception.class);
    }
  }
}
