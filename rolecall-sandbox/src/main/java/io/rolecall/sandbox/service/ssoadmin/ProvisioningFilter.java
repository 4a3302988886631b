package io.rolecall.sandbox.service.ssoadmin;

/** SSO Admin's ProvisioningStatus filter: is an account's provisioned version of a set its latest? */
public enum ProvisioningFilter {
  LATEST_PERMISSION_SET_PROVISIONED,
  LATEST_PERMISSION_SET_NOT_PROVISIONED;

  boolean test(int provisionedVersion, PermissionSet current) {
    boolean latest = provisionedVersion == current.version();
    return this == LATEST_PERMISSION_SET_PROVISIONED ? latest : !latest;
  }
}
