package io.rolecall.sandbox.service.identitystore;

import java.time.Instant;

/** One user's membership of one group. */
public record StoreMembership(String membershipId, String groupId, String userId, Instant createdAt) {}
