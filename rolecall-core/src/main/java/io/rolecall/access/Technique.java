package io.rolecall.access;

import java.util.Locale;

/**
 * The one-step privilege escalations the graph recognizes: each makes the principal, or a principal it controls,
 * an administrator of its account. {@code needs} are the actions it takes (all must be allowed).
 */
public enum Technique {
  CREATE_POLICY_VERSION("iam:CreatePolicyVersion on a customer-managed policy attached to itself, its group or a role it can assume"),
  SET_DEFAULT_POLICY_VERSION("iam:SetDefaultPolicyVersion on a customer-managed policy attached to itself, its group or a role it can assume (an older version may grant more; versions are not collected)"),
  ATTACH_USER_POLICY("iam:AttachUserPolicy on itself"),
  PUT_USER_POLICY("iam:PutUserPolicy on itself"),
  ATTACH_GROUP_POLICY("iam:AttachGroupPolicy on a group it belongs to"),
  PUT_GROUP_POLICY("iam:PutGroupPolicy on a group it belongs to"),
  ATTACH_ROLE_POLICY("iam:AttachRolePolicy on itself or a role it can assume"),
  PUT_ROLE_POLICY("iam:PutRolePolicy on itself or a role it can assume"),
  ADD_USER_TO_GROUP("iam:AddUserToGroup: itself into a group that makes it admin"),
  UPDATE_ASSUME_ROLE_POLICY("iam:UpdateAssumeRolePolicy on an admin role"),
  CREATE_ACCESS_KEY("iam:CreateAccessKey for an admin user"),
  CREATE_LOGIN_PROFILE("iam:CreateLoginProfile for an admin user without a console password"),
  UPDATE_LOGIN_PROFILE("iam:UpdateLoginProfile for an admin user"),
  PASS_ROLE_EC2("iam:PassRole of an admin role with ec2:RunInstances"),
  PASS_ROLE_LAMBDA("iam:PassRole of an admin role with lambda:CreateFunction and lambda:InvokeFunction"),
  PASS_ROLE_CLOUDFORMATION("iam:PassRole of an admin role with cloudformation:CreateStack"),
  PASS_ROLE_GLUE("iam:PassRole of an admin role with glue:CreateDevEndpoint"),
  PASS_ROLE_CODEBUILD("iam:PassRole of an admin role with codebuild:CreateProject and codebuild:StartBuild"),
  SSM_SEND_COMMAND("ssm:SendCommand on a running instance whose instance profile role is admin");

  private final String description;

  Technique(String description) {
    this.description = description;
  }

  /** The technique's name in findings and answers, e.g. "pass-role-ec2". */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String description() {
    return description;
  }
}
