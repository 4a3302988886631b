package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/** The IAM calls an inventory makes, driven by the AWS SDK: authorization details, keys, MFA, credential report. */
class IamInventoryCallsTest {
  final Sandbox sb = Sandbox.start();
  final Account account = sb.account("111111111111");
  final AccessKey admin = account.iam().createUserWithAccessKey("admin");
  final IamClient iam = Aws.iam(sb, admin);

  @AfterEach
  void close() {
    iam.close();
    sb.close();
  }

  @Test
  void authorizationDetailsListEveryEntityWithRelationsAcrossPages() {
    var state = account.iam();
    String local = state.createPolicy("read", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
    state.createPolicy("unused", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
    state.createGroup("devs");
    state.attachGroupPolicy("devs", local);
    state.putGroupPolicy("devs", "inline", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}");
    for (int i = 0; i < 5; i++) {
      state.createUser("u" + i);
      state.addUserToGroup("devs", "u" + i);
    }
    state.createRole("app", TrustPolicy.trustingService("ec2.amazonaws.com"));
    state.attachRolePolicy("app", AwsManagedPolicies.arn("ReadOnlyAccess"));

    var users = new ArrayList<String>();
    var groups = new ArrayList<String>();
    var roles = new ArrayList<String>();
    var policies = new ArrayList<String>();
    int pages = 0;
    for (var page : iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(3))) {
      pages++;
      page.userDetailList().forEach(u -> users.add(u.userName()));
      page.groupDetailList().forEach(g -> groups.add(g.groupName()));
      page.roleDetailList().forEach(r -> roles.add(r.roleName()));
      page.policies().forEach(p -> policies.add(p.policyName() + ":" + p.attachmentCount()));
    }
    // 6 users + 1 group + 1 role + 2 local + 1 in-use AWS policy = 11 items, 3 a page.
    assertThat(pages).isEqualTo(4);
    assertThat(users).containsExactly("admin", "u0", "u1", "u2", "u3", "u4");
    assertThat(groups).containsExactly("devs");
    assertThat(roles).containsExactly("app");
    assertThat(policies).containsExactlyInAnyOrder("read:1", "unused:0", "ReadOnlyAccess:1");

    var all = iam.getAccountAuthorizationDetails(r -> r.maxItems(1000));
    var u0 = all.userDetailList().stream().filter(u -> u.userName().equals("u0")).findFirst().orElseThrow();
    assertThat(u0.groupList()).containsExactly("devs");
    var devs = all.groupDetailList().getFirst();
    assertThat(devs.attachedManagedPolicies()).singleElement().satisfies(p -> assertThat(p.policyArn()).isEqualTo(local));
    assertThat(URLDecoder.decode(devs.groupPolicyList().getFirst().policyDocument(), StandardCharsets.UTF_8)).contains("ec2:*");
    var app = all.roleDetailList().getFirst();
    assertThat(URLDecoder.decode(app.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).contains("ec2.amazonaws.com");
    var read = all.policies().stream().filter(p -> p.policyName().equals("read")).findFirst().orElseThrow();
    assertThat(URLDecoder.decode(read.policyVersionList().getFirst().document(), StandardCharsets.UTF_8)).contains("s3:GetObject");

    var onlyRoles = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE, EntityType.AWS_MANAGED_POLICY));
    assertThat(onlyRoles.userDetailList()).isEmpty();
    assertThat(onlyRoles.roleDetailList()).hasSize(1);
    assertThat(onlyRoles.policies()).extracting(p -> p.policyName()).containsExactly("ReadOnlyAccess");
    assertThat(onlyRoles.isTruncated()).isFalse();
  }

  @Test
  void groupPoliciesGovernTheirMembers() {
    var state = account.iam();
    var key = state.createUserWithAccessKey("member");
    state.createGroup("readers");
    state.addUserToGroup("readers", "member");
    state.putGroupPolicy("readers", "no-iam", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
        + "\"Action\":\"iam:*\",\"Resource\":\"*\"}]}");
    try (var asMember = Aws.iam(sb, key)) {
      assertThatThrownBy(asMember::listUsers).isInstanceOfSatisfying(IamException.class,
          e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }
  }

  @Test
  void accessKeysWithStatusAndLastUse() {
    var state = account.iam();
    state.createUser("ops");
    var now = sb.clock().now();
    var old = state.createAccessKey("ops", now.minus(Duration.ofDays(200)));
    var fresh = state.createAccessKey("ops");
    state.credentials().setAccessKeyActive(old.accessKeyId(), false);
    state.credentials().recordKeyUse(old.accessKeyId(), now.minus(Duration.ofDays(60)), "s3", "eu-west-1");

    var keys = iam.listAccessKeys(r -> r.userName("ops")).accessKeyMetadata();
    assertThat(keys).extracting(k -> k.accessKeyId() + ":" + k.statusAsString())
        .containsExactly(old.accessKeyId() + ":Inactive", fresh.accessKeyId() + ":Active");
    assertThat(keys.getFirst().createDate()).isBefore(now.minus(Duration.ofDays(199)));

    var used = iam.getAccessKeyLastUsed(r -> r.accessKeyId(old.accessKeyId()));
    assertThat(used.userName()).isEqualTo("ops");
    assertThat(used.accessKeyLastUsed().serviceName()).isEqualTo("s3");
    assertThat(used.accessKeyLastUsed().region()).isEqualTo("eu-west-1");
    var never = iam.getAccessKeyLastUsed(r -> r.accessKeyId(fresh.accessKeyId())).accessKeyLastUsed();
    assertThat(never.lastUsedDate()).isNull();
    assertThat(never.serviceName()).isEqualTo("N/A");

    // The admin key signed the calls above: the sandbox records that use as AWS does.
    var self = iam.getAccessKeyLastUsed(r -> r.accessKeyId(admin.accessKeyId())).accessKeyLastUsed();
    assertThat(self.serviceName()).isEqualTo("iam");
    assertThat(self.lastUsedDate()).isNotNull();
  }

  @Test
  void virtualMfaDevicesOverTheWireAndFromSetup() {
    account.iam().createUser("alice");
    account.iam().createUser("bob");
    account.iam().credentials().enableVirtualMfa("alice");
    String serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("bob-phone")).virtualMFADevice().serialNumber();
    assertThat(serial).isEqualTo("arn:aws:iam::111111111111:mfa/bob-phone");
    iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("spare"));
    iam.enableMFADevice(r -> r.userName("bob").serialNumber(serial).authenticationCode1("123456").authenticationCode2("654321"));

    assertThat(iam.listMFADevices(r -> r.userName("bob")).mfaDevices()).extracting(d -> d.serialNumber()).containsExactly(serial);
    var assigned = new ArrayList<String>();
    iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus("Assigned").maxItems(1))
        .virtualMFADevices().forEach(d -> assigned.add(d.user().userName()));
    assertThat(assigned).containsExactlyInAnyOrder("alice", "bob");
    assertThat(iam.listVirtualMFADevices(r -> r.assignmentStatus("Unassigned")).virtualMFADevices())
        .extracting(d -> d.serialNumber()).containsExactly("arn:aws:iam::111111111111:mfa/spare");
  }

  @Test
  void credentialReportIsGeneratedThenReadAsBase64Csv() {
    var state = account.iam();
    state.createUser("console");
    state.credentials().createLoginProfile("console", null);
    state.credentials().enableVirtualMfa("console");
    state.createUserWithAccessKey("robot");
    account.rootAccessKey();
    state.credentials().reportDelay(Duration.ofMinutes(1));

    assertThatThrownBy(iam::getCredentialReport).isInstanceOf(CredentialReportNotPresentException.class);
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.INPROGRESS);
    assertThatThrownBy(iam::getCredentialReport).isInstanceOf(CredentialReportNotReadyException.class);
    sb.clock().advance(Duration.ofMinutes(2));
    assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);

    var report = iam.getCredentialReport();
    assertThat(report.reportFormatAsString()).isEqualTo("text/csv");
    List<String> lines = report.content().asUtf8String().lines().toList();
    assertThat(lines.getFirst()).startsWith("user,arn,user_creation_time,password_enabled,password_last_used");
    assertThat(lines.getFirst().split(",")).hasSize(22);
    assertThat(lines.get(1)).startsWith("<root_account>,arn:aws:iam::111111111111:root,")
        .contains(",not_supported,N/A,not_supported,not_supported,false,true,");
    var console = lines.stream().filter(l -> l.startsWith("console,")).findFirst().orElseThrow().split(",");
    assertThat(console[3]).isEqualTo("true");
    assertThat(console[4]).isEqualTo("no_information");
    assertThat(console[7]).isEqualTo("true");
    assertThat(console[8]).isEqualTo("false");
    var robot = lines.stream().filter(l -> l.startsWith("robot,")).findFirst().orElseThrow().split(",");
    assertThat(robot[3]).isEqualTo("false");
    assertThat(robot[8]).isEqualTo("true");
    assertThat(robot[9]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    assertThat(robot[13]).isEqualTo("false");
  }

  @Test
  void groupsAndPolicyListingsForClientsThatListEntityByEntity() {
    iam.createGroup(r -> r.groupName("ops"));
    iam.addUserToGroup(r -> r.groupName("ops").userName("admin"));
    iam.attachGroupPolicy(r -> r.groupName("ops").policyArn(AwsManagedPolicies.arn("SecurityAudit")));
    assertThat(iam.listGroups().groups()).extracting(g -> g.groupName()).containsExactly("ops");
    assertThat(iam.listPolicies(r -> r.scope("AWS").onlyAttached(true)).policies())
        .extracting(p -> p.policyName()).containsExactly("SecurityAudit");
    assertThat(iam.listPolicies(r -> r.scope("AWS")).policies()).hasSize(4);
    assertThat(iam.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
  }
}
