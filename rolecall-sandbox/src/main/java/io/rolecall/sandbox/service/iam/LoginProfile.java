package io.rolecall.sandbox.service.iam;

import java.time.Instant;

/** A user's console password: when it was set, and when it was last used to sign in (null: never). */
public record LoginProfile(Instant createDate, Instant passwordLastUsed) {}
