package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.UriEncoding;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.service.Call;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * GetAccountAuthorizationDetails: every user, group, role and managed policy of the account with their inline
 * policies, attachments and memberships, in one paginated listing (MaxItems/Marker over users, then groups, roles
 * and policies). AWS-managed policies appear only while attached to something, as in IAM.
 */
final class AuthorizationDetails {
  private static final Set<String> FILTERS = Set.of("User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy");

  private final Paginator pages = new Paginator(() -> AwsException.badRequest("InvalidInput", "Invalid Marker."));

  /** One entry of the combined listing: the list it belongs in, a unique sort key, and how to write it. */
  private record Item(String list, String sortKey, Consumer<Xml> render) {}

  Reply handle(Call call) {
    call.authorize("iam:GetAccountAuthorizationDetails", "*");
    var q = call.params();
    Set<String> filter = new LinkedHashSet<>(q.members("Filter"));
    for (String f : filter) {
      if (!FILTERS.contains(f)) {
        throw AwsException.badRequest("ValidationError", Validation.failed("Filter", f,
            "Member must satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]"));
      }
    }
    if (filter.isEmpty()) filter = FILTERS;
    Integer max = q.integer("MaxItems", 1, 1000);
    var iam = call.account().iam();
    var items = items(iam, RoleBoundaries.of(call.account()), filter);
    var page = pages.page("iam:GAAD:" + iam.accountId() + ":" + String.join(",", filter), items, Item::sortKey,
        q.get("Marker"), max == null ? 100 : max);
    return IamService.ok(call, x -> {
      for (String list : List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies")) {
        x.nest(list, l -> page.items().stream().filter(i -> i.list().equals(list))
            .forEach(i -> l.nest("member", i.render())));
      }
      x.el("IsTruncated", page.truncated()).el("Marker", page.nextToken());
    });
  }

  private static List<Item> items(IamState iam, RoleBoundaries boundaries, Set<String> filter) {
    var items = new ArrayList<Item>();
    if (filter.contains("User")) {
      for (IamUser u : iam.users()) {
        items.add(new Item("UserDetailList", "1:" + key(u.name()), x -> {
          x.el("Path", u.path()).el("UserName", u.name()).el("UserId", u.userId()).el("Arn", u.arn())
              .el("CreateDate", u.createDate());
          inline(x, "UserPolicyList", iam.inlinePolicies(u.arn()));
          x.nest("GroupList", g -> iam.groupsOf(u.name()).forEach(name -> g.el("member", name)));
          attached(x, iam, u.arn());
        }));
      }
    }
    if (filter.contains("Group")) {
      for (IamGroup g : iam.groups()) {
        items.add(new Item("GroupDetailList", "2:" + key(g.name()), x -> {
          x.el("Path", g.path()).el("GroupName", g.name()).el("GroupId", g.groupId()).el("Arn", g.arn())
              .el("CreateDate", g.createDate());
          inline(x, "GroupPolicyList", iam.inlinePolicies(g.arn()));
          attached(x, iam, g.arn());
        }));
      }
    }
    if (filter.contains("Role")) {
      for (IamRole r : iam.roles()) {
        items.add(new Item("RoleDetailList", "3:" + key(r.name()), x -> {
          x.el("Path", r.path()).el("RoleName", r.name()).el("RoleId", r.roleId()).el("Arn", r.arn())
              .el("CreateDate", r.createDate())
              .el("AssumeRolePolicyDocument", UriEncoding.encode(r.trustPolicy().json(), false))
              .nest("InstanceProfileList", p -> { });
          inline(x, "RolePolicyList", iam.inlinePolicies(r.arn()));
          attached(x, iam, r.arn());
          boundaries.boundary(r.arn()).ifPresent(arn -> x.nest("PermissionsBoundary", b -> b
              .el("PermissionsBoundaryType", "Policy").el("PermissionsBoundaryArn", arn)));
        }));
      }
    }
    Map<String, Integer> counts = iam.attachmentCounts();
    Map<String, Integer> bounding = boundaries.usageCounts();
    if (filter.contains("LocalManagedPolicy")) {
      iam.policies().forEach(p -> items.add(policy(p, counts.getOrDefault(p.arn(), 0),
          bounding.getOrDefault(p.arn(), 0))));
    }
    if (filter.contains("AWSManagedPolicy")) {
      counts.forEach((arn, n) -> AwsManagedPolicies.byArn(arn).ifPresent(p -> items.add(policy(p, n,
          bounding.getOrDefault(arn, 0)))));
    }
    return items;
  }

  private static Item policy(ManagedPolicy p, int attachments, int boundaryUses) {
    return new Item("Policies", "4:" + p.arn(), x -> x.el("PolicyName", p.name()).el("PolicyId", p.policyId())
        .el("Arn", p.arn()).el("Path", p.path()).el("DefaultVersionId", "v1").el("AttachmentCount", attachments)
        .el("PermissionsBoundaryUsageCount", boundaryUses).el("IsAttachable", true).el("CreateDate", p.createDate())
        .el("UpdateDate", p.createDate())
        .nest("PolicyVersionList", l -> l.nest("member", v -> v
            .el("Document", UriEncoding.encode(p.document().json(), false)).el("VersionId", "v1")
            .el("IsDefaultVersion", true).el("CreateDate", p.createDate()))));
  }

  private static void inline(Xml x, String list, Map<String, String> policies) {
    x.nest(list, l -> policies.forEach((name, json) -> l.nest("member", m -> m.el("PolicyName", name)
        .el("PolicyDocument", UriEncoding.encode(json, false)))));
  }

  private static void attached(Xml x, IamState iam, String entityArn) {
    x.nest("AttachedManagedPolicies", l -> iam.attachedPolicies(entityArn).forEach(arn -> l.nest("member",
        m -> m.el("PolicyName", iam.policy(arn).map(ManagedPolicy::name).orElse(arn)).el("PolicyArn", arn))));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
