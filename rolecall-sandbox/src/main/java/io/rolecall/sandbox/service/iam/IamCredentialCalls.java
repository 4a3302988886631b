package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.World.KeyUse;
import io.rolecall.sandbox.auth.Principal;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.service.Call;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The IAM calls about users' credentials: access keys and their last use, MFA devices, console passwords and the
 * credential report (Content is the CSV, base64-encoded on the wire as IAM sends it).
 */
final class IamCredentialCalls {
  private final Paginator pages = new Paginator(() -> AwsException.badRequest("InvalidInput", "Invalid Marker."));

  Reply listAccessKeys(Call call) {
    var user = call.account().iam().requireUser(userName(call));
    call.authorize("iam:ListAccessKeys", user.arn());
    var iam = call.account().iam();
    return IamService.ok(call, x -> x.list("AccessKeyMetadata", "member", iam.accessKeys(user.name()), (m, k) -> m
            .el("UserName", user.name()).el("AccessKeyId", k.accessKeyId())
            .el("Status", iam.credentials().active(k.accessKeyId()) ? "Active" : "Inactive").el("CreateDate", k.created()))
        .el("IsTruncated", false));
  }

  Reply getAccessKeyLastUsed(Call call) {
    String keyId = call.params().require("AccessKeyId");
    var world = call.world();
    var key = world.credential(keyId).filter(c -> !c.temporary())
        .filter(c -> c.principal().accountId().equals(call.account().id()))
        .orElseThrow(() -> IamState.noSuchEntity("The Access Key with id " + keyId + " cannot be found."));
    call.authorize("iam:GetAccessKeyLastUsed", key.principal().arn());
    var use = world.lastUse(keyId);
    String owner = key.principal() instanceof Principal.User u ? u.name() : null;
    return IamService.ok(call, x -> x.el("UserName", owner).nest("AccessKeyLastUsed", u -> u
        .el("LastUsedDate", use.map(KeyUse::when).orElse(null))
        .el("ServiceName", use.map(KeyUse::service).orElse("N/A"))
        .el("Region", use.map(KeyUse::region).orElse("N/A"))));
  }

  Reply listMfaDevices(Call call) {
    var user = call.account().iam().requireUser(userName(call));
    call.authorize("iam:ListMFADevices", user.arn());
    var devices = call.account().iam().credentials().mfaDevicesOf(user.name());
    return IamService.ok(call, x -> x.list("MFADevices", "member", devices, (m, d) -> m.el("UserName", d.userName())
        .el("SerialNumber", d.serialNumber()).el("EnableDate", d.enableDate())).el("IsTruncated", false));
  }

  Reply listVirtualMfaDevices(Call call) {
    call.authorize("iam:ListVirtualMFADevices", "*");
    var q = call.params();
    String status = q.get("AssignmentStatus") == null ? "Any" : q.get("AssignmentStatus");
    if (!status.equals("Any") && !status.equals("Assigned") && !status.equals("Unassigned")) {
      throw AwsException.badRequest("ValidationError", Validation.failed("AssignmentStatus", status,
          "Member must satisfy enum value set: [Unassigned, Any, Assigned]"));
    }
    Integer max = q.integer("MaxItems", 1, 1000);
    var iam = call.account().iam();
    var devices = iam.credentials().virtualMfaDevices(false).stream()
        .filter(d -> status.equals("Any") || d.assigned() == status.equals("Assigned")).toList();
    var page = pages.page("iam:ListVirtualMFADevices:" + iam.accountId() + ":" + status, devices,
        MfaDevice::serialNumber, q.get("Marker"), max == null ? 100 : max);
    return IamService.ok(call, x -> x.list("VirtualMFADevices", "member", page.items(), (m, d) -> {
      m.el("SerialNumber", d.serialNumber());
      if (d.assigned()) {
        var u = iam.requireUser(d.userName());
        m.nest("User", e -> e.el("Path", u.path()).el("UserName", u.name()).el("UserId", u.userId())
            .el("Arn", u.arn()).el("CreateDate", u.createDate()));
        m.el("EnableDate", d.enableDate());
      }
    }).el("IsTruncated", page.truncated()).el("Marker", page.nextToken()));
  }

  Reply createVirtualMfaDevice(Call call) {
    String name = call.params().require("VirtualMFADeviceName");
    call.authorize("iam:CreateVirtualMFADevice", "arn:aws:iam::" + call.account().id() + ":mfa/" + name);
    String serial = call.account().iam().credentials().createVirtualMfaDevice(name);
    return IamService.ok(call, x -> x.nest("VirtualMFADevice", d -> d.el("SerialNumber", serial)));
  }

  Reply enableMfaDevice(Call call) {
    var q = call.params();
    var user = call.account().iam().requireUser(q.require("UserName"));
    call.authorize("iam:EnableMFADevice", user.arn());
    call.account().iam().credentials().enableMfaDevice(user.name(), q.require("SerialNumber"));
    return IamService.PROTOCOL.ok(call.action(), call.requestId());
  }

