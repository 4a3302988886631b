package io.rolecall.aws;

import io.rolecall.RolecallException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.RoleRequest;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * XSOAR's "Test" button (SPEC §1): the configuration offline, the base identity, the role, then one
 * read call. Stops at the first failing step, which says what is wrong.
 */
public final class ConnectivityCheck {
  public record Step(String name, boolean ok, String detail) {}

  private ConnectivityCheck() {}

  public static List<Step> run(Sessions sessions, AuthSettings s, String accountId) {
    var steps = new ArrayList<Step>();
    RoleRequest role;
    Session base;
    try {
      role = RoleRequest.forTarget(s, accountId);
      base = sessions.open(s.toBuilder().roleArn(null).roleName(null).build(), null);
      steps.add(new Step("configuration", true, describe(s, base.region(), role)));
    } catch (RolecallException e) {
      steps.add(new Step("configuration", false, e.getMessage()));
      return steps;
    }
    try {
      base.authenticate();
      var who = base.sts().getCallerIdentity(r -> { });
      steps.add(new Step("identity", true, who.arn() + " (account " + who.account() + ")"));
    } catch (RolecallException e) {
      steps.add(new Step("identity", false, e.getMessage()));
      return steps;
    } catch (SdkException e) {
      steps.add(new Step("identity", false, AwsErrors.callFailed("sts:GetCallerIdentity", e).getMessage()));
      return steps;
    }
    Session target;
    try {
      target = sessions.open(s, accountId).authenticate();
      if (role != null) {
        steps.add(new Step("assume role", true, role.roleArn() + " (session " + role.sessionName()
            + (role.externalId() != null ? ", with ExternalId" : "") + ")"));
      }
    } catch (RolecallException e) {
      steps.add(new Step("assume role", false, e.getMessage()));
      return steps;
    }
    try {
      try {
        target.iam().getAccountPasswordPolicy(r -> { });
      } catch (NoSuchEntityException e) {
        // No policy set is a successful read.
      }
      String detail = "iam:GetAccountPasswordPolicy";
      if (s.identityStoreId() != null) {
        target.identityStore().listUsers(r -> r.identityStoreId(s.identityStoreId()).maxResults(1));
        detail += ", identitystore:ListUsers";
      }
      steps.add(new Step("read call", true, detail));
    } catch (SdkException e) {
      steps.add(new Step("read call", false, AwsErrors.callFailed("read call", e).getMessage()));
    } catch (RolecallException e) {
      steps.add(new Step("read call", false, e.getMessage()));
    }
    return steps;
  }

  private static String describe(AuthSettings s, String region, RoleRequest role) {
    String credentials = s.accessKey() != null
        ? "access key " + s.accessKey() + (s.sessionToken() != null ? " with session token" : "")
        : s.profile() != null ? "profile " + s.profile() : "default chain (environment, shared files, container, IMDSv2)";
    var out = new StringBuilder("region " + region + ", " + credentials);
    if (role != null) {
      out.append(", role ").append(role.roleArn());
    }
    if (s.endpointUrl() != null) {
      out.append(", endpoint ").append(s.endpointUrl());
    }
    if (s.proxy() != null) {
      out.append(", proxy ").append(s.proxy().getHost()).append(':').append(s.proxy().getPort())
          .append(s.systemProxy() ? " (from HTTPS_PROXY)" : "");
    }
    if (s.insecure()) {
      out.append(", TLS verification OFF");
    }
    return out.toString();
  }
}
