package io.rolecall.access;

import static io.rolecall.access.EstateItems.ADMIN_ARN;
import static io.rolecall.access.EstateItems.READ_ONLY_ARN;
import static io.rolecall.access.PolicyJson.allow;
import static io.rolecall.access.PolicyJson.deny;
import static io.rolecall.access.PolicyJson.doc;
import static io.rolecall.access.PolicyJson.trustAws;
import static io.rolecall.access.PolicyJson.trustSaml;
import static io.rolecall.access.PolicyJson.trustService;
import static io.rolecall.access.PolicyJson.when;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The estate the truth table is about, written once as items: a management account that owns Identity Center
 * and the SCPs (M), production (P) with one principal per escalation technique and its negative twin, development
 * (D), an account of the organization whose sync failed (U), and a partner outside it (X).
 */
final class TruthEstate {
  static final String M = "111111111111";
  static final String P = "222222222222";
  static final String D = "333333333333";
  static final String U = "444444444444";
  static final String X = "999999999999";
  static final String INSTANCE = "arn:aws:sso:::instance/ssoins-1111111111111111";
  static final String STORE = "d-1111111111";
  static final String REGION = "us-east-1";
  static final String PS_ADMIN = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-admin0000000001";
  static final String PS_READ = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-read00000000002";
  static final String PS_CAPPED = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-capped000000003";
  static final String SAML = "arn:aws:iam::%s:saml-provider/AWSSSO_1111111111111111_DO_NOT_DELETE";
  static final String RESERVED = "/aws-reserved/sso.amazonaws.com/";

  static String user(String account, String name) {
    return "arn:aws:iam::" + account + ":user/" + name;
  }

  static String role(String account, String name) {
    return "arn:aws:iam::" + account + ":role/" + name;
  }

  static String root(String account) {
    return "arn:aws:iam::" + account + ":root";
  }

  static Coverage coverage() {
    return new Coverage(Set.of(M, P, D), true, true, Map.of(U, "sync failed: AccessDenied on sts:AssumeRole"));
  }

  static AccessGraph graph() {
    return AccessGraph.of(items().items, coverage());
  }

  static EstateItems items() {
    var e = new EstateItems();
    management(e);
    production(e);
    escalations(e);
    development(e);
    identityCenter(e);
    e.scp(M, "p-FullAWSAccess", "FullAWSAccess", doc(allow("*", "*")), P, D, U);
    e.scp(M, "p-denyleave", "DenyLeaveOrg", doc(deny("*", "organizations:LeaveOrganization")), P, D, U);
    return e;
  }

  private static void management(EstateItems e) {
    e.inline(e.user(M, "alice"), "work", doc(allow(role(P, "Deployer"), "sts:AssumeRole"), allow("*", "iam:GetUser")));
    e.inline(e.user(M, "bob"), "read", doc(allow("*", "iam:ListUsers")));
    e.inline(e.user(M, "carol"), "ops", doc(allow(role(D, "OpsRead"), "sts:AssumeRole")));
    e.inline(e.group(M, "ops"), "assume-any", doc(allow("*", "sts:AssumeRole")));
    e.inline(e.member(e.user(M, "dave"), "ops"), "not-prod", doc(deny(role(P, "Deployer"), "sts:AssumeRole")));
    e.attach(e.user(M, "erin"), ADMIN_ARN).put("mfaActive", false).put("passwordEnabled", true);
    e.inline(e.user(M, "hank"), "hop", doc(allow(role(P, "Hop1"), "sts:AssumeRole")));
  }

