package io.rolecall.sandbox.service.identitystore;

import java.time.Instant;

/** A group of an identity store; {@code description} may be null. */
public record StoreGroup(String groupId, String displayName, String description, Instant createdAt, Instant updatedAt) {}
