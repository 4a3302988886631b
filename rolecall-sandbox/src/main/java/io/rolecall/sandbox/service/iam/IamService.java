package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.World;
import io.rolecall.sandbox.auth.Principal;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.UriEncoding;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.QueryProtocol;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * IAM over the query protocol (version 2010-05-08): the account password policy, plus the user, role and policy
 * calls that let the AWS CLI or SDK build state too. Every call acts on the caller's account and is authorized
 * against the caller's identity policies.
 */
public final class IamService implements Service {
  public static final QueryProtocol PROTOCOL = new QueryProtocol("https://iam.amazonaws.com/doc/2010-05-08/");
  private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
  private static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");

  private final World world;
  private final Paginator pages = new Paginator(() -> AwsException.badRequest("InvalidInput", "Invalid Marker."));
  private final AuthorizationDetails authorizationDetails = new AuthorizationDetails();
  private final IamCredentialCalls credentialCalls = new IamCredentialCalls();
  private final SamlProviderCalls samlProviderCalls = new SamlProviderCalls();

  public IamService(World world) {
    this.world = world;
  }

  @Override public String signingName() { return "iam"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    return switch (call.action()) {
      case "GetAccountPasswordPolicy" -> getPasswordPolicy(call);
      case "UpdateAccountPasswordPolicy" -> updatePasswordPolicy(call);
      case "DeleteAccountPasswordPolicy" -> deletePasswordPolicy(call);
      case "CreateUser" -> createUser(call);
      case "GetUser" -> getUser(call);
      case "ListUsers" -> listUsers(call);
      case "CreateAccessKey" -> createAccessKey(call);
      case "PutUserPolicy" -> putUserPolicy(call);
      case "AttachUserPolicy" -> attachUserPolicy(call);
      case "CreateRole" -> createRole(call);
      case "GetRole" -> getRole(call);
      case "ListRoles" -> listRoles(call);
      case "UpdateAssumeRolePolicy" -> updateAssumeRolePolicy(call);
      case "PutRolePolicy" -> putRolePolicy(call);
      case "AttachRolePolicy" -> attachRolePolicy(call);
      case "CreatePolicy" -> createPolicy(call);
      case "ListPolicies" -> listPolicies(call);
      case "CreateGroup" -> createGroup(call);
      case "ListGroups" -> listGroups(call);
      case "AddUserToGroup" -> addUserToGroup(call);
      case "PutGroupPolicy" -> putGroupPolicy(call);
      case "AttachGroupPolicy" -> attachGroupPolicy(call);
      case "GetAccountAuthorizationDetails" -> authorizationDetails.handle(call);
      case "ListAccessKeys" -> credentialCalls.listAccessKeys(call);
      case "GetAccessKeyLastUsed" -> credentialCalls.getAccessKeyLastUsed(call);
      case "ListMFADevices" -> credentialCalls.listMfaDevices(call);
      case "ListVirtualMFADevices" -> credentialCalls.listVirtualMfaDevices(call);
      case "CreateVirtualMFADevice" -> credentialCalls.createVirtualMfaDevice(call);
      case "EnableMFADevice" -> credentialCalls.enableMfaDevice(call);
      case "CreateLoginProfile" -> credentialCalls.createLoginProfile(call);
      case "GetLoginProfile" -> credentialCalls.getLoginProfile(call);
      case "DeleteLoginProfile" -> credentialCalls.deleteLoginProfile(call);
      case "UpdateAccessKey" -> credentialCalls.updateAccessKey(call);
      case "CreateInstanceProfile" -> credentialCalls.createInstanceProfile(call);
      case "GetInstanceProfile" -> credentialCalls.getInstanceProfile(call);
      case "AddRoleToInstanceProfile" -> credentialCalls.changeInstanceProfileRole(call, true);
      case "RemoveRoleFromInstanceProfile" -> credentialCalls.changeInstanceProfileRole(call, false);
      case "GenerateCredentialReport" -> credentialCalls.generateCredentialReport(call);
      case "GetCredentialReport" -> credentialCalls.getCredentialReport(call);
      case "ListSAMLProviders" -> samlProviderCalls.list(call);
      case "GetSAMLProvider" -> samlProviderCalls.get(call);
      default -> throw PROTOCOL.unknownOperation(call.action());
    };
  }

  // ---- password policy

