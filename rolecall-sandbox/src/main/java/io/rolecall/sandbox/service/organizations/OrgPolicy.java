package io.rolecall.sandbox.service.organizations;

/** A service control policy: AWS's FullAWSAccess or one the organization wrote. {@code content} is the JSON document. */
public record OrgPolicy(String id, String arn, String name, String description, String content, boolean awsManaged) {
  public static final String TYPE = "SERVICE_CONTROL_POLICY";

  /** Attached to the root, every OU and every account when SCPs are enabled, as AWS does. */
  public static final OrgPolicy FULL_AWS_ACCESS = new OrgPolicy("p-FullAWSAccess",
      "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess",
      "Allows access to every operation",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}", true);
}
