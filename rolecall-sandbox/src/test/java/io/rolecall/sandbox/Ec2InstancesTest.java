package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.service.ec2.InstanceState;
import io.rolecall.sandbox.service.ec2.LaunchSpec;
import io.rolecall.sandbox.service.ec2.MetadataOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/** EC2 instances and their metadata options through the SDK's EC2 client (the EC2 query protocol). */
class Ec2InstancesTest {
  final Sandbox sb = Sandbox.start();
  final Account account = sb.account("111111111111");
  final AccessKey ops = account.iam().createUserWithAccessKey("ops");
  final Ec2Client ec2 = Aws.ec2(sb, ops, Region.US_EAST_1);

  @AfterEach
  void close() {
    ec2.close();
    sb.close();
  }

  Instance describe(String id) {
    return ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
  }

  @Test
  void aSeededInstanceHasRealisticFields() {
    var region = account.ec2("us-east-1");
    String id = region.launchInstance(LaunchSpec.instance().tag("Name", "web-1")
        .instanceProfile("arn:aws:iam::111111111111:instance-profile/web").securityGroup("sg-0123456789abcdef0", "web"));
    var i = describe(id);
    assertThat(i.instanceId()).isEqualTo(id).matches("i-[0-9a-f]{17}");
    assertThat(i.state().name()).isEqualTo(InstanceStateName.RUNNING);
    assertThat(i.state().code()).isEqualTo(16);
    assertThat(i.vpcId()).isEqualTo(region.defaultVpcId()).startsWith("vpc-");
    assertThat(i.subnetId()).isEqualTo(region.defaultSubnetId()).startsWith("subnet-");
    assertThat(i.privateIpAddress()).startsWith("172.31.");
    assertThat(i.privateDnsName()).endsWith(".ec2.internal");
    assertThat(i.launchTime()).isNotNull();
    assertThat(i.placement().availabilityZone()).isEqualTo("us-east-1a");
    assertThat(i.iamInstanceProfile().arn()).isEqualTo("arn:aws:iam::111111111111:instance-profile/web");
    assertThat(i.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("web"));
    assertThat(i.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("web-1"));
    assertThat(i.metadataOptions().httpTokens()).isEqualTo(HttpTokensState.OPTIONAL);
    assertThat(i.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
    assertThat(i.metadataOptions().httpEndpoint()).isEqualTo(InstanceMetadataEndpointState.ENABLED);
  }

  @Test
  void modifyChangesOnlyTheOptionsSentAndAnswersPending() {
    String id = account.ec2("us-east-1").launchInstance();
    var r = ec2.modifyInstanceMetadataOptions(m -> m.instanceId(id).httpTokens(HttpTokensState.REQUIRED));
    assertThat(r.instanceId()).isEqualTo(id);
    assertThat(r.instanceMetadataOptions().stateAsString()).isEqualTo("pending");
    assertThat(r.instanceMetadataOptions().httpTokens()).isEqualTo(HttpTokensState.REQUIRED);
    ec2.modifyInstanceMetadataOptions(m -> m.instanceId(id).httpPutResponseHopLimit(3));
    var options = describe(id).metadataOptions();
    assertThat(options.stateAsString()).isEqualTo("applied");
    assertThat(options.httpTokens()).isEqualTo(HttpTokensState.REQUIRED);
    assertThat(options.httpPutResponseHopLimit()).isEqualTo(3);
    assertThat(options.httpEndpoint()).isEqualTo(InstanceMetadataEndpointState.ENABLED);
  }

  @Test
  void malformedAndUnknownInstanceIdsAreEc2Errors() {
    assertEc2Error(() -> ec2.modifyInstanceMetadataOptions(m -> m.instanceId("i-xyz").httpTokens(HttpTokensState.REQUIRED)),
        "InvalidInstanceID.Malformed", "Invalid id: \"i-xyz\" (expecting \"i-...\")");
    assertEc2Error(() -> ec2.modifyInstanceMetadataOptions(m -> m.instanceId("i-0123456789abcdef0").httpTokens(HttpTokensState.REQUIRED)),
        "InvalidInstanceID.NotFound", "The instance ID 'i-0123456789abcdef0' does not exist");
    assertEc2Error(() -> ec2.describeInstances(r -> r.instanceIds("i-0123456789abcdef0", "i-01234567")),
        "InvalidInstanceID.NotFound", "The instance IDs 'i-0123456789abcdef0, i-01234567' do not exist");
  }

  @Test
  void outOfRangeOptionsAreInvalidParameterValue() {
    String id = account.ec2("us-east-1").launchInstance();
    assertEc2Error(() -> ec2.modifyInstanceMetadataOptions(m -> m.instanceId(id).httpPutResponseHopLimit(65)),
        "InvalidParameterValue", "Value (65) for parameter HttpPutResponseHopLimit is invalid. Expecting a value from 1 to 64.");
    assertThat(account.ec2("us-east-1").requireInstance(id).metadataOptions()).isEqualTo(MetadataOptions.DEFAULTS);
  }

  @Test
  void regionsAreSeparate() {
    String id = account.ec2("eu-west-1").launchInstance();
    assertEc2Error(() -> ec2.describeInstances(r -> r.instanceIds(id)), "InvalidInstanceID.NotFound",
        "The instance ID '" + id + "' does not exist");
    try (var eu = Aws.ec2(sb, ops, Region.EU_WEST_1)) {
      assertThat(eu.describeInstances().reservations()).hasSize(1);
    }
  }

  @Test
  void filtersSelectInstances() {
    var region = account.ec2("us-east-1");
    String web = region.launchInstance(LaunchSpec.instance().tag("Role", "web"));
    String db = region.launchInstance(LaunchSpec.instance().tag("Role", "db"));
    region.setState(db, InstanceState.STOPPED);
    assertThat(ids(ec2.describeInstances(r -> r.filters(f -> f.name("instance-id").values(web))).reservations()
        .stream().flatMap(x -> x.instances().stream()).toList())).containsExactly(web);
    assertThat(ids(ec2.describeInstances(r -> r.filters(f -> f.name("tag:Role").values("d*"))).reservations()
        .stream().flatMap(x -> x.instances().stream()).toList())).containsExactly(db);
    assertThat(ids(ec2.describeInstances(r -> r.filters(f -> f.name("instance-state-name").values("running")))
        .reservations().stream().flatMap(x -> x.instances().stream()).toList())).containsExactly(web);
    assertEc2Error(() -> ec2.describeInstances(r -> r.filters(f -> f.name("colour").values("blue"))),
        "InvalidParameterValue", "The filter 'colour' is invalid");
  }

  @Test
  void paginationWalksEveryInstanceOnceAndKeepsReservationsTogether() {
    var region = account.ec2("us-east-1");
    var launched = new ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      region.runInstances(LaunchSpec.instance(), 3).forEach(x -> launched.add(x.instanceId()));
    }
    var seen = new ArrayList<String>();
    int pages = 0;
    for (var page : ec2.describeInstancesPaginator(r -> r.maxResults(5))) {
      pages++;
      page.reservations().forEach(res -> {
        assertThat(res.ownerId()).isEqualTo("111111111111");
        assertThat(res.reservationId()).startsWith("r-");
        res.instances().forEach(x -> seen.add(x.instanceId()));
      });
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(launched).doesNotHaveDuplicates();
    assertEc2Error(() -> ec2.describeInstances(r -> r.maxResults(4)), "InvalidParameterValue",
        "Value (4) for parameter MaxResults is invalid. Expecting a value from 5 to 1000.");
  }

  @Test
  void runInstancesLaunchesIntoOneReservation() {
    var r = ec2.runInstances(x -> x.imageId("ami-0c02fb55956c7d316").minCount(2).maxCount(2).instanceType("t3.small")
        .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED))
        .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("batch"))));
    assertThat(r.instances()).hasSize(2).allSatisfy(i -> {
      assertThat(i.instanceTypeAsString()).isEqualTo("t3.small");
      assertThat(i.metadataOptions().httpTokens()).isEqualTo(HttpTokensState.REQUIRED);
      assertThat(i.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("batch"));
    });
    assertThat(account.ec2("us-east-1").instances()).hasSize(2)
        .allSatisfy(i -> assertThat(i.reservationId()).isEqualTo(r.reservationId()));
  }

  @Test
  void permissionsAreCheckedOnTheInstanceArn() {
    String id = account.ec2("us-east-1").launchInstance();
    account.iam().putUserPolicy("ops", "describe-only", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}""");
    assertThat(describe(id).instanceId()).isEqualTo(id);
    assertEc2Error(() -> ec2.modifyInstanceMetadataOptions(m -> m.instanceId(id).httpTokens(HttpTokensState.REQUIRED)),
        "UnauthorizedOperation", "You are not authorized to perform this operation. User: arn:aws:iam::111111111111:user/ops"
            + " is not authorized to perform: ec2:ModifyInstanceMetadataOptions on resource: arn:aws:ec2:us-east-1:"
            + "111111111111:instance/" + id + " because no identity-based policy allows the"
            + " ec2:ModifyInstanceMetadataOptions action");
  }

  static List<String> ids(List<Instance> instances) {
    return instances.stream().map(Instance::instanceId).toList();
  }

  static void assertEc2Error(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(Ec2Exception.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }
}
