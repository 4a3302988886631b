package io.rolecall.sandbox.service.ssoadmin;

import io.rolecall.sandbox.protocol.AwsException;

/** SSO Admin's errors. Its model declares every one, AccessDeniedException included, as HTTP 400. */
final class SsoErrors {
  private SsoErrors() {}

  static AwsException validation(String message) {
    return AwsException.badRequest("ValidationException", message);
  }

  static AwsException notFound(String message) {
    return AwsException.badRequest("ResourceNotFoundException", message);
  }

  static AwsException conflict(String message) {
    return AwsException.badRequest("ConflictException", message);
  }

  static AwsException quota(String message) {
    return AwsException.badRequest("ServiceQuotaExceededException", message);
  }

  static AwsException accessDenied(String message) {
    return AwsException.badRequest("AccessDeniedException", message);
  }

  static AwsException noPermissionSet(String arn) {
    return notFound("Could not find PermissionSet with id " + arn.substring(arn.lastIndexOf('/') + 1));
  }

  static AwsException noInstance(String arn) {
    return notFound("Instance " + arn + " does not exist in this account and region.");
  }
}