  Reply createLoginProfile(Call call) {
    var user = call.account().iam().requireUser(call.params().require("UserName"));
    call.params().require("Password");
    call.authorize("iam:CreateLoginProfile", user.arn());
    call.account().iam().credentials().createLoginProfile(user.name(), null);
    var profile = call.account().iam().credentials().loginProfile(user.name()).orElseThrow();
    return IamService.ok(call, x -> x.nest("LoginProfile", p -> p.el("UserName", user.name())
        .el("CreateDate", profile.createDate()).el("PasswordResetRequired", false)));
  }

  /** UpdateAccessKey: Status Active|Inactive of one of the user's keys (the caller's own when UserName is absent). */
  Reply updateAccessKey(Call call) {
    var q = call.params();
    String keyId = q.require("AccessKeyId");
    String status = q.require("Status");
    if (!status.equals("Active") && !status.equals("Inactive")) {
      throw AwsException.badRequest("ValidationError", Validation.failed("status", status,
          "Member must satisfy enum value set: [Active, Inactive, Expired]"));
    }
    var iam = call.account().iam();
    var user = iam.requireUser(userName(call));
    call.authorize("iam:UpdateAccessKey", user.arn());
    if (iam.accessKeys(user.name()).stream().noneMatch(k -> k.accessKeyId().equals(keyId))) {
      throw IamState.noSuchEntity("The Access Key with id " + keyId + " cannot be found.");
    }
    iam.credentials().setAccessKeyActive(keyId, status.equals("Active"));
    return IamService.PROTOCOL.ok(call.action(), call.requestId());
  }

  Reply getLoginProfile(Call call) {
    var user = call.account().iam().requireUser(userName(call));
    call.authorize("iam:GetLoginProfile", user.arn());
    var profile = call.account().iam().credentials().loginProfile(user.name()).orElseThrow(() ->
        IamState.noSuchEntity("Login Profile for User " + user.name() + " cannot be found."));
    return IamService.ok(call, x -> x.nest("LoginProfile", p -> p.el("UserName", user.name())
        .el("CreateDate", profile.createDate()).el("PasswordResetRequired", false)));
  }

  Reply deleteLoginProfile(Call call) {
    var user = call.account().iam().requireUser(userName(call));
    call.authorize("iam:DeleteLoginProfile", user.arn());
    call.account().iam().credentials().deleteLoginProfile(user.name());
    return IamService.PROTOCOL.ok(call.action(), call.requestId());
  }

  Reply createInstanceProfile(Call call) {
    String name = call.params().require("InstanceProfileName");
    call.authorize("iam:CreateInstanceProfile", "arn:aws:iam::" + call.account().id() + ":instance-profile/" + name);
    var p = InstanceProfiles.of(call.account()).create(name);
    return IamService.ok(call, x -> x.nest("InstanceProfile", e -> profile(e, p, call)));
  }

  Reply getInstanceProfile(Call call) {
    String name = call.params().require("InstanceProfileName");
    call.authorize("iam:GetInstanceProfile", "arn:aws:iam::" + call.account().id() + ":instance-profile/" + name);
    var p = InstanceProfiles.of(call.account()).require(name);
    return IamService.ok(call, x -> x.nest("InstanceProfile", e -> profile(e, p, call)));
  }

  Reply changeInstanceProfileRole(Call call, boolean add) {
    var q = call.params();
    String name = q.require("InstanceProfileName");
    String role = q.require("RoleName");
    call.authorize(add ? "iam:AddRoleToInstanceProfile" : "iam:RemoveRoleFromInstanceProfile",
        "arn:aws:iam::" + call.account().id() + ":instance-profile/" + name);
    if (add) InstanceProfiles.of(call.account()).addRole(name, role);
    else InstanceProfiles.of(call.account()).removeRole(name, role);
    return IamService.PROTOCOL.ok(call.action(), call.requestId());
  }

  private static void profile(io.rolecall.sandbox.protocol.Xml e, InstanceProfiles.Profile p, Call call) {
    var iam = call.account().iam();
    e.el("Path", "/").el("InstanceProfileName", p.name()).el("InstanceProfileId", p.id()).el("Arn", p.arn())
        .el("CreateDate", p.created()).list("Roles", "member", p.roles(), (m, r) -> {
          var role = iam.requireRole(r);
          m.el("Path", "/").el("RoleName", role.name()).el("RoleId", role.roleId()).el("Arn", role.arn())
              .el("CreateDate", role.createDate());
        });
  }

  Reply generateCredentialReport(Call call) {
    call.authorize("iam:GenerateCredentialReport", "*");
    String state = call.account().iam().credentials().generateReport();
    return IamService.ok(call, x -> x.el("State", state).el("Description", state.equals("STARTED")
        ? "No report exists. Starting a new report generation task" : null));
  }

  Reply getCredentialReport(Call call) {
    call.authorize("iam:GetCredentialReport", "*");
    var report = call.account().iam().credentials().readyReport();
    String content = Base64.getEncoder().encodeToString(report.csv().getBytes(StandardCharsets.UTF_8));
    return IamService.ok(call, x -> x.el("Content", content).el("ReportFormat", "text/csv")
        .el("GeneratedTime", report.generated()));
  }

  /** UserName, or the calling user's own name when absent (as IAM does for users). */
  private static String userName(Call call) {
    String name = call.params().get("UserName");
    if (name != null) return name;
    if (call.principal() instanceof Principal.User u) return u.name();
    throw AwsException.badRequest("ValidationError", "Must specify userName when calling with non-User credentials");
  }
}
