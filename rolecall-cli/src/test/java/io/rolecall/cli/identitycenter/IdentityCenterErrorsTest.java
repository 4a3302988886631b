package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failures, as a user sees them: one line on stderr, exit 1 when AWS said no or what was named does not exist,
 * exit 2 for bad input (refused before any call), and never a secret.
 */
class IdentityCenterErrorsTest {
  final SandboxIdentityCenter ic = new SandboxIdentityCenter();

  @AfterEach
  void close() {
    ic.close();
  }

  void assertOneLine(CliRun r, int exit, String message) {
    assertThat(r.exit()).as(r.all()).isEqualTo(exit);
    assertThat(r.err()).isEqualTo("rolecall: " + message + System.lineSeparator());
    assertThat(r.all()).doesNotContain(ic.ops.secretAccessKey());
  }

  @Test
  void missingUsersAndGroupsNameWhatWasLookedUpAndWhere() {
    assertOneLine(ic.run("aws-iam-identitycenter-get-user", "userName=nobody"), 1,
        "User 'nobody' was not found in identity store d-9067c1a2b3.");
    assertOneLine(ic.run("aws-iam-identitycenter-get-user-by-email", "emailAddress=nobody@example.com"), 1,
        "User with the email nobody@example.com was not found in identity store d-9067c1a2b3.");
    assertOneLine(ic.run("aws-iam-identitycenter-get-group", "displayName=Nobody"), 1,
        "Group 'Nobody' was not found in identity store d-9067c1a2b3.");
    ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    assertOneLine(ic.run("aws-iam-identitycenter-add-user-to-group", "userName=ann", "groupName=Nobody"), 1,
        "Group 'Nobody' was not found in identity store d-9067c1a2b3.");
    assertOneLine(ic.run("aws-iam-identitycenter-delete-group-membership",
        "membershipId=9067c1a2b3-00000000-0000-4000-8000-000000000000"), 1,
        "Membership '9067c1a2b3-00000000-0000-4000-8000-000000000000' was not found in identity store d-9067c1a2b3.");
  }

  @Test
  void badInputIsRefusedBeforeAnyCall() {
    assertOneLine(ic.run("aws-iam-identitycenter-get-user-by-email", "emailAddress=ann@"), 2,
        "aws-iam-identitycenter-get-user-by-email: argument 'emailAddress': expected an email address such as"
            + " name@example.com, got 'ann@'");
    assertOneLine(ic.run("aws-iam-identitycenter-create-user", "userName=ann", "familyName= ", "givenName=Ann",
        "userEmailAddress=ann@example.com", "displayName=Ann Lee"), 2,
        "aws-iam-identitycenter-create-user: argument 'familyName': expected 1 to 1024 characters of text, not only"
            + " spaces, got an empty value");
    assertOneLine(ic.run("aws-iam-identitycenter-get-user", "userName=ann lee"), 2,
        "aws-iam-identitycenter-get-user: argument 'userName': expected a user name: 1 to 128 letters, digits,"
            + " symbols or punctuation, without spaces, got 'ann lee'");
    assertOneLine(ic.run("aws-iam-identitycenter-list-users", "limit=0"), 2,
        "aws-iam-identitycenter-list-users: argument 'limit': expected a whole number from 1 to 100, got 0");
    // Ids are judged by charset and length only (issue 13, item 13): an emulator's ids pass, spaces do not.
    assertOneLine(ic.run("aws-iam-identitycenter-list-users", "IdentityStoreId=store 1"), 2,
        "aws-iam-identitycenter-list-users: argument 'IdentityStoreId': expected an identity store id (1 to 36 letters,"
            + " digits and dashes, e.g. d-1234567890) or its ARN (arn:aws:identitystore::123456789012:identitystore/"
            + "d-1234567890), got 'store 1'");
    assertOneLine(ic.run("aws-iam-identitycenter-delete-group-membership", "userName=ann",
        "membershipId=9067c1a2b3-00000000-0000-4000-8000-000000000000"), 2,
        "aws-iam-identitycenter-delete-group-membership: give userName (remove the user from all groups) or"
            + " membershipId (comma-separated ids), one of the two");
    assertOneLine(ic.run("aws-iam-identitycenter-update-user", "userName=ann"), 2,
        "aws-iam-identitycenter-update-user: nothing to change: give at least one of familyName, givenName,"
            + " displayName, profileUrl, userType, title, userEmailAddress, userEmailAddressPrimary");
    assertOneLine(ic.run("--identity-store-id", "D 123", "aws-iam-identitycenter-list-users"), 2,
        "identity-store-id: expected an identity store id (1 to 36 letters, digits and dashes, e.g. d-1234567890) or"
            + " its ARN (arn:aws:identitystore::123456789012:identitystore/d-1234567890), got 'D 123'");
    assertThat(ic.sb.calls().total()).isZero();
  }