  private static void production(EstateItems e) {
    e.inline(e.role(P, "Deployer", trustAws(root(M))), "deploy", doc(
        allow("arn:aws:s3:::deploy-bucket/*", "s3:PutObject"), allow(role(D, "DevAdmin"), "sts:AssumeRole")));
    e.attach(e.role(P, "Partner", when(trustAws(X), "StringEquals", "sts:ExternalId", "partner-7d1")), ADMIN_ARN);
    e.attach(e.role(P, "PublicRead", when(trustAws("*"), "StringEquals", "aws:PrincipalOrgID", "o-example")),
        READ_ONLY_ARN);
    e.attach(e.role(P, "FromU", trustAws(root(U))), READ_ONLY_ARN);
    e.inline(e.role(P, "Hop1", trustAws(user(M, "hank"))), "hop", doc(allow(role(D, "Hop2"), "sts:AssumeRole")));
    e.attach(e.role(P, "Hop3", trustAws(role(D, "Hop2"))), ADMIN_ARN);
    e.attach(e.group(P, "admins"), ADMIN_ARN);
    e.attach(e.group(P, "readers"), READ_ONLY_ARN);
    e.member(e.user(P, "admin-user"), "admins");
    e.inline(e.user(P, "admin-console"), "all", PolicyJson.ADMIN).put("passwordEnabled", true);
    e.attach(e.role(P, "BreakGlass", trustAws(user(P, "admin-user"))), ADMIN_ARN);
    e.attach(e.instanceProfile(e.role(P, "Ec2Admin", trustService("ec2.amazonaws.com"))), ADMIN_ARN);
    e.attach(e.instanceProfile(e.role(P, "Ec2Read", trustService("ec2.amazonaws.com"))), READ_ONLY_ARN);
    e.attach(e.role(P, "LambdaAdmin", trustService("lambda.amazonaws.com")), ADMIN_ARN);
    e.attach(e.role(P, "CfnAdmin", trustService("cloudformation.amazonaws.com")), ADMIN_ARN);
    e.attach(e.role(P, "GlueAdmin", trustService("glue.amazonaws.com")), ADMIN_ARN);
    e.attach(e.role(P, "CodeBuildAdmin", trustService("codebuild.amazonaws.com")), ADMIN_ARN);
    e.instance(P, REGION, "i-admin", "arn:aws:iam::" + P + ":instance-profile/Ec2Admin", "running");
    e.instance(P, REGION, "i-plain", "arn:aws:iam::" + P + ":instance-profile/Ec2Read", "running");
    // Identity Center's reserved roles as provisioning materializes them, and a look-alike that is none of them.
    e.attach(e.role(P, RESERVED, "AWSReservedSSO_Admin_0123456789abcdef", trustSaml(SAML.formatted(P))), ADMIN_ARN);
    e.attach(e.role(P, RESERVED, "AWSReservedSSO_ReadOnly_fedcba9876543210", trustSaml(SAML.formatted(P))),
        READ_ONLY_ARN);
    e.attach(e.role(P, RESERVED, "AWSReservedSSO_Admin_Legacy_0011223344556677", trustSaml(SAML.formatted(P))),
        ADMIN_ARN);
  }

