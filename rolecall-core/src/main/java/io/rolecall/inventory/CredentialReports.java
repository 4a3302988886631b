package io.rolecall.inventory;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * Gets an account's credential report: asks IAM to generate one (IAM reuses a report up to four hours old),
 * then reads it, polling with growing pauses while IAM is still writing it. If it is not ready within
 * {@code patience}, the sync goes on without it (an empty report): key last-use then comes from
 * GetAccessKeyLastUsed, and root, password and MFA facts stay unknown rather than guessed.
 */
final class CredentialReports {
  static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(60);
  private static final CredentialReport NONE = new CredentialReport(Map.of());

  private final Duration patience;

  CredentialReports(Duration patience) {
    this.patience = patience;
  }

  CredentialReport fetch(IamClient iam) {
    long deadline = System.nanoTime() + patience.toNanos();
    var state = iam.generateCredentialReport(r -> { }).state();
    long pause = 250;
    while (true) {
      if (state == ReportStateType.COMPLETE || state == ReportStateType.STARTED || state == ReportStateType.INPROGRESS) {
        try {
          return CredentialReport.parse(iam.getCredentialReport(r -> { }).content().asUtf8String());
        } catch (CredentialReportNotReadyException e) {
          // still being written: wait below
        } catch (CredentialReportNotPresentException | CredentialReportExpiredException e) {
          state = iam.generateCredentialReport(r -> { }).state();
          continue;
        }
      }
      if (System.nanoTime() + pause * 1_000_000 > deadline) {
        return NONE;
      }
      sleep(pause);
      pause = Math.min(pause * 2, 4000);
      state = ReportStateType.INPROGRESS;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.rolecall.CommandFailedException("inventory: interrupted");
    }
  }
}