  @Test
  void theIdentityStoreIsDiscoveredWhenThereIsExactlyOne() {
    ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var r = ic.run("aws-iam-identitycenter-get-user", "userName=ann");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(ic.sb.calls().count("sso", "ListInstances")).isEqualTo(1);

    var given = ic.run("--identity-store-id", ic.store.id(), "aws-iam-identitycenter-get-user", "userName=ann");
    assertThat(given.exit()).as(given.err()).isZero();
    var asArgument = ic.run("aws-iam-identitycenter-get-user", "userName=ann", "IdentityStoreId=" + ic.store.id());
    assertThat(asArgument.exit()).as(asArgument.err()).isZero();
    assertThat(ic.sb.calls().count("sso", "ListInstances")).isEqualTo(1);
  }

  @Test
  void noInstanceOrSeveralInstancesAreClearErrors() {
    var other = ic.sb.account("222222222222").iam().createUserWithAccessKey("ops");
    var none = ic.runAs(other, "aws-iam-identitycenter-list-users");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).isEqualTo("rolecall: no IAM Identity Center instance is visible in region us-east-1"
        + " (sso:ListInstances found none): use the region of your Identity Center instance, or give"
        + " --identity-store-id or IdentityStoreId=" + System.lineSeparator());

    var second = ic.sb.account(SandboxIdentityCenter.ACCOUNT).identityCenter().createInstance();
    var several = ic.run("aws-iam-identitycenter-list-users");
    assertThat(several.exit()).isEqualTo(2);
    assertThat(several.err()).startsWith("rolecall: several IAM Identity Center instances are visible in region"
        + " us-east-1: ").contains(ic.store.id() + " (arn:aws:sso:::instance/ssoins-", second.id() + " (arn:aws:sso:::")
        .endsWith("; choose one with --identity-store-id or IdentityStoreId=" + System.lineSeparator());
  }

  @Test
  void aStoreThatIsNotThereIsNamedAsSuch() {
    assertOneLine(ic.run("aws-iam-identitycenter-get-user", "userName=ann", "IdentityStoreId=d-0000000000"), 1,
        "identity store d-0000000000 not found in region us-east-1 for this identity (identitystore:GetUserId):"
            + " check IdentityStoreId / --identity-store-id and the region");
  }

  @Test
  void accessDeniedIsOneLineNamingTheAction() {
    var iam = ic.sb.account(SandboxIdentityCenter.ACCOUNT).iam();
    var reader = iam.createUserWithAccessKey("reader");
    iam.putUserPolicy("reader", "read", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["identitystore:Get*",
        "identitystore:Describe*","identitystore:List*","sso:ListInstances"],"Resource":"*"}]}""");
    ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var r = ic.runAs(reader, "aws-iam-identitycenter-delete-user", "userName=ann");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("rolecall: identitystore:DeleteUser in identity store d-9067c1a2b3:"
        + " AccessDeniedException: User: arn:aws:iam::111111111111:user/reader is not authorized to perform:"
        + " identitystore:DeleteUser").doesNotContain(reader.secretAccessKey());
    assertThat(r.err().strip()).doesNotContain("\n");
    assertThat(ic.store.users()).hasSize(1);
  }
}
