package io.rolecall.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.inventory.Item;
import io.rolecall.inventory.Kind;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A large estate for bench/access, generated account by account into a sink (as items would stream from the
 * store): per account {@code users} IAM users in five groups, {@code roles} roles (the organization's admin and
 * audit roles, Identity Center's reserved roles for the sets assigned there, service roles, and application roles
 * with a policy of their own each); an organization-wide operator who reaches every account; and an Identity Center
 * of {@code idcUsers} users in three groups each, {@code idcGroups} groups assigned in {@link #ACCOUNTS_PER_GROUP}
 * accounts each, and {@code sets} permission sets. Only core classes and Jackson: it runs on rolecall.jar.
 */
final class SyntheticEstate {
  static final int ACCOUNTS_PER_GROUP = 20;
  static final String STORE = "d-3000000001";
  static final String INSTANCE = "arn:aws:sso:::instance/ssoins-3000000000000001";
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String POWER = "arn:aws:iam::aws:policy/PowerUserAccess";
  static final String OPERATOR = "ops-admin";

  final int accounts;
  final int roles;
  final int users;
  final int idcUsers;
  final int idcGroups;
  final int sets;
  private final List<Set<Integer>> setsByAccount = new ArrayList<>();

  SyntheticEstate(int accounts, int roles, int users, int idcUsers, int idcGroups, int sets) {
    this.accounts = accounts;
    this.roles = roles;
    this.users = users;
    this.idcUsers = idcUsers;
    this.idcGroups = idcGroups;
    this.sets = sets;
    for (int a = 0; a < accounts; a++) {
      setsByAccount.add(new TreeSet<>());
    }
    for (int g = 0; g < idcGroups; g++) {
      for (int a : groupAccounts(g)) {
        setsByAccount.get(a).add(g % sets);
      }
    }
    for (int u = 0; u < idcUsers; u += 10) {
      setsByAccount.get(u % accounts).add(u % sets);
    }
  }

  static String account(int i) {
    return String.format("3%011d", i + 1);
  }

  String management() {
    return account(0);
  }

  Coverage coverage() {
    var ids = new ArrayList<String>();
    for (int a = 0; a < accounts; a++) {
      ids.add(account(a));
    }
    return Coverage.of(ids, true, false);
  }

  /** The accounts Identity Center group {@code g} is assigned in. */
  List<Integer> groupAccounts(int g) {
    var out = new ArrayList<Integer>();
    for (int k = 0; k < Math.min(ACCOUNTS_PER_GROUP, accounts); k++) {
      int a = (g * 37 + k * 50) % accounts;
      if (!out.contains(a)) {
        out.add(a);
      }
    }
    return out;
  }

  void write(Consumer<Item> sink) {
    for (int a = 0; a < accounts; a++) {
      account(a, sink);
    }
    identityCenter(sink);
  }

  private void account(int index, Consumer<Item> sink) {
    String a = account(index);
    for (String arn : List.of(ADMIN, READ_ONLY, POWER)) {
      sink.accept(managed(Kind.AWS_POLICY, a, arn, awsDocument(arn)));
    }
    String pol = "arn:aws:iam::" + a + ":policy/";
    String roleArn = "arn:aws:iam::" + a + ":role/";
    sink.accept(managed(Kind.LOCAL_POLICY, a, pol + "app-s3", doc(allow("arn:aws:s3:::" + a + "-app-*", "s3:*"))));
    sink.accept(managed(Kind.LOCAL_POLICY, a, pol + "app-assume", doc(allow(roleArn + "app-*", "sts:AssumeRole"))));
    sink.accept(managed(Kind.LOCAL_POLICY, a, pol + "ci-deploy", doc(allow(roleArn + "app-*", "iam:PassRole"),
        allow("*", "lambda:*", "cloudformation:*"))));
    sink.accept(managed(Kind.LOCAL_POLICY, a, pol + "helpdesk", doc(allow("arn:aws:iam::" + a + ":user/*",
        "iam:CreateAccessKey", "iam:UpdateLoginProfile"))));
    var groups = List.of("admins", "developers", "readers", "helpdesk", "ci");
    var attached = List.of(List.of(ADMIN), List.of(pol + "app-s3", pol + "app-assume"), List.of(READ_ONLY),
        List.of(pol + "helpdesk"), List.of(pol + "ci-deploy"));
    for (int g = 0; g < groups.size(); g++) {
      var d = entity("arn:aws:iam::" + a + ":group/" + groups.get(g), "groupName", groups.get(g));
      attached.get(g).forEach(p -> attach(d, p));
      sink.accept(new Item(Kind.GROUP, a, Item.GLOBAL, d.get("arn").asText(), groups.get(g), d));
    }
    for (int u = 0; u < users; u++) {
      String name = String.format("u%02d", u);
      var d = entity("arn:aws:iam::" + a + ":user/" + name, "userName", name);
      int g = u < 2 ? 0 : u < 9 ? 1 : u < 17 ? 2 : u < 18 ? 3 : 4;
      d.withArray("groups").add(groups.get(g));
      d.put("passwordEnabled", u % 3 == 0).put("mfaActive", u % 2 == 0);
      sink.accept(new Item(Kind.USER, a, Item.GLOBAL, d.get("arn").asText(), name, d));
    }
    if (index == 0) {
      var d = entity("arn:aws:iam::" + a + ":user/" + OPERATOR, "userName", OPERATOR);
      inline(d, "everywhere", doc(allow("arn:aws:iam::*:role/OrganizationAccountAccessRole", "sts:AssumeRole")));
      d.put("mfaActive", true);
      sink.accept(new Item(Kind.USER, a, Item.GLOBAL, d.get("arn").asText(), OPERATOR, d));
      var auditor = role(a, "/", "Auditor", trust("arn:aws:iam::" + a + ":root"));
      inline(auditor, "audit", doc(allow("arn:aws:iam::*:role/SecurityAudit", "sts:AssumeRole")));
      sink.accept(roleItem(a, auditor));
    }
    int made = 0;
    sink.accept(roleItem(a, attach(role(a, "/", "OrganizationAccountAccessRole", trust("arn:aws:iam::" + management()
        + ":root")), ADMIN)));
    sink.accept(roleItem(a, attach(role(a, "/", "SecurityAudit", trust("arn:aws:iam::" + management()
        + ":role/Auditor")), READ_ONLY)));
    made += 2;
    for (int s : setsByAccount.get(index)) {
      var reserved = role(a, IdentityCenterLinks.RESERVED_PATH, "AWSReservedSSO_" + setName(s) + "_"
          + String.format("%016x", (long) index * 1000 + s), saml(a));
      setPolicies(s).forEach(p -> attach(reserved, p));
      sink.accept(roleItem(a, reserved));
      made++;
    }
    var ec2 = attach(role(a, "/", "app-ec2", service("ec2.amazonaws.com")), READ_ONLY);
    ec2.putArray("instanceProfiles").add("arn:aws:iam::" + a + ":instance-profile/app-ec2");
    sink.accept(roleItem(a, ec2));
    sink.accept(roleItem(a, attach(role(a, "/", "app-lambda-admin", service("lambda.amazonaws.com")), ADMIN)));
    sink.accept(roleItem(a, attach(role(a, "/", "app-lambda", service("lambda.amazonaws.com")), pol + "app-s3")));
    made += 3;
    if (index % 100 == 50) {
      var open = trust("*");
      open.putObject("Condition").putObject("StringEquals").put("aws:PrincipalOrgID", "o-bench");
      sink.accept(roleItem(a, attach(role(a, "/", "public-read", open), READ_ONLY)));
      made++;
    }
    if (index % 50 == 25) {
      var partner = trust("arn:aws:iam::9" + a.substring(1) + ":root");
      partner.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", "partner-" + index);
      sink.accept(roleItem(a, attach(role(a, "/", "partner", partner), READ_ONLY)));
      made++;
    }
    for (int r = 0; made < roles; r++, made++) {
      var app = role(a, "/", String.format("app-%02d", r), trust("arn:aws:iam::" + a + ":root"));
      if (r % 10 == 0) {
        attach(app, POWER);
      } else {
        inline(app, "own", doc(allow("arn:aws:dynamodb:*:" + a + ":table/app-" + r + "-*", "dynamodb:*"),
            allow("arn:aws:s3:::" + a + "-app-" + r + "/*", "s3:GetObject", "s3:PutObject")));
      }
      sink.accept(roleItem(a, app));
    }
  }

  private void identityCenter(Consumer<Item> sink) {
    String m = management();
    var inst = Json.mapper().createObjectNode().put("instanceArn", INSTANCE).put("identityStoreId", STORE)
        .put("ownerAccountId", m).put("region", "us-east-1");
    sink.accept(new Item(Kind.IDC_INSTANCE, m, "us-east-1", INSTANCE, INSTANCE, inst));
    for (int u = 0; u < idcUsers; u++) {
      var d = Json.mapper().createObjectNode().put("identityStoreId", STORE).put("userId", userId(u))
          .put("userName", userName(u)).put("displayName", userName(u));
      sink.accept(new Item(Kind.IDC_USER, m, "us-east-1", STORE + "/" + userId(u), userName(u), d));
    }
    var members = new ArrayList<List<String>>();
    for (int g = 0; g < idcGroups; g++) {
      members.add(new ArrayList<>());
    }
    for (int u = 0; u < idcUsers; u++) {
      var mine = new HashSet<Integer>(List.of(u % idcGroups, (u * 7 + 1) % idcGroups, (u * 13 + 5) % idcGroups));
      for (int g : mine) {
        members.get(g).add(userId(u));
      }
    }
    for (int g = 0; g < idcGroups; g++) {
      var d = Json.mapper().createObjectNode().put("identityStoreId", STORE).put("groupId", "g-" + g)
          .put("displayName", "team-" + g);
      var arr = d.putArray("members");
      members.get(g).forEach(arr::add);
      sink.accept(new Item(Kind.IDC_GROUP, m, "us-east-1", STORE + "/g-" + g, "team-" + g, d));
    }
    for (int s = 0; s < sets; s++) {
      var d = Json.mapper().createObjectNode().put("instanceArn", INSTANCE).put("permissionSetArn", setArn(s))
          .put("name", setName(s));
      var aws = d.putArray("awsManagedPolicies");
      setPolicies(s).forEach(aws::add);
      d.putArray("customerManagedPolicies");
      d.putNull("inlinePolicy");
      d.putNull("permissionsBoundary");
      var prov = d.putArray("provisionedAccounts");
      for (int a = 0; a < accounts; a++) {
        if (setsByAccount.get(a).contains(s)) {
          prov.add(account(a));
        }
      }
      sink.accept(new Item(Kind.PERMISSION_SET, m, "us-east-1", setArn(s), setName(s), d));
    }
    for (int g = 0; g < idcGroups; g++) {
      for (int a : groupAccounts(g)) {
        sink.accept(assignment(g % sets, account(a), "GROUP", "g-" + g));
      }
    }
    for (int u = 0; u < idcUsers; u += 10) {
      sink.accept(assignment(u % sets, account(u % accounts), "USER", userId(u)));
    }
  }

  static String userId(int u) {
    return String.format("u-%06d", u);
  }

  static String userName(int u) {
    return String.format("person%05d", u);
  }

  static String setName(int s) {
    return String.format("Set%02d", s);
  }

  static String setArn(int s) {
    return "arn:aws:sso:::permissionSet/ssoins-3000000000000001/ps-" + String.format("%016d", s);
  }

  static List<String> setPolicies(int s) {
    return List.of(s % 10 == 0 ? ADMIN : s % 3 == 0 ? POWER : READ_ONLY);
  }

  private Item assignment(int set, String account, String type, String principal) {
    var d = Json.mapper().createObjectNode().put("instanceArn", INSTANCE).put("permissionSetArn", setArn(set))
        .put("accountId", account).put("principalType", type).put("principalId", principal);
    String id = setArn(set) + "|" + account + "|" + type + "|" + principal;
    return new Item(Kind.ACCOUNT_ASSIGNMENT, management(), "us-east-1", id, id, d);
  }

  private static ObjectNode awsDocument(String arn) {
    if (arn.equals(ADMIN)) {
      return doc(allow("*", "*"));
    }
    if (arn.equals(READ_ONLY)) {
      return doc(allow("*", "*:Describe*", "*:Get*", "*:List*"));
    }
    var power = Json.mapper().createObjectNode().put("Effect", "Allow").put("Resource", "*");
    power.putArray("NotAction").add("iam:*").add("organizations:*").add("account:*");
    return doc(power, allow("*", "iam:CreateServiceLinkedRole", "iam:ListRoles", "organizations:DescribeOrganization"));
  }

  private static Item managed(Kind kind, String account, String arn, ObjectNode document) {
    String name = arn.substring(arn.lastIndexOf('/') + 1);
    var d = Json.mapper().createObjectNode().put("arn", arn).put("policyName", name).put("defaultVersionId", "v1");
    d.set("document", document);
    return new Item(kind, account, Item.GLOBAL, arn, name, d);
  }

  private static ObjectNode entity(String arn, String nameField, String name) {
    var d = Json.mapper().createObjectNode().put("arn", arn).put(nameField, name).put("path", "/");
    d.putArray("groups");
    d.putArray("attachedPolicies");
    d.putArray("inlinePolicies");
    return d;
  }

  private static ObjectNode role(String account, String path, String name, ObjectNode trust) {
    var d = entity("arn:aws:iam::" + account + ":role" + path + name, "roleName", name).put("path", path);
    d.remove("groups");
    d.set("trustPolicy", doc(trust));
    return d;
  }

  private static Item roleItem(String account, ObjectNode role) {
    return new Item(Kind.ROLE, account, Item.GLOBAL, role.get("arn").asText(), role.get("roleName").asText(), role);
  }

  private static ObjectNode attach(ObjectNode entity, String arn) {
    ((ArrayNode) entity.get("attachedPolicies")).addObject().put("policyArn", arn)
        .put("policyName", arn.substring(arn.lastIndexOf('/') + 1));
    return entity;
  }

  private static void inline(ObjectNode entity, String name, ObjectNode document) {
    ((ArrayNode) entity.get("inlinePolicies")).addObject().put("policyName", name).set("document", document);
  }

  private static ObjectNode trust(String principal) {
    var s = Json.mapper().createObjectNode().put("Effect", "Allow");
    s.putObject("Principal").put("AWS", principal);
    return s.put("Action", "sts:AssumeRole");
  }

  private static ObjectNode service(String service) {
    var s = Json.mapper().createObjectNode().put("Effect", "Allow");
    s.putObject("Principal").put("Service", service);
    return s.put("Action", "sts:AssumeRole");
  }

  private static ObjectNode saml(String account) {
    var s = Json.mapper().createObjectNode().put("Effect", "Allow");
    s.putObject("Principal").put("Federated", "arn:aws:iam::" + account
        + ":saml-provider/AWSSSO_3000000000000001_DO_NOT_DELETE");
    return s.put("Action", "sts:AssumeRoleWithSAML");
  }

  private static ObjectNode doc(ObjectNode... statements) {
    var d = Json.mapper().createObjectNode().put("Version", "2012-10-17");
    var st = d.putArray("Statement");
    for (var s : statements) {
      st.add(s);
    }
    return d;
  }

  private static ObjectNode allow(String resource, String... actions) {
    var s = Json.mapper().createObjectNode().put("Effect", "Allow");
    var a = s.putArray("Action");
    for (String x : actions) {
      a.add(x);
    }
    return s.put("Resource", resource);
  }
}
