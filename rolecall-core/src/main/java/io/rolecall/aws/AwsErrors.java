package io.rolecall.aws;

import io.rolecall.CommandFailedException;
import io.rolecall.RolecallException;
import io.rolecall.NotConfiguredException;
import io.rolecall.auth.Redactor;
import io.rolecall.auth.RoleRequest;
import io.rolecall.render.ControlChars;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into the one-line messages users see: what was attempted, the AWS error code
 * and message, and the likely cause. Never a stack trace; every message passes the {@link Redactor}.
 */
public final class AwsErrors {
  private AwsErrors() {}

  /** A failed call of {@code what} (e.g. "iam:GetAccountPasswordPolicy in account 1234..."). */
  public static RolecallException callFailed(String what, Throwable e) {
    if (e instanceof RolecallException r) {
      return r;
    }
    if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
      var details = ase.awsErrorDetails();
      String attempts = attemptsSuffix(ase);
      if (details.errorCode() == null || details.errorCode().isBlank()) {
        return new CommandFailedException(clean(what + ": " + notAwsError(ase) + attempts), e);
      }
      return new CommandFailedException(clean(what + ": " + details.errorCode() + ": "
          + nullToEmpty(details.errorMessage()) + attempts), e);
    }
    return new CommandFailedException(clean(what + ": " + transportMessage(e)), e);
  }

  /**
   * An HTTP error without an AWS error code: an emulator's 500, a proxy's 502, a captive portal. Its status and the
   * first line of its body's text (tags dropped, shortened) say more than the SDK's "null".
   */
  static String notAwsError(AwsServiceException e) {
    var raw = e.awsErrorDetails().rawResponse();
    String body = raw == null ? "" : raw.asUtf8String();
    String text = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", "\n");
    String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (first.length() > 160) {
      first = first.substring(0, 160) + "...";
    }
    return "HTTP " + e.statusCode() + " without an AWS error (a proxy or a non-AWS endpoint answered?)"
        + (first.isEmpty() ? ", empty body" : ": " + first);
  }

  /**
   * A failed AssumeRole, explained (SPEC §1): which role, which account and the likely causes,
   * because AWS answers every one of them with the same AccessDenied.
   */
  public static RolecallException assumeRoleFailed(RoleRequest role, Throwable e) {
    String target = "cannot assume role " + role.roleArn() + " in account " + role.accountId();
    if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
      String code = ase.awsErrorDetails().errorCode();
      String message = nullToEmpty(ase.awsErrorDetails().errorMessage());
      String cause = switch (code) {
        case "AccessDenied" -> "; likely causes: the role does not exist or its trust policy does not trust this"
            + " identity, " + (role.externalId() == null ? "the role requires an ExternalId (none was sent)"
                : "the ExternalId sent does not match the one the role requires")
            + ", or this identity lacks sts:AssumeRole on the role";
        case "ValidationError" -> "; check role-session-duration against the role's maximum session duration";
        case "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "UnrecognizedClientException" ->
            "; the base credentials were rejected: check the access key, secret key and session token";
        case "RegionDisabledException" -> "; activate STS in this region or use --sts-regional-endpoints legacy";
        default -> "";
      };
      return new CommandFailedException(clean(target + ": " + code + ": " + message + cause), e);
    }
    RolecallException base = baseCredentialsProblem(e);
    if (base != null) {
      return base;
    }
    return new CommandFailedException(clean(target + ": " + transportMessage(e)), e);
  }

  /** No usable base credentials anywhere in the chain is a configuration problem (exit 2). */
  public static RolecallException baseCredentialsProblem(Throwable e) {
    if (e instanceof SdkClientException && e.getMessage() != null
        && e.getMessage().startsWith("Unable to load credentials")) {
      return new NotConfiguredException("no AWS credentials found: give --access-key and --secret-key, --profile, or run"
          + " where the environment, the shared config files or EC2 instance metadata (IMDSv2) provide them");
    }
    return null;
  }

  private static String attemptsSuffix(AwsServiceException e) {
    int attempts = e.numAttempts() == null ? 1 : e.numAttempts();
    return attempts > 1 ? " (after " + attempts + " attempts)" : "";
  }

  private static String transportMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof IOException) {
        break;
      }
      root = root.getCause();
    }
    String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof UnknownHostException) {
      return "cannot resolve host " + detail + " (check the region and endpoint settings)";
    }
    if (root instanceof ConnectException) {
      return "cannot connect: " + detail + " (check the endpoint URL, proxy and network)";
    }
    if (root instanceof SocketTimeoutException) {
      return "timed out: " + detail + " (see --timeout)";
    }
    if (root instanceof SSLException) {
      return "TLS failure: " + detail + " (a proxy or endpoint with an untrusted certificate? --insecure turns"
          + " verification off, at your own risk)";
    }
    if (root instanceof IOException) {
      return "connection failed: " + detail;
    }
    if (e instanceof SdkException sdk && sdk.getMessage() != null) {
      return sdk.getMessage();
    }
    return detail;
  }

  /** One line, secrets masked, control characters (from AWS's or a proxy's text) escaped. */
  private static String clean(String message) {
    return ControlChars.escape(Redactor.global().redact(message.replace('\n', ' ').replace('\r', ' ')));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
