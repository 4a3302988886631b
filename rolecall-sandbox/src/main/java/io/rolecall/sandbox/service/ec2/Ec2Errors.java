package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.protocol.AwsException;
import java.util.List;

/** EC2's error codes and messages for the calls the sandbox emulates. */
public final class Ec2Errors {
  private Ec2Errors() {}

  public static AwsException instancesNotFound(List<String> ids) {
    return ids.size() == 1
        ? AwsException.badRequest("InvalidInstanceID.NotFound", "The instance ID '" + ids.getFirst() + "' does not exist")
        : AwsException.badRequest("InvalidInstanceID.NotFound", "The instance IDs '" + String.join(", ", ids)
            + "' do not exist");
  }

  public static AwsException malformedInstanceId(String id) {
    return AwsException.badRequest("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\" (expecting \"i-...\")");
  }

  public static AwsException missing(String parameter) {
    return AwsException.badRequest("MissingParameter", "The request must contain the parameter " + parameter);
  }

  public static AwsException invalidValue(String parameter, String value, String expected) {
    return AwsException.badRequest("InvalidParameterValue", "Value (" + value + ") for parameter " + parameter
        + " is invalid. " + expected);
  }

  public static AwsException dryRun() {
    return new AwsException(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
  }
}
