package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;

/** The user commands through the rolecall command line, against the sandbox over HTTP with the real SDK. */
class IdentityCenterUsersTest {
  final SandboxIdentityCenter ic = new SandboxIdentityCenter();

  @AfterEach
  void close() {
    ic.close();
  }

  static JsonNode json(CliRun r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void createUserThenReadItBackWithTheSdk() throws Exception {
    var r = ic.run("-o", "context", "aws-iam-identitycenter-create-user", "userName=ann", "familyName=Lee",
        "givenName=Ann", "userEmailAddress=ann@example.com", "displayName=Ann Lee", "title=Engineer");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode user = json(r).get("AWS.IAMIdentityCenter.User");
    String userId = user.get("UserId").asText();
    assertThat(user.get("IdentityStoreId").asText()).isEqualTo(SandboxIdentityCenter.STORE_ID);

    try (var sdk = ic.sdk()) {
      var described = sdk.describeUser(d -> d.identityStoreId(ic.store.id()).userId(userId));
      assertThat(described.userName()).isEqualTo("ann");
      assertThat(described.name().givenName()).isEqualTo("Ann");
      assertThat(described.name().familyName()).isEqualTo("Lee");
      assertThat(described.displayName()).isEqualTo("Ann Lee");
      assertThat(described.title()).isEqualTo("Engineer");
      assertThat(described.emails()).singleElement().satisfies(e -> {
        assertThat(e.value()).isEqualTo("ann@example.com");
        assertThat(e.primary()).isTrue();
      });
    }
  }

  @Test
  void createUserDryRunWritesNothingAndADuplicateNameIsRefused() {
    var dry = ic.run("aws-iam-identitycenter-create-user", "userName=ann", "familyName=Lee", "givenName=Ann",
        "userEmailAddress=ann@example.com", "displayName=Ann Lee", "dry_run=true");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("Dry run: would create user 'ann' in identity store d-9067c1a2b3");
    assertThat(ic.store.users()).isEmpty();
    assertThat(ic.sb.calls().count("identitystore", "CreateUser")).isZero();

    ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var dryAgain = ic.run("aws-iam-identitycenter-create-user", "userName=ann", "familyName=Lee", "givenName=Ann",
        "userEmailAddress=other@example.com", "displayName=Ann Lee", "dry_run=true");
    assertThat(dryAgain.exit()).isEqualTo(1);
    assertThat(dryAgain.err()).startsWith("rolecall: User 'ann' already exists in identity store d-9067c1a2b3");

    var conflict = ic.run("aws-iam-identitycenter-create-user", "userName=ann", "familyName=Lee", "givenName=Ann",
        "userEmailAddress=other@example.com", "displayName=Ann Lee");
    assertThat(conflict.exit()).isEqualTo(1);
    assertThat(conflict.err().strip()).isEqualTo("rolecall: identitystore:CreateUser in identity store d-9067c1a2b3:"
        + " ConflictException: Duplicate UserName").doesNotContain("\n");
  }

  @Test
  void getUserByNameAndByEmail() throws Exception {
    var ann = ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var byName = ic.run("-o", "json", "aws-iam-identitycenter-get-user", "userName=ann");
    assertThat(byName.exit()).as(byName.err()).isZero();
    assertThat(json(byName).get("UserId").asText()).isEqualTo(ann.userId());
    assertThat(json(byName).at("/Name/GivenName").asText()).isEqualTo("Ann");

    var byEmail = ic.run("aws-iam-identitycenter-get-user-by-email", "emailAddress=ann@example.com");
    assertThat(byEmail.exit()).as(byEmail.err()).isZero();
    assertThat(byEmail.out()).contains(ann.userId(), "ann", "Ann Lee", "ann@example.com");
  }

  @Test
  void updateUserChangesOnlyWhatIsGiven() throws Exception {
    var ann = ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var r = ic.run("-o", "context", "aws-iam-identitycenter-update-user", "userName=ann", "familyName=Smith",
        "userEmailAddress=ann.smith@example.com", "title=Lead");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode user = json(r).get("AWS.IAMIdentityCenter.User");
    assertThat(user.at("/Name/FamilyName").asText()).isEqualTo("Smith");
    assertThat(user.at("/Name/GivenName").asText()).isEqualTo("Ann");
    assertThat(user.at("/Emails/0/Value").asText()).isEqualTo("ann.smith@example.com");
    assertThat(user.get("DisplayName").asText()).isEqualTo("Ann Lee");
    try (var sdk = ic.sdk()) {
      var described = sdk.describeUser(d -> d.identityStoreId(ic.store.id()).userId(ann.userId()));
      assertThat(described.title()).isEqualTo("Lead");
      assertThat(described.name().familyName()).isEqualTo("Smith");
    }

    var dry = ic.run("aws-iam-identitycenter-update-user", "userName=ann", "displayName=Annie", "dry_run=yes");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("Dry run: would update displayName of user 'ann'");
    assertThat(ic.store.requireUser(ann.userId()).displayName()).isEqualTo("Ann Lee");

    var nothing = ic.run("aws-iam-identitycenter-update-user", "userName=ann");
    assertThat(nothing.exit()).isEqualTo(2);
    assertThat(nothing.err()).contains("nothing to change: give at least one of familyName, givenName");
  }

  @Test
  void deleteUserRemovesItAndJournalsTheChange() {
    var ann = ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var dry = ic.run("aws-iam-identitycenter-delete-user", "userName=ann", "dry_run=true");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(ic.store.user(ann.userId())).isPresent();

    var r = ic.run("aws-iam-identitycenter-delete-user", "userName=ann");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Deleted user 'ann' from identity store d-9067c1a2b3.");
    assertThat(ic.store.user(ann.userId())).isEmpty();
    try (var sdk = ic.sdk()) {
      var byName = AlternateIdentifier.builder().uniqueAttribute(u -> u.attributePath("userName")
          .attributeValue(Document.fromString("ann"))).build();
      assertThatThrownBy(() -> sdk.getUserId(g -> g.identityStoreId(ic.store.id())
          .alternateIdentifier(byName))).hasMessageContaining("USER not found.");
    }
    assertThat(ic.journal()).singleElement().satisfies(e -> {
      assertThat(e.command()).isEqualTo("aws-iam-identitycenter-delete-user");
      assertThat(e.resource()).isEqualTo("identitystore/d-9067c1a2b3 user ann");
      assertThat(e.before()).contains(ann.userId(), "ann@example.com");
      assertThat(e.after()).isEqualTo("null");
    });
  }

  @Test
  void listUsersOnePageAtATimeOrAll() throws Exception {
    ic.store.seedUsers("user", 7);
    var first = ic.run("-o", "context", "aws-iam-identitycenter-list-users", "limit=5");
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode ctx = json(first);
    assertThat(ctx.get("AWS.IAMIdentityCenter.User")).hasSize(5);
    String token = ctx.get("AWS.IAMIdentityCenter.UserNextToken").asText();

    var second = ic.run("-o", "context", "aws-iam-identitycenter-list-users", "limit=5", "nextToken=" + token);
    assertThat(json(second).get("AWS.IAMIdentityCenter.User")).hasSize(2);
    assertThat(json(second).has("AWS.IAMIdentityCenter.UserNextToken")).isFalse();

    var all = ic.run("-o", "json", "aws-iam-identitycenter-list-users", "all=true", "limit=3");
    assertThat(json(all).get("Users")).hasSize(7);
    assertThat(json(all).get("NextToken").isNull()).isTrue();
  }
}