  private Reply getPasswordPolicy(Call call) {
    call.authorize("iam:GetAccountPasswordPolicy", "*");
    var iam = call.account().iam();
    var p = iam.passwordPolicy().orElseThrow(iam::noPasswordPolicy);
    return ok(call, x -> x.nest("PasswordPolicy", pp -> pp
        .el("MinimumPasswordLength", p.minimumPasswordLength())
        .el("RequireSymbols", p.requireSymbols())
        .el("RequireNumbers", p.requireNumbers())
        .el("RequireUppercaseCharacters", p.requireUppercaseCharacters())
        .el("RequireLowercaseCharacters", p.requireLowercaseCharacters())
        .el("AllowUsersToChangePassword", p.allowUsersToChangePassword())
        .el("ExpirePasswords", p.expirePasswords())
        .el("MaxPasswordAge", p.maxPasswordAge() > 0 ? p.maxPasswordAge() : null)
        .el("PasswordReusePrevention", p.passwordReusePrevention() > 0 ? p.passwordReusePrevention() : null)
        .el("HardExpiry", p.hardExpiry() ? true : null)));
  }

  /** Replace semantics, as IAM: every field not sent takes its default (false, 6, not set). */
  private Reply updatePasswordPolicy(Call call) {
    var q = call.params();
    var d = PasswordPolicy.updateDefaults();
    var policy = new PasswordPolicy(
        or(q.integer("MinimumPasswordLength", 6, 128), d.minimumPasswordLength()),
        or(q.bool("RequireSymbols"), false),
        or(q.bool("RequireNumbers"), false),
        or(q.bool("RequireUppercaseCharacters"), false),
        or(q.bool("RequireLowercaseCharacters"), false),
        or(q.bool("AllowUsersToChangePassword"), false),
        or(q.integer("MaxPasswordAge", 1, 1095), 0),
        or(q.integer("PasswordReusePrevention", 1, 24), 0),
        or(q.bool("HardExpiry"), false));
    call.authorize("iam:UpdateAccountPasswordPolicy", "*");
    call.account().iam().setPasswordPolicy(policy);
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  private Reply deletePasswordPolicy(Call call) {
    call.authorize("iam:DeleteAccountPasswordPolicy", "*");
    call.account().iam().deletePasswordPolicy();
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  // ---- users

  private Reply createUser(Call call) {
    String name = name(call, "UserName", 64);
    String path = path(call);
    call.authorize("iam:CreateUser", arn(call, "user", path, name));
    var user = call.account().iam().createUser(name, path);
    return ok(call, x -> x.nest("User", u -> user(u, user)));
  }

  private Reply getUser(Call call) {
    String name = call.params().get("UserName");
    if (name == null) {
      switch (call.principal()) {
        case Principal.User u -> name = u.name();
        case Principal.Root r -> {
          call.authorize("iam:GetUser", r.arn());
          return ok(call, x -> x.nest("User", u -> u.el("UserId", r.accountId()).el("Arn", r.arn())
              .el("CreateDate", call.account().world().clock().now())));
        }
        case Principal.AssumedRole ar -> throw AwsException.badRequest("ValidationError",
            "Must specify userName when calling with non-User credentials");
      }
    }
    var user = call.account().iam().user(name);
    call.authorize("iam:GetUser", arn(call, "user", user.map(IamUser::path).orElse("/"), name));
    var found = call.account().iam().requireUser(name);
    return ok(call, x -> x.nest("User", u -> user(u, found)));
  }

  private Reply listUsers(Call call) {
    call.authorize("iam:ListUsers", "*");
    return list(call, "Users", call.account().iam().users(), IamUser::path, IamUser::name, IamService::user);
  }

  private Reply createAccessKey(Call call) {
    String name = call.params().get("UserName");
    if (name == null) {
      if (!(call.principal() instanceof Principal.User u)) {
        throw AwsException.badRequest("ValidationError", "Must specify userName when calling with non-User credentials");
      }
      name = u.name();
    }
    var user = call.account().iam().requireUser(name);
    call.authorize("iam:CreateAccessKey", user.arn());
    AccessKey key = call.account().iam().createAccessKey(name);
    return ok(call, x -> x.nest("AccessKey", k -> k.el("UserName", user.name()).el("AccessKeyId", key.accessKeyId())
        .el("Status", "Active").el("SecretAccessKey", key.secretAccessKey())
        .el("CreateDate", world.credential(key.accessKeyId()).orElseThrow().created())));
  }

  private Reply putUserPolicy(Call call) {
    var q = call.params();
    var user = call.account().iam().requireUser(q.require("UserName"));
    call.authorize("iam:PutUserPolicy", user.arn());
    call.account().iam().putUserPolicy(user.name(), name(call, "PolicyName", 128), q.require("PolicyDocument"));
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  private Reply attachUserPolicy(Call call) {
    var user = call.account().iam().requireUser(call.params().require("UserName"));
    call.authorize("iam:AttachUserPolicy", user.arn());
    call.account().iam().attachUserPolicy(user.name(), call.params().require("PolicyArn"));
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  // ---- roles

  private Reply createRole(Call call) {
    var q = call.params();
    String name = name(call, "RoleName", 64);
    String path = path(call);
    String trust = q.require("AssumeRolePolicyDocument");
    Integer max = q.integer("MaxSessionDuration", 3600, 43200);
    String description = q.string("Description", 0, 1000);
    call.authorize("iam:CreateRole", arn(call, "role", path, name));
    var role = call.account().iam().createRole(name, path, trust, max == null ? IamRole.DEFAULT_MAX_SESSION_DURATION : max,
        description);
    return ok(call, x -> x.nest("Role", r -> role(r, role)));
  }

  private Reply getRole(Call call) {
    var role = call.account().iam().requireRole(call.params().require("RoleName"));
    call.authorize("iam:GetRole", role.arn());
    return ok(call, x -> x.nest("Role", r -> role(r, role)));
  }

  private Reply listRoles(Call call) {
    call.authorize("iam:ListRoles", "*");
    return list(call, "Roles", call.account().iam().roles(), IamRole::path, IamRole::name, IamService::role);
  }

  private Reply updateAssumeRolePolicy(Call call) {
    var role = call.account().iam().requireRole(call.params().require("RoleName"));
    call.authorize("iam:UpdateAssumeRolePolicy", role.arn());
    call.account().iam().updateTrustPolicy(role.name(), call.params().require("PolicyDocument"));
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  private Reply putRolePolicy(Call call) {
    var q = call.params();
    var role = call.account().iam().requireRole(q.require("RoleName"));
    call.authorize("iam:PutRolePolicy", role.arn());
    call.account().iam().putRolePolicy(role.name(), name(call, "PolicyName", 128), q.require("PolicyDocument"));
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  private Reply attachRolePolicy(Call call) {
    var role = call.account().iam().requireRole(call.params().require("RoleName"));
    call.authorize("iam:AttachRolePolicy", role.arn());
    call.account().iam().attachRolePolicy(role.name(), call.params().require("PolicyArn"));
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  private Reply createPolicy(Call call) {
    String name = name(call, "PolicyName", 128);
    String path = path(call);
    call.authorize("iam:CreatePolicy", arn(call, "policy", path, name));
    var p = call.account().iam().createPolicy(name, path, call.params().require("PolicyDocument"));
    return ok(call, x -> x.nest("Policy", e -> e.el("PolicyName", p.name()).el("DefaultVersionId", "v1")
        .el("PolicyId", p.policyId()).el("Path", p.path()).el("Arn", p.arn()).el("AttachmentCount", 0)
        .el("IsAttachable", true).el("CreateDate", p.createDate()).el("UpdateDate", p.createDate())));
  }

  // ---- groups and policy listings

  private Reply createGroup(Call call) {
    String name = name(call, "GroupName", 128);
    String path = path(call);
    call.authorize("iam:CreateGroup", arn(call, "group", path, name));
    var g = call.account().iam().createGroup(name, path);
    return ok(call, x -> x.nest("Group", e -> group(e, g)));
  }

  private Reply listGroups(Call call) {
    call.authorize("iam:ListGroups", "*");
    return list(call, "Groups", call.account().iam().groups(), IamGroup::path, IamGroup::name, IamService::group);
  }

  private Reply addUserToGroup(Call call) {
    var group = call.account().iam().requireGroup(call.params().require("GroupName"));
    call.authorize("iam:AddUserToGroup", group.arn());
    call.account().iam().addUserToGroup(group.name(), call.params().require("UserName"));
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  private Reply putGroupPolicy(Call call) {
    var q = call.params();
    var group = call.account().iam().requireGroup(q.require("GroupName"));
    call.authorize("iam:PutGroupPolicy", group.arn());
    call.account().iam().putGroupPolicy(group.name(), name(call, "PolicyName", 128), q.require("PolicyDocument"));
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  private Reply attachGroupPolicy(Call call) {
    var group = call.account().iam().requireGroup(call.params().require("GroupName"));
    call.authorize("iam:AttachGroupPolicy", group.arn());
    call.account().iam().attachGroupPolicy(group.name(), call.params().require("PolicyArn"));
    return PROTOCOL.ok(call.action(), call.requestId());
  }

  /** Scope All|AWS|Local and OnlyAttached, as IAM; AWS-managed policies are the sandbox's few. */
  private Reply listPolicies(Call call) {
    call.authorize("iam:ListPolicies", "*");
    var q = call.params();
    String scope = q.get("Scope") == null ? "All" : q.get("Scope");
    if (!List.of("All", "AWS", "Local").contains(scope)) {
      throw AwsException.badRequest("ValidationError", Validation.failed("Scope", scope,
          "Member must satisfy enum value set: [All, AWS, Local]"));
    }
    boolean onlyAttached = Boolean.TRUE.equals(q.bool("OnlyAttached"));
    var iam = call.account().iam();
    var counts = iam.attachmentCounts();
    var all = new java.util.ArrayList<ManagedPolicy>();
    if (!scope.equals("AWS")) all.addAll(iam.policies());
    if (!scope.equals("Local")) AwsManagedPolicies.all().forEach(all::add);
    var policies = all.stream().filter(p -> !onlyAttached || counts.containsKey(p.arn())).toList();
    return list(call, "Policies", policies, ManagedPolicy::path, ManagedPolicy::arn, (x, p) -> x
        .el("PolicyName", p.name()).el("PolicyId", p.policyId()).el("Arn", p.arn()).el("Path", p.path())
        .el("DefaultVersionId", "v1").el("AttachmentCount", counts.getOrDefault(p.arn(), 0))
        .el("PermissionsBoundaryUsageCount", 0).el("IsAttachable", true).el("CreateDate", p.createDate())
        .el("UpdateDate", p.createDate()));
  }

  // ---- rendering and helpers

  private static void group(Xml x, IamGroup g) {
    x.el("Path", g.path()).el("GroupName", g.name()).el("GroupId", g.groupId()).el("Arn", g.arn())
        .el("CreateDate", g.createDate());
  }

  private static void user(Xml x, IamUser u) {
    x.el("Path", u.path()).el("UserName", u.name()).el("UserId", u.userId()).el("Arn", u.arn())
        .el("CreateDate", u.createDate());
  }

  /** IAM returns policy documents URL-encoded inside the XML; clients decode them. */
  private static void role(Xml x, IamRole r) {
    x.el("Path", r.path()).el("RoleName", r.name()).el("RoleId", r.roleId()).el("Arn", r.arn())
        .el("CreateDate", r.createDate())
        .el("AssumeRolePolicyDocument", UriEncoding.encode(r.trustPolicy().json(), false))
        .el("Description", r.description()).el("MaxSessionDuration", r.maxSessionDuration());
  }

  /** Marker/MaxItems/IsTruncated pagination with an optional PathPrefix, shared by the List calls. */
  private <T> Reply list(Call call, String element, List<T> items, Function<T, String> pathOf,
                         Function<T, String> nameOf, java.util.function.BiConsumer<Xml, T> render) {
    var q = call.params();
    String prefix = q.get("PathPrefix") == null ? "/" : q.get("PathPrefix");
    Integer max = q.integer("MaxItems", 1, 1000);
    var matching = items.stream().filter(i -> pathOf.apply(i).startsWith(prefix)).toList();
    String scope = "iam:" + call.action() + ":" + call.account().id() + ":" + prefix;
    var page = pages.page(scope, matching, i -> nameOf.apply(i).toLowerCase(java.util.Locale.ROOT),
        q.get("Marker"), max == null ? 100 : max);
    return ok(call, x -> x.list(element, "member", page.items(), render)
        .el("IsTruncated", page.truncated()).el("Marker", page.nextToken()));
  }

  static Reply ok(Call call, java.util.function.Consumer<Xml> result) {
    return PROTOCOL.ok(call.action(), call.requestId(), result);
  }

  private static String name(Call call, String param, int maxLength) {
    String v = call.params().require(param);
    if (v.isEmpty()) throw AwsException.badRequest("ValidationError", Validation.minLength(param, v, 1));
    if (v.length() > maxLength) throw AwsException.badRequest("ValidationError", Validation.maxLength(param, v, maxLength));
    if (!NAME.matcher(v).matches()) throw AwsException.badRequest("ValidationError", Validation.pattern(param, v, "[\\w+=,.@-]+"));
    return v;
  }

  private static String path(Call call) {
    String path = call.params().get("Path");
    if (path == null) return "/";
    if (!PATH.matcher(path).matches()) {
      throw AwsException.badRequest("ValidationError", Validation.pattern("Path", path,
          "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"));
    }
    return path;
  }

  private static String arn(Call call, String type, String path, String name) {
    return "arn:aws:iam::" + call.account().id() + ":" + type + path + name;
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
