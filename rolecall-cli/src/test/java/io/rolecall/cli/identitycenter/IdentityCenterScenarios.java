package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.cli.CliRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/**
 * Scenarios run against every emulator (the sandbox, moto_server): state is seeded through the AWS SDK, changed by
 * rolecall's command line, and read back with the AWS CLI, so three independent clients agree on it. Pagination is
 * exercised past one page: 120 users, a user in 60 groups.
 */
abstract class IdentityCenterScenarios {
  abstract IdentityCenterTarget target();

  static JsonNode json(CliRun r) {
    assertThat(r.exit()).as(r.err()).isZero();
    try {
      return new ObjectMapper().readTree(r.out());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String createUser(IdentitystoreClient sdk, String userName) {
    return sdk.createUser(r -> r.identityStoreId(target().storeId()).userName(userName).displayName("User " + userName)
        .name(n -> n.givenName("Given").familyName(userName)).emails(e -> e.value(userName + "@example.com")
            .primary(true))).userId();
  }

  String createGroup(IdentitystoreClient sdk, String name) {
    return sdk.createGroup(r -> r.identityStoreId(target().storeId()).displayName(name)).groupId();
  }

  void addMember(IdentitystoreClient sdk, String groupId, String userId) {
    sdk.createGroupMembership(r -> r.identityStoreId(target().storeId()).groupId(groupId).memberId(m -> m.userId(userId)));
  }

  @Test
  void createUserThenTheAwsCliReadsItBack() {
    var t = target();
    String userId = json(t.run("-o", "json", "aws-iam-identitycenter-create-user", "userName=carol",
        "familyName=Diaz", "givenName=Carol", "userEmailAddress=carol@example.com", "displayName=Carol Diaz"))
        .get("UserId").asText();
    JsonNode user = t.awsCli().identityStore(t.storeId(), "describe-user", "--user-id", userId);
    assertThat(user.get("UserName").asText()).isEqualTo("carol");
    assertThat(user.at("/Name/GivenName").asText()).isEqualTo("Carol");
    assertThat(user.at("/Name/FamilyName").asText()).isEqualTo("Diaz");
    assertThat(user.get("DisplayName").asText()).isEqualTo("Carol Diaz");
    assertThat(user.at("/Emails/0/Value").asText()).isEqualTo("carol@example.com");
  }

  @Test
  void aStoreOf120UsersIsSearchedAndListedWhole() {
    var t = target();
    var ids = new ArrayList<String>();
    try (var sdk = t.sdk()) {
      for (int i = 1; i <= 120; i++) {
        ids.add(createUser(sdk, String.format("user%03d", i)));
      }
    }
    for (int i : List.of(1, 77, 120)) {
      JsonNode found = json(t.run("-o", "json", "aws-iam-identitycenter-get-user-by-email",
          "emailAddress=" + String.format("user%03d", i) + "@example.com"));
      assertThat(found.get("UserId").asText()).isEqualTo(ids.get(i - 1));
    }
    JsonNode all = json(t.run("-o", "json", "aws-iam-identitycenter-list-users", "all=true", "limit=50"));
    Set<String> listed = new HashSet<>();
    all.get("Users").forEach(u -> listed.add(u.get("UserId").asText()));
    assertThat(listed).hasSize(120).containsAll(ids);

    JsonNode cli = t.awsCli().identityStore(t.storeId(), "list-users", "--page-size", "50");
    Set<String> viaCli = new HashSet<>();
    cli.get("Users").forEach(u -> viaCli.add(u.get("UserId").asText()));
    assertThat(viaCli).isEqualTo(listed);

    JsonNode firstPage = json(t.run("-o", "context", "aws-iam-identitycenter-list-users", "limit=50"));
    assertThat(firstPage.get("AWS.IAMIdentityCenter.User")).hasSize(50);
    assertThat(firstPage.get("AWS.IAMIdentityCenter.UserNextToken").asText()).isNotBlank();
  }

  @Test
  void aUserInSixtyGroupsIsListedThenRemovedFromEveryOne() {
    var t = target();
    String userId;
    var groupIds = new ArrayList<String>();
    try (var sdk = t.sdk()) {
      userId = createUser(sdk, "dave");
      for (int i = 1; i <= 60; i++) {
        String groupId = createGroup(sdk, String.format("team%03d", i));
        groupIds.add(groupId);
        addMember(sdk, groupId, userId);
      }
    }
    JsonNode listed = json(t.run("-o", "context", "aws-iam-identitycenter-list-groups-for-user", "userName=dave",
        "all=true", "limit=25"));
    Set<String> names = new HashSet<>();
    listed.at("/AWS.IAMIdentityCenter.User/GroupMemberships").forEach(m -> names.add(m.get("GroupName").asText()));
    assertThat(names).hasSize(60).contains("team001", "team060");

    JsonNode cliBefore = t.awsCli().identityStore(t.storeId(), "list-group-memberships-for-member",
        "--member-id", "UserId=" + userId);
    Set<String> viaCli = new HashSet<>();
    cliBefore.get("GroupMemberships").forEach(m -> viaCli.add(m.get("GroupId").asText()));
    assertThat(viaCli).containsExactlyInAnyOrderElementsOf(groupIds);

    CliRun removed = t.run("aws-iam-identitycenter-remove-user-from-all-groups", "userName=dave");
    assertThat(removed.exit()).as(removed.err()).isZero();
    assertThat(removed.out()).contains("Removed user 'dave' from 60 groups.");
    JsonNode cliAfter = t.awsCli().identityStore(t.storeId(), "list-group-memberships-for-member",
        "--member-id", "UserId=" + userId);
    assertThat(cliAfter.get("GroupMemberships")).isEmpty();
  }

  @Test
  void groupsAndMembershipsEndToEnd() {
    var t = target();
    try (var sdk = t.sdk()) {
      createUser(sdk, "erin");
      createUser(sdk, "frank");
    }
    String groupId = json(t.run("-o", "json", "aws-iam-identitycenter-create-group", "displayName=Responders",
        "description=Incident responders")).get("GroupId").asText();
    assertThat(json(t.run("-o", "json", "aws-iam-identitycenter-get-group", "groupName=Responders"))
        .get("GroupId").asText()).isEqualTo(groupId);
    assertThat(t.run("aws-iam-identitycenter-add-user-to-group", "userName=erin", "groupName=Responders").exit()).isZero();
    assertThat(t.run("aws-iam-identitycenter-add-user-to-group", "userName=frank", "groupName=Responders").exit()).isZero();

    JsonNode members = json(t.run("-o", "context", "aws-iam-identitycenter-list-memberships", "groupName=Responders"));
    Set<String> names = new HashSet<>();
    members.at("/AWS.IAMIdentityCenter.Group/GroupMemberships").forEach(m -> names.add(m.get("UserName").asText()));
    assertThat(names).containsExactlyInAnyOrder("erin", "frank");
    JsonNode cli = t.awsCli().identityStore(t.storeId(), "list-group-memberships", "--group-id", groupId);
    assertThat(cli.get("GroupMemberships")).hasSize(2);

    assertThat(t.run("aws-iam-identitycenter-delete-group-membership", "userName=erin").exit()).isZero();
    assertThat(t.awsCli().identityStore(t.storeId(), "list-group-memberships", "--group-id", groupId)
        .get("GroupMemberships")).hasSize(1);

    assertThat(t.run("aws-iam-identitycenter-delete-user", "userName=frank").exit()).isZero();
    var gone = t.awsCli().run("identitystore", "get-user-id", "--identity-store-id", t.storeId(),
        "--alternate-identifier", "{\"UniqueAttribute\":{\"AttributePath\":\"userName\",\"AttributeValue\":\"frank\"}}");
    assertThat(gone.exit()).isNotZero();
    assertThat(gone.err()).contains("ResourceNotFoundException");

    assertThat(t.run("aws-iam-identitycenter-delete-group", "groupName=Responders").exit()).isZero();
    JsonNode groups = t.awsCli().identityStore(t.storeId(), "list-groups");
    assertThat(groups.get("Groups")).noneMatch(g -> g.get("GroupId").asText().equals(groupId));
  }

  @Test
  void updatesAreAppliedOrTheEmulatorsRefusalIsOneLine() {
    var t = target();
    try (var sdk = t.sdk()) {
      createUser(sdk, "gina");
      createGroup(sdk, "Auditors");
    }
    CliRun user = t.run("aws-iam-identitycenter-update-user", "userName=gina", "title=Auditor", "familyName=Ruiz");
    CliRun group = t.run("aws-iam-identitycenter-update-group", "displayName=Auditors", "description=Read-only");
    if (t.implementsUpdates()) {
      assertThat(user.exit()).as(user.err()).isZero();
      assertThat(group.exit()).as(group.err()).isZero();
      String userId = t.awsCli().identityStore(t.storeId(), "get-user-id", "--alternate-identifier",
          "{\"UniqueAttribute\":{\"AttributePath\":\"userName\",\"AttributeValue\":\"gina\"}}").get("UserId").asText();
      JsonNode described = t.awsCli().identityStore(t.storeId(), "describe-user", "--user-id", userId);
      assertThat(described.get("Title").asText()).isEqualTo("Auditor");
      assertThat(described.at("/Name/FamilyName").asText()).isEqualTo("Ruiz");
      assertThat(described.at("/Name/GivenName").asText()).isEqualTo("Given");
    } else {
      System.err.println(getClass().getSimpleName() + ": this emulator does not implement UpdateUser/UpdateGroup;"
          + " checking that rolecall reports that as one line, exit 1");
      for (CliRun r : List.of(user, group)) {
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("rolecall: identitystore:Update");
      }
    }
  }
}
