package io.rolecall.sandbox.service.organizations;

/** Per-account state: the organization the account belongs to, if any (an account is in at most one). */
final class Membership {
  volatile Organization organization;
}
