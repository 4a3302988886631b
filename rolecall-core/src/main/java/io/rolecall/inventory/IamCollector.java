package io.rolecall.inventory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rolecall.aws.AwsErrors;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * One account's IAM: the credential report first (root, passwords, MFA, keys' last use for every user in one
 * document), then GetAccountAuthorizationDetails page by page (users, groups, roles with trust policies, local
 * and in-use AWS-managed policies, with inline policies and attachments), the users' access keys (their ids
 * exist nowhere else), MFA devices and the password policy. Each page is handed to the store as it arrives.
 */
final class IamCollector {
  /** GetAccountAuthorizationDetails' largest page: fewest calls. */
  static final int PAGE = 1000;
  /** Users whose keys are listed at once; the IAM rate limit paces them anyway. */
  static final int KEY_LISTINGS = 4;

  private final IamClient iam;
  private final String accountId;
  private final StoreWriter writer;
  private final CredentialReports reports;
  private final io.rolecall.aws.CallScope scope;

  IamCollector(IamClient iam, String accountId, StoreWriter writer, CredentialReports reports,
      io.rolecall.aws.CallScope scope) {
    this.iam = iam;
    this.scope = scope;
    this.accountId = accountId;
    this.writer = writer;
    this.reports = reports;
  }

  void collect() {
    CredentialReport report = call("iam:GenerateCredentialReport/GetCredentialReport", () -> reports.fetch(iam));
    PasswordPolicy policy = call("iam:GetAccountPasswordPolicy", this::passwordPolicy);
    writer.items(List.of(accountItem(report, policy)));
    call("iam:GetAccountAuthorizationDetails", () -> {
      for (var page : iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(PAGE))) {
        writePage(page, report);
      }
      return null;
    });
    call("iam:ListVirtualMFADevices", () -> {
      mfaDevices(report);
      return null;
    });
  }

  private void writePage(GetAccountAuthorizationDetailsResponse page, CredentialReport report) {
    var items = new ArrayList<Item>();
    for (UserDetail u : page.userDetailList()) {
      var row = report.user(u.userName());
      items.add(item(Kind.USER, u.arn(), u.userName(), Nodes.of("arn", u.arn(), "userName", u.userName(),
          "userId", u.userId(), "path", u.path(), "createDate", u.createDate(), "groups", u.groupList(),
          "attachedPolicies", attached(u.attachedManagedPolicies()), "inlinePolicies", inline(u.userPolicyList()),
          "passwordEnabled", row.map(CredentialReport.Row::passwordEnabled).orElse(null),
          "passwordLastUsed", row.map(CredentialReport.Row::passwordLastUsed).orElse(null),
          "mfaActive", row.map(CredentialReport.Row::mfaActive).orElse(null),
          "permissionsBoundary", u.permissionsBoundary() == null ? null : u.permissionsBoundary().permissionsBoundaryArn())));
    }
    page.groupDetailList().forEach(g -> items.add(item(Kind.GROUP, g.arn(), g.groupName(), Nodes.of("arn", g.arn(),
        "groupName", g.groupName(), "groupId", g.groupId(), "path", g.path(), "createDate", g.createDate(),
        "attachedPolicies", attached(g.attachedManagedPolicies()), "inlinePolicies", inline(g.groupPolicyList())))));
    page.roleDetailList().forEach(r -> items.add(item(Kind.ROLE, r.arn(), r.roleName(), Nodes.of("arn", r.arn(),
        "roleName", r.roleName(), "roleId", r.roleId(), "path", r.path(), "createDate", r.createDate(),
        "trustPolicy", Nodes.policy(r.assumeRolePolicyDocument()),
        "attachedPolicies", attached(r.attachedManagedPolicies()), "inlinePolicies", inline(r.rolePolicyList()),
        "lastUsed", r.roleLastUsed() == null ? null : r.roleLastUsed().lastUsedDate(),
        "permissionsBoundary", r.permissionsBoundary() == null ? null : r.permissionsBoundary().permissionsBoundaryArn(),
        "instanceProfiles", r.instanceProfileList().stream().map(ip -> ip.arn()).toList()))));
    for (ManagedPolicy p : page.policies().stream().map(ManagedPolicy::new).toList()) {
      // AWS lists an AWS-managed policy here only while attached; other implementations list them all.
      if (p.awsManaged() && p.detail().attachmentCount() != null && p.detail().attachmentCount() == 0) {
        continue;
      }
      items.add(item(p.awsManaged() ? Kind.AWS_POLICY : Kind.LOCAL_POLICY, p.detail().arn(), p.detail().policyName(),
          p.json()));
    }
    writer.items(items);
    Parallel.run(scope, KEY_LISTINGS, page.userDetailList().stream()
        .map(u -> (Runnable) () -> accessKeys(u.userName(), report)).toList());
  }

  /** A user's keys: ids and status from ListAccessKeys, last use from the report (or GetAccessKeyLastUsed). */
  private void accessKeys(String user, CredentialReport report) {
    var keys = call("iam:ListAccessKeys", () -> iam.listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata()
        .stream().toList());
    var items = new ArrayList<Item>();
    for (AccessKeyMetadata k : keys) {
      var slot = report.user(user).flatMap(row -> row.keyCreatedAt(k.createDate()));
      var data = Nodes.of("accessKeyId", k.accessKeyId(), "userName", user, "status", k.statusAsString(),
          "createDate", k.createDate());
      if (slot.isPresent()) {
        Nodes.put(data, "lastUsedDate", slot.get().lastUsed());
        Nodes.put(data, "lastUsedService", slot.get().lastUsedService());
        Nodes.put(data, "lastUsedRegion", slot.get().lastUsedRegion());
      } else {
        var used = call("iam:GetAccessKeyLastUsed", () -> iam.getAccessKeyLastUsed(r -> r.accessKeyId(k.accessKeyId()))
            .accessKeyLastUsed());
        Nodes.put(data, "lastUsedDate", used == null ? null : used.lastUsedDate());
        Nodes.put(data, "lastUsedService", used == null || "N/A".equals(used.serviceName()) ? null : used.serviceName());
        Nodes.put(data, "lastUsedRegion", used == null || "N/A".equals(used.region()) ? null : used.region());
      }
      items.add(item(Kind.ACCESS_KEY, k.accessKeyId(), user, data));
    }
    writer.items(items);
  }

  /**
   * Virtual devices come in one account-wide listing; users the report says have MFA but hold no virtual device
   * (hardware or FIDO keys) are asked one by one.
   */
  private void mfaDevices(CredentialReport report) {
    Set<String> covered = new HashSet<>();
    for (var page : iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED))) {
      var items = new ArrayList<Item>();
      page.virtualMFADevices().stream().filter(d -> d.user() != null).forEach(d -> {
        covered.add(d.user().userName());
        items.add(item(Kind.MFA_DEVICE, d.serialNumber(), d.user().userName(), Nodes.of("serialNumber",
            d.serialNumber(), "userName", d.user().userName(), "enableDate", d.enableDate(), "virtual", true)));
      });
      writer.items(items);
    }
    for (var row : report.rows().values()) {
      if (row.mfaActive() && !row.user().equals(CredentialReport.ROOT) && !covered.contains(row.user())) {
        var items = new ArrayList<Item>();
        iam.listMFADevicesPaginator(r -> r.userName(row.user())).mfaDevices().forEach(d -> items.add(item(
            Kind.MFA_DEVICE, d.serialNumber(), d.userName(), Nodes.of("serialNumber", d.serialNumber(),
                "userName", d.userName(), "enableDate", d.enableDate(), "virtual", false))));
        writer.items(items);
      }
    }
  }

  private PasswordPolicy passwordPolicy() {
    try {
      return iam.getAccountPasswordPolicy(r -> { }).passwordPolicy();
    } catch (NoSuchEntityException e) {
      return null; // no policy set: IAM's default applies, which findings call weak
    }
  }

  private Item accountItem(CredentialReport report, PasswordPolicy p) {
    var root = report.root();
    var policy = p == null ? null : Nodes.of("minimumPasswordLength", p.minimumPasswordLength(),
        "requireSymbols", p.requireSymbols(), "requireNumbers", p.requireNumbers(),
        "requireUppercaseCharacters", p.requireUppercaseCharacters(),
        "requireLowercaseCharacters", p.requireLowercaseCharacters(),
        "allowUsersToChangePassword", p.allowUsersToChangePassword(), "expirePasswords", p.expirePasswords(),
        "maxPasswordAge", p.maxPasswordAge(), "passwordReusePrevention", p.passwordReusePrevention(),
        "hardExpiry", p.hardExpiry());
    return item(Kind.ACCOUNT, accountId, accountId, Nodes.of("accountId", accountId,
        "rootMfaActive", root.map(CredentialReport.Row::mfaActive).orElse(null),
        "rootActiveAccessKeys", root.map(CredentialReport.Row::activeKeys).orElse(null),
        "rootPasswordLastUsed", root.map(CredentialReport.Row::passwordLastUsed).orElse(null),
        "passwordPolicy", policy == null ? Json.mapper().nullNode() : policy));
  }

  /** A managed policy from the authorization details, with its default version's document. */
  private record ManagedPolicy(ManagedPolicyDetail detail) {
    boolean awsManaged() {
      return detail.arn().contains(":iam::aws:policy");
    }

    com.fasterxml.jackson.databind.node.ObjectNode json() {
      var document = detail.policyVersionList().stream().filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()))
          .findFirst().map(v -> Nodes.policy(v.document())).orElse(null);
      return Nodes.of("arn", detail.arn(), "policyName", detail.policyName(), "policyId", detail.policyId(),
          "path", detail.path(), "attachmentCount", detail.attachmentCount(),
          "defaultVersionId", detail.defaultVersionId(), "createDate", detail.createDate(),
          "updateDate", detail.updateDate(), "document", document);
    }
  }

  private Item item(Kind kind, String id, String name, com.fasterxml.jackson.databind.node.ObjectNode data) {
    return new Item(kind, accountId, Item.GLOBAL, id, name, data);
  }

  private static ArrayNode attached(List<AttachedPolicy> policies) {
    var out = Json.mapper().createArrayNode();
    policies.forEach(p -> out.add(Nodes.of("policyName", p.policyName(), "policyArn", p.policyArn())));
    return out;
  }

  private static ArrayNode inline(List<PolicyDetail> policies) {
    var out = Json.mapper().createArrayNode();
    policies.forEach(p -> out.add(Nodes.of("policyName", p.policyName(), "document", Nodes.policy(p.policyDocument()))));
    return out;
  }

  /** Runs one call family; an SDK failure becomes the account's one-line reason, naming the call. */
  static <T> T call(String what, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (SdkException e) {
      throw AwsErrors.callFailed(what, e);
    }
  }
}