  /** One principal per technique (esc-*) and its negative twin (*-twin): a Deny or a narrower Resource. */
  private static void escalations(EstateItems e) {
    String pol = "arn:aws:iam::" + P + ":policy/";
    e.attach(e.user(P, "esc-cpv"), e.localPolicy(P, "cpv-self", doc(allow(pol + "cpv-self", "iam:CreatePolicyVersion"))));
    e.attach(e.user(P, "esc-cpv-twin"), e.localPolicy(P, "cpv-twin", doc(allow(pol + "unattached",
        "iam:CreatePolicyVersion"))));
    e.attach(e.user(P, "esc-sdpv"), e.localPolicy(P, "sdpv-self", doc(allow(pol + "sdpv-self",
        "iam:SetDefaultPolicyVersion"))));
    e.inline(e.attach(e.user(P, "esc-sdpv-twin"), e.localPolicy(P, "sdpv-twin", doc(allow(pol + "sdpv-twin",
        "iam:SetDefaultPolicyVersion")))), "no", doc(deny("*", "iam:SetDefaultPolicyVersion")));
    e.inline(e.user(P, "esc-aup"), "p", doc(allow(user(P, "esc-aup"), "iam:AttachUserPolicy")));
    e.inline(e.user(P, "esc-aup-twin"), "p", doc(allow(user(P, "esc-aup"), "iam:AttachUserPolicy")));
    e.inline(e.user(P, "esc-pup"), "p", doc(allow("arn:aws:iam::" + P + ":user/${aws:username}", "iam:PutUserPolicy")));
    e.inline(e.user(P, "esc-pup-twin"), "p", doc(allow("arn:aws:iam::" + P + ":user/${aws:username}",
        "iam:PutUserPolicy"), deny("*", "iam:PutUserPolicy")));
    String group = "arn:aws:iam::" + P + ":group/";
    e.inline(e.group(P, "agp-group"), "p", doc(allow(group + "agp-group", "iam:AttachGroupPolicy")));
    e.member(e.user(P, "esc-agp"), "agp-group");
    e.inline(e.user(P, "esc-agp-twin"), "p", doc(allow(group + "agp-group", "iam:AttachGroupPolicy")));
    e.inline(e.group(P, "pgp-group"), "p", doc(allow(group + "pgp-group", "iam:PutGroupPolicy")));
    e.member(e.user(P, "esc-pgp"), "pgp-group");
    e.inline(e.group(P, "pgp-twin-group"), "p", doc(allow(group + "pgp-twin-group", "iam:PutGroupPolicy"),
        deny("*", "iam:PutGroupPolicy")));
    e.member(e.user(P, "esc-pgp-twin"), "pgp-twin-group");
    e.inline(e.role(P, "EscArp", trustAws(root(P))), "p", doc(allow(role(P, "EscArp"), "iam:AttachRolePolicy")));
    e.inline(e.role(P, "EscArpTwin", trustAws(root(P))), "p", doc(allow(role(P, "EscArp"), "iam:AttachRolePolicy")));
    e.inline(e.role(P, "PrpTarget", trustAws(root(P))), "p", doc(allow("*", "s3:GetObject")));
    e.inline(e.user(P, "esc-prp"), "p", doc(allow(role(P, "PrpTarget"), "sts:AssumeRole", "iam:PutRolePolicy")));
    e.inline(e.user(P, "esc-prp-twin"), "p", doc(allow(role(P, "PrpTarget"), "iam:PutRolePolicy")));
    e.inline(e.user(P, "esc-autg"), "p", doc(allow(group + "admins", "iam:AddUserToGroup")));
    e.inline(e.user(P, "esc-autg-twin"), "p", doc(allow(group + "readers", "iam:AddUserToGroup")));
    e.inline(e.user(P, "esc-uarp"), "p", doc(allow(role(P, "BreakGlass"), "iam:UpdateAssumeRolePolicy")));
    e.inline(e.user(P, "esc-uarp-twin"), "p", doc(allow(role(P, "BreakGlass"), "iam:UpdateAssumeRolePolicy"),
        deny(role(P, "BreakGlass"), "iam:UpdateAssumeRolePolicy")));
    e.inline(e.user(P, "esc-cak"), "p", doc(allow(user(P, "admin-user"), "iam:CreateAccessKey")));
    e.inline(e.user(P, "esc-cak-twin"), "p", doc(allow(user(P, "esc-cak"), "iam:CreateAccessKey")));
    e.inline(e.user(P, "esc-clp"), "p", doc(allow(user(P, "admin-user"), "iam:CreateLoginProfile")));
    e.inline(e.user(P, "esc-clp-twin"), "p", doc(allow(user(P, "admin-user"), "iam:CreateLoginProfile"),
        deny("*", "iam:CreateLoginProfile")));
    e.inline(e.user(P, "esc-ulp"), "p", doc(allow(user(P, "admin-console"), "iam:UpdateLoginProfile")));
    e.inline(e.user(P, "esc-ulp-twin"), "p", doc(allow(user(P, "esc-ulp"), "iam:UpdateLoginProfile")));
    passRole(e, "esc-ec2", role(P, "Ec2Admin"), null, "ec2:RunInstances");
    passRole(e, "esc-ec2-twin", role(P, "Ec2Read"), null, "ec2:RunInstances");
    passRole(e, "esc-lambda", role(P, "LambdaAdmin"), null, "lambda:CreateFunction", "lambda:InvokeFunction");
    passRole(e, "esc-lambda-twin", role(P, "LambdaAdmin"), "lambda:InvokeFunction", "lambda:CreateFunction",
        "lambda:InvokeFunction");
    passRole(e, "esc-cfn", role(P, "CfnAdmin"), null, "cloudformation:CreateStack");
    passRole(e, "esc-cfn-twin", role(P, "CfnAdmin"), "cloudformation:CreateStack", "cloudformation:CreateStack");
    passRole(e, "esc-glue", role(P, "GlueAdmin"), null, "glue:CreateDevEndpoint");
    passRole(e, "esc-glue-twin", role(P, "GlueAdmin"), "glue:CreateDevEndpoint", "glue:CreateDevEndpoint");
    passRole(e, "esc-cb", role(P, "CodeBuildAdmin"), null, "codebuild:CreateProject", "codebuild:StartBuild");
    passRole(e, "esc-cb-twin", role(P, "CodeBuildAdmin"), "codebuild:StartBuild", "codebuild:CreateProject",
        "codebuild:StartBuild");
    String instance = "arn:aws:ec2:" + REGION + ":" + P + ":instance/";
    e.inline(e.user(P, "esc-ssm"), "p", doc(allow(instance + "i-admin", "ssm:SendCommand")));
    e.inline(e.user(P, "esc-ssm-twin"), "p", doc(allow(instance + "i-plain", "ssm:SendCommand")));
  }

