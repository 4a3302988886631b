package io.rolecall.aws;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/** The ACTIVE accounts of the organization the session's identity can list (account_id=all). */
public final class OrganizationAccounts {
  private OrganizationAccounts() {}

  public static List<String> active(Session session) {
    try {
      return session.organizations().listAccountsPaginator(r -> { }).stream()
          .flatMap(page -> page.accounts().stream())
          .filter(OrganizationAccounts::isActive)
          .map(Account::id)
          .sorted()
          .toList();
    } catch (SdkException e) {
      throw AwsErrors.callFailed("organizations:ListAccounts (for account_id=all)", e);
    }
  }

  /**
   * AWS retired the account's Status on 2026-09-09 in favour of State; State decides, and Status
   * only where an endpoint (an older emulator) still sends nothing else.
   */
  static boolean isActive(Account a) {
    if (a.state() != null) {
      return a.state() == AccountState.ACTIVE;
    }
    return a.status() == AccountStatus.ACTIVE;
  }
}
