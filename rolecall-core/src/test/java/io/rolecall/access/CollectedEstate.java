package io.rolecall.access;

import static io.rolecall.access.PolicyJson.allow;
import static io.rolecall.access.PolicyJson.deny;
import static io.rolecall.access.PolicyJson.doc;
import static io.rolecall.access.PolicyJson.trustAws;
import static io.rolecall.access.PolicyJson.when;
import static io.rolecall.access.TruthEstate.D;
import static io.rolecall.access.TruthEstate.M;
import static io.rolecall.access.TruthEstate.P;
import static io.rolecall.access.TruthEstate.role;
import static io.rolecall.access.TruthEstate.root;
import static io.rolecall.access.TruthEstate.user;

import io.rolecall.access.IamWriter.Entity;

/**
 * The IAM part of the truth-table estate that the sandbox can hold (no permissions boundaries, instance profiles
 * or Identity Center there yet), written through an {@link IamWriter}, plus the audit role the sync assumes in
 * each account and its operator.
 */
final class CollectedEstate {
  static final String AUDIT_ROLE = "RolecallAudit";
  static final String EXTERNAL_ID = "rolecall-access-7c1d";
  static final String ADMIN = EstateItems.ADMIN_ARN;
  static final String READ_ONLY = EstateItems.READ_ONLY_ARN;
  static final String SECURITY_AUDIT = "arn:aws:iam::aws:policy/SecurityAudit";

  private CollectedEstate() {}

  static void write(IamWriter w) {
    for (String a : java.util.List.of(M, P, D)) {
      w.role(a, AUDIT_ROLE, when(trustAws(root(M)), "StringEquals", "sts:ExternalId", EXTERNAL_ID));
      w.attach(a, Entity.ROLE, AUDIT_ROLE, SECURITY_AUDIT);
    }
    w.user(M, "operator", false, false);
    w.user(M, "alice", true, true);
    w.inline(M, Entity.USER, "alice", "work", doc(allow(role(P, "Deployer"), "sts:AssumeRole"), allow("*", "iam:GetUser")));
    w.user(M, "bob", false, false);
    w.inline(M, Entity.USER, "bob", "read", doc(allow("*", "iam:ListUsers")));
    w.user(M, "carol", false, false);
    w.inline(M, Entity.USER, "carol", "ops", doc(allow(role(D, "OpsRead"), "sts:AssumeRole")));
    w.group(M, "ops");
    w.inline(M, Entity.GROUP, "ops", "assume-any", doc(allow("*", "sts:AssumeRole")));
    w.user(M, "dave", false, false);
    w.member(M, "dave", "ops");
    w.inline(M, Entity.USER, "dave", "not-prod", doc(deny(role(P, "Deployer"), "sts:AssumeRole")));
    w.user(M, "erin", true, false);
    w.attach(M, Entity.USER, "erin", ADMIN);

    w.role(P, "Deployer", trustAws(root(M)));
    w.inline(P, Entity.ROLE, "Deployer", "deploy", doc(allow("arn:aws:s3:::deploy-bucket/*", "s3:PutObject"),
        allow(role(D, "DevAdmin"), "sts:AssumeRole")));
    w.role(P, "Partner", when(trustAws(TruthEstate.X), "StringEquals", "sts:ExternalId", "partner-7d1"));
    w.attach(P, Entity.ROLE, "Partner", ADMIN);
    w.role(P, "PublicRead", when(trustAws("*"), "StringEquals", "aws:PrincipalOrgID", "o-example"));
    w.attach(P, Entity.ROLE, "PublicRead", READ_ONLY);
    w.group(P, "admins");
    w.attach(P, Entity.GROUP, "admins", ADMIN);
    w.user(P, "admin-user", false, true);
    w.member(P, "admin-user", "admins");
    w.user(P, "admin-console", true, true);
    w.inline(P, Entity.USER, "admin-console", "all", PolicyJson.ADMIN);
    w.role(P, "BreakGlass", trustAws(user(P, "admin-user")));
    w.attach(P, Entity.ROLE, "BreakGlass", ADMIN);
    String pol = "arn:aws:iam::" + P + ":policy/";
    w.user(P, "esc-cpv", false, false);
    w.attach(P, Entity.USER, "esc-cpv", w.localPolicy(P, "cpv-self", doc(allow(pol + "cpv-self",
        "iam:CreatePolicyVersion"))));
    w.user(P, "esc-pup", false, false);
    w.inline(P, Entity.USER, "esc-pup", "p", doc(allow("arn:aws:iam::" + P + ":user/${aws:username}",
        "iam:PutUserPolicy")));
    w.group(P, "agp-group");
    w.inline(P, Entity.GROUP, "agp-group", "p", doc(allow("arn:aws:iam::" + P + ":group/agp-group",
        "iam:AttachGroupPolicy")));
    w.user(P, "esc-agp", false, false);
    w.member(P, "esc-agp", "agp-group");
    w.user(P, "esc-autg", false, false);
    w.inline(P, Entity.USER, "esc-autg", "p", doc(allow("arn:aws:iam::" + P + ":group/admins", "iam:AddUserToGroup")));
    w.user(P, "esc-cak", false, false);
    w.inline(P, Entity.USER, "esc-cak", "p", doc(allow(user(P, "admin-user"), "iam:CreateAccessKey")));
    w.user(P, "esc-ulp", false, false);
    w.inline(P, Entity.USER, "esc-ulp", "p", doc(allow(user(P, "admin-console"), "iam:UpdateLoginProfile")));
    w.user(P, "esc-uarp", false, false);
    w.inline(P, Entity.USER, "esc-uarp", "p", doc(allow(role(P, "BreakGlass"), "iam:UpdateAssumeRolePolicy")));

    w.role(D, "DevAdmin", trustAws(role(P, "Deployer")));
    w.attach(D, Entity.ROLE, "DevAdmin", ADMIN);
    w.role(D, "OpsRead", trustAws(root(M)));
    w.attach(D, Entity.ROLE, "OpsRead", READ_ONLY);
    w.user(D, "frank", false, false);
    w.inline(D, Entity.USER, "frank", "read", doc(allow("*", "s3:GetObject")));
    w.role(D, "NamedTrust", trustAws(user(D, "frank")));
    w.inline(D, Entity.ROLE, "NamedTrust", "write", doc(allow("*", "s3:PutObject")));
    w.role(D, "XNamed", trustAws(user(M, "bob")));
    w.inline(D, Entity.ROLE, "XNamed", "write", doc(allow("*", "s3:PutObject")));
  }
}
