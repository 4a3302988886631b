package io.rolecall.sandbox.service.identitystore;

import java.time.Instant;

/** An IAM Identity Center instance as SSO Admin ListInstances describes it; each has one identity store. */
public record IdentityCenterInstance(String instanceArn, String identityStoreId, String ownerAccountId, String region,
                                     String name, Instant createdDate, String status) {}
