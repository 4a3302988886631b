package io.rolecall.aws;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/** The ACTIVE accounts of the organization the session's identity can list (account_id=all). */
public final class OrganizationAccounts {
  private OrganizationAccounts() {}

  public static List<String> active(Session session) {
    try {
      return session.organizations().listAccountsPaginator(r -> { }).stream()
          .flatMap(page -> page.accounts().stream())
          .filter(a -> a.status() == AccountStatus.ACTIVE)
          .map(Account::id)
          .sorted()
          .toList();
    } catch (SdkException e) {
      throw AwsErrors.callFailed("organizations:ListAccounts (for account_id=all)", e);
    }
  }
}
