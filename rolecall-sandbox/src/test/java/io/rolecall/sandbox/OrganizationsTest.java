package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.service.organizations.AccountState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/** AWS Organizations through the SDK: the organization, and its accounts page by page. */
class OrganizationsTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey admin = sb.account("111111111111").iam().createUserWithAccessKey("admin");

  @AfterEach
  void close() {
    sb.close();
  }

  @Test
  void listAccountsPagesThroughEveryMemberWithItsState() {
    var org = sb.organization("111111111111");
    for (int n = 1; n <= 24; n++) {
      org.addAccount(String.valueOf(200_000_000_000L + n));
    }
    org.addAccount("300000000001", "closed-down", "old@example.com", AccountState.SUSPENDED);
    try (var client = Aws.organizations(sb, admin)) {
      var pages = client.listAccountsPaginator(r -> { }).stream().toList();
      assertThat(pages).hasSize(2);
      assertThat(pages.getFirst().accounts()).hasSize(20);
      var all = pages.stream().flatMap(p -> p.accounts().stream()).toList();
      assertThat(all).hasSize(26).extracting(Account::id).doesNotHaveDuplicates().contains("111111111111");
      var suspended = all.stream().filter(a -> a.id().equals("300000000001")).findFirst().orElseThrow();
      assertThat(suspended.stateAsString()).isEqualTo("SUSPENDED");
      assertThat(suspended.status()).isNull(); // retired by AWS on 2026-09-09: clients must read State
      assertThat(suspended.arn()).isEqualTo("arn:aws:organizations::111111111111:account/" + org.id() + "/300000000001");
      assertThat(suspended.joinedTimestamp()).isNotNull();
      assertThat(client.listAccounts(r -> r.maxResults(3)).accounts()).hasSize(3);
    }
  }

  @Test
  void describeOrganizationWorksFromMembersButListAccountsOnlyFromTheManagementAccount() {
    var org = sb.organization("111111111111").addAccount("222222222222");
    var member = sb.account("222222222222").iam().createUserWithAccessKey("ops");
    try (var client = Aws.organizations(sb, member)) {
      var o = client.describeOrganization().organization();
      assertThat(o.id()).isEqualTo(org.id()).matches("o-[a-z0-9]{10}");
      assertThat(o.masterAccountId()).isEqualTo("111111111111");
      assertThatThrownBy(() -> client.listAccounts(r -> { })).isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void anAccountOutsideAnyOrganizationIsTold() {
    var loner = sb.account("999999999999").iam().createUserWithAccessKey("ops");
    try (var client = Aws.organizations(sb, loner)) {
      assertThatThrownBy(client::describeOrganization).isInstanceOfSatisfying(AwsOrganizationsNotInUseException.class,
          e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Your account is not a member of an organization."));
    }
  }

  @Test
  void listAccountsNeedsItsPermission() {
    sb.organization("111111111111");
    sb.account("111111111111").iam().putUserPolicy("admin", "describe-only", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:Describe*","Resource":"*"}]}""");
    try (var client = Aws.organizations(sb, admin)) {
      assertThat(client.describeOrganization().organization().masterAccountId()).isEqualTo("111111111111");
      assertThatThrownBy(() -> client.listAccounts(r -> { })).hasMessageContaining("organizations:ListAccounts");
    }
  }
}
