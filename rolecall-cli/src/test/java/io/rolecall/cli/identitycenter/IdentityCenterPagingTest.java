package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.cli.CliRun;
import io.rolecall.sandbox.service.identitystore.StoreGroup;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A store of 120 users and a user in 60 groups: more than one page of everything. The upstream integration read
 * only the first page in get-user-by-email and remove-user-from-all-groups; these show rolecall covers them all.
 */
class IdentityCenterPagingTest {
  final SandboxIdentityCenter ic = new SandboxIdentityCenter();
  final List<StoreUser> users = ic.store.seedUsers("user", 120);
  final StoreUser ann = users.get(41);
  final List<StoreGroup> groups = ic.store.seedGroups("team", 60);

  {
    groups.forEach(g -> ic.store.addMember(g, ann));
  }

  @AfterEach
  void close() {
    ic.close();
  }

  static JsonNode json(CliRun r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void getUserByEmailFindsAUserBeyondThePagesOfListUsers() throws Exception {
    // Whatever page ListUsers would put them on, every user is found: one GetUserId on emails.value, no scan.
    for (StoreUser u : List.of(users.getFirst(), users.get(99), users.getLast())) {
      var r = ic.run("-o", "json", "aws-iam-identitycenter-get-user-by-email", "emailAddress=" + u.email());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(json(r).get("UserId").asText()).isEqualTo(u.userId());
    }
    assertThat(ic.sb.calls().count("identitystore", "ListUsers")).isZero();
    assertThat(ic.sb.calls().count("identitystore", "GetUserId")).isEqualTo(3);
  }

  @Test
  void listUsersWithAllFollowsEveryPage() throws Exception {
    var r = ic.run("-o", "json", "aws-iam-identitycenter-list-users", "all=true", "limit=50");
    assertThat(r.exit()).as(r.err()).isZero();
    Set<String> names = new HashSet<>();
    json(r).get("Users").forEach(u -> names.add(u.get("UserName").asText()));
    assertThat(names).hasSize(120).contains("user001", "user120");
    assertThat(ic.sb.calls().count("identitystore", "ListUsers")).isEqualTo(3);

    var defaults = ic.run("-o", "json", "aws-iam-identitycenter-list-users", "all=true");
    assertThat(json(defaults).get("Users")).hasSize(120);
    assertThat(ic.sb.calls().count("identitystore", "ListUsers")).isEqualTo(3 + 2);
  }

  @Test
  void listGroupsForUserWithAllReturnsAllSixtyGroupsNamed() throws Exception {
    var r = ic.run("-o", "context", "aws-iam-identitycenter-list-groups-for-user", "userName=" + ann.userName(),
        "all=true", "limit=25");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode memberships = json(r).at("/AWS.IAMIdentityCenter.User/GroupMemberships");
    Set<String> names = new HashSet<>();
    memberships.forEach(m -> names.add(m.get("GroupName").asText()));
    assertThat(names).isEqualTo(groups.stream().map(StoreGroup::displayName).collect(Collectors.toSet()));
    assertThat(json(r).has("AWS.IAMIdentityCenter.GroupMembershipNextToken")).isFalse();
    assertThat(json(r).at("/AWS.IAMIdentityCenter.User/GroupsUserNextToken").isNull()).isTrue();
    assertThat(ic.sb.calls().count("identitystore", "ListGroupMembershipsForMember")).isEqualTo(3);
  }

  @Test
  void listGroupsForUserOnePageHandsBackTheToken() throws Exception {
    var first = ic.run("-o", "context", "aws-iam-identitycenter-list-groups-for-user", "userName=" + ann.userName());
    assertThat(json(first).at("/AWS.IAMIdentityCenter.User/GroupMemberships")).hasSize(50);
    // Upstream's key, inside the user entry (issue 13, item 5).
    String token = json(first).at("/AWS.IAMIdentityCenter.User/GroupsUserNextToken").asText();
    assertThat(token).isNotBlank();
    var rest = ic.run("-o", "context", "aws-iam-identitycenter-list-groups-for-user", "userName=" + ann.userName(),
        "nextToken=" + token);
    assertThat(json(rest).at("/AWS.IAMIdentityCenter.User/GroupMemberships")).hasSize(10);
  }

  @Test
  void removeUserFromAllGroupsRemovesEveryPageAndReportsEachRemoval() throws Exception {
    StoreUser bob = users.get(7);
    ic.store.addMember(groups.getFirst(), bob);
    var r = ic.run("aws-iam-identitycenter-remove-user-from-all-groups", "userName=" + ann.userName());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Removed user '" + ann.userName() + "' from 60 groups.");
    for (StoreGroup g : groups) {
      assertThat(r.out()).containsPattern(ann.userName() + " +" + g.displayName() + " +" + g.groupId() + " .* removed");
    }
    assertThat(ic.store.membershipsOfUser(ann.userId())).isEmpty();
    assertThat(ic.store.membershipsOfUser(bob.userId())).hasSize(1);
    assertThat(ic.sb.calls().count("identitystore", "DeleteGroupMembership")).isEqualTo(60);
    assertThat(ic.journal()).singleElement().satisfies(e -> assertThat(e.after()).isEqualTo("[]"));
  }

  @Test
  void aFailureMidwaySaysWhatWasRemovedAndWhatRemainsAndJournalsTheRemovals() {
    ic.sb.faults().on("identitystore").action("DeleteGroupMembership").after(3).serverError(1);
    var r = ic.run("aws-iam-identitycenter-remove-user-from-all-groups", "userName=" + ann.userName());
    assertThat(r.exit()).isEqualTo(1);
    String error = r.err().strip();
    assertThat(error).doesNotContain("\n").startsWith("rolecall: removed 3 of 60 memberships (")
        .contains("then failed on " + ann.userName() + " in '", "InternalFailure", "still in place (57): ");
    assertThat(ic.store.membershipsOfUser(ann.userId())).hasSize(57);
    // The three removals happened, so they are in the journal even though the command failed.
    assertThat(ic.journal()).singleElement().satisfies(e -> {
      assertThat(e.command()).isEqualTo("aws-iam-identitycenter-remove-user-from-all-groups");
      assertThat(e.after()).contains(ic.store.membershipsOfUser(ann.userId()).getFirst().membershipId());
    });
  }
}
