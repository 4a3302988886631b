package io.rolecall.sandbox.service.organizations;

/** An organizational unit: {@code ou-<root suffix>-<8 characters>}, under a root or another OU. */
public record OrgUnit(String id, String arn, String name, String parentId) {}