  private static void passRole(EstateItems e, String name, String roleArn, String denied, String... actions) {
    var statements = new java.util.ArrayList<>(List.of(allow(roleArn, "iam:PassRole"), allow("*", actions)));
    if (denied != null) {
      statements.add(deny("*", denied));
    }
    e.inline(e.user(P, name), "p", doc(statements.toArray(new com.fasterxml.jackson.databind.node.ObjectNode[0])));
  }

  private static void development(EstateItems e) {
    e.attach(e.role(D, "DevAdmin", trustAws(role(P, "Deployer"))), ADMIN_ARN);
    e.attach(e.role(D, "OpsRead", trustAws(root(M))), READ_ONLY_ARN);
    e.inline(e.role(D, "Hop2", trustAws(role(P, "Hop1"))), "hop", doc(allow(role(P, "Hop3"), "sts:AssumeRole")));
    e.inline(e.user(D, "frank"), "read", doc(allow("*", "s3:GetObject")));
    e.inline(e.role(D, "NamedTrust", trustAws(user(D, "frank"))), "write", doc(allow("*", "s3:PutObject")));
    e.inline(e.role(D, "XNamed", trustAws(user(M, "bob"))), "write", doc(allow("*", "s3:PutObject")));
    String cap = e.localPolicy(D, "dev-boundary", doc(allow("*", "s3:Get*", "s3:List*")));
    e.boundary(e.attach(e.user(D, "capped"), ADMIN_ARN), cap);
    e.inline(e.user(D, "gina"), "ec2", doc(allow("*", "ec2:*")));
    String sso = e.localPolicy(D, "sso-boundary", doc(allow("*", "s3:Get*", "s3:List*")));
    e.attach(e.role(D, RESERVED, "AWSReservedSSO_Admin_aaaabbbbccccdddd", trustSaml(SAML.formatted(D))), ADMIN_ARN);
    e.boundary(e.attach(e.role(D, RESERVED, "AWSReservedSSO_Capped_1111222233334444", trustSaml(SAML.formatted(D))),
        ADMIN_ARN), sso);
    // The Admin set's name with a valid suffix, at a path Identity Center does not use: not its role.
    e.attach(e.role(D, "/custom/", "AWSReservedSSO_Admin_0123456789abcdef", trustSaml(SAML.formatted(D))), ADMIN_ARN);
  }

  private static void identityCenter(EstateItems e) {
    e.idcInstance(M, REGION, INSTANCE, STORE);
    e.idcUser(M, REGION, STORE, "u-ann", "ann");
    e.idcUser(M, REGION, STORE, "u-ben", "ben");
    e.idcUser(M, REGION, STORE, "u-cat", "cat");
    e.idcUser(M, REGION, STORE, "u-dan", "dan");
    e.idcGroup(M, REGION, STORE, "g-admins", "Admins", "u-ann");
    e.idcGroup(M, REGION, STORE, "g-readers", "Readers", "u-cat", "u-ann");
    e.permissionSet(M, REGION, INSTANCE, PS_ADMIN, "Admin", List.of(ADMIN_ARN), List.of(P, D, U));
    e.permissionSet(M, REGION, INSTANCE, PS_READ, "ReadOnly", List.of(READ_ONLY_ARN), List.of(P));
    e.permissionSet(M, REGION, INSTANCE, PS_CAPPED, "Capped", List.of(ADMIN_ARN), List.of(D))
        .putObject("permissionsBoundary").putObject("customerManagedPolicyReference").put("name", "sso-boundary")
        .put("path", "/");
    for (String account : List.of(P, D, U)) {
      e.assignment(M, REGION, INSTANCE, PS_ADMIN, account, "GROUP", "g-admins");
    }
    e.assignment(M, REGION, INSTANCE, PS_ADMIN, D, "USER", "u-ben");
    e.assignment(M, REGION, INSTANCE, PS_READ, P, "GROUP", "g-readers");
    e.assignment(M, REGION, INSTANCE, PS_CAPPED, D, "GROUP", "g-readers");
  }
}
