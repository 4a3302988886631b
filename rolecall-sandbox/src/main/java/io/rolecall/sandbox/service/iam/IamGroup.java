package io.rolecall.sandbox.service.iam;

import java.time.Instant;

/** An IAM group. */
public record IamGroup(String accountId, String name, String path, String groupId, String arn, Instant createDate) {}
