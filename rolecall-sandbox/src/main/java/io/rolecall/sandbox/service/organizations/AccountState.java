package io.rolecall.sandbox.service.organizations;

/** An account's state in its organization (Organizations' {@code State}; the older {@code Status} was retired). */
public enum AccountState { PENDING_ACTIVATION, ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED }
