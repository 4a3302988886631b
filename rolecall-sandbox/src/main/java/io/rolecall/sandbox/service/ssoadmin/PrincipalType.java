package io.rolecall.sandbox.service.ssoadmin;

/** Who an account assignment is for: an Identity Store user or group. */
public enum PrincipalType { USER, GROUP }
