package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.cli.CliRun;
import io.rolecall.sandbox.service.identitystore.StoreGroup;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;

/** The group and membership commands through the command line, each read back with the SDK or the store. */
class IdentityCenterGroupsTest {
  final SandboxIdentityCenter ic = new SandboxIdentityCenter();
  final StoreUser ann = ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");

  @AfterEach
  void close() {
    ic.close();
  }

  static JsonNode json(CliRun r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void createGetUpdateAndDeleteAGroup() throws Exception {
    var created = ic.run("-o", "context", "aws-iam-identitycenter-create-group", "displayName=Engineers",
        "description=People who build");
    assertThat(created.exit()).as(created.err()).isZero();
    String groupId = json(created).at("/AWS.IAMIdentityCenter.Group/GroupId").asText();
    try (var sdk = ic.sdk()) {
      var g = sdk.describeGroup(d -> d.identityStoreId(ic.store.id()).groupId(groupId));
      assertThat(g.displayName()).isEqualTo("Engineers");
      assertThat(g.description()).isEqualTo("People who build");
    }
    var dup = ic.run("aws-iam-identitycenter-create-group", "displayName=Engineers", "dry_run=true");
    assertThat(dup.exit()).isEqualTo(1);
    assertThat(dup.err()).contains("Group 'Engineers' already exists in identity store d-9067c1a2b3 (group id "
        + groupId + ")");

    var bySeedName = ic.run("-o", "json", "aws-iam-identitycenter-get-group", "groupName=Engineers");
    var byUpstreamName = ic.run("-o", "json", "aws-iam-identitycenter-get-group", "displayName=Engineers");
    assertThat(json(bySeedName).get("GroupId").asText()).isEqualTo(groupId);
    assertThat(byUpstreamName.out()).isEqualTo(bySeedName.out());

    var updated = ic.run("-o", "context", "aws-iam-identitycenter-update-group", "displayName=Engineers",
        "description=Builders");
    assertThat(updated.exit()).as(updated.err()).isZero();
    assertThat(json(updated).at("/AWS.IAMIdentityCenter.Group/Description").asText()).isEqualTo("Builders");
    assertThat(ic.store.requireGroup(groupId).description()).isEqualTo("Builders");

    var dryDelete = ic.run("aws-iam-identitycenter-delete-group", "groupName=Engineers", "dry_run=true");
    assertThat(dryDelete.out()).contains("Dry run: would delete group 'Engineers'");
    assertThat(ic.store.group(groupId)).isPresent();
    var deleted = ic.run("aws-iam-identitycenter-delete-group", "groupName=Engineers");
    assertThat(deleted.exit()).as(deleted.err()).isZero();
    assertThat(ic.store.group(groupId)).isEmpty();
    assertThat(ic.journal()).extracting(e -> e.command()).containsExactly("aws-iam-identitycenter-delete-group",
        "aws-iam-identitycenter-update-group", "aws-iam-identitycenter-create-group");
  }

  @Test
  void listGroupsInPages() throws Exception {
    ic.store.seedGroups("team", 4);
    var page = ic.run("-o", "context", "aws-iam-identitycenter-list-groups", "limit=3");
    assertThat(json(page).get("AWS.IAMIdentityCenter.Group")).hasSize(3);
    String token = json(page).get("AWS.IAMIdentityCenter.GroupNextToken").asText();
    var rest = ic.run("-o", "context", "aws-iam-identitycenter-list-groups", "nextToken=" + token);
    assertThat(json(rest).get("AWS.IAMIdentityCenter.Group")).hasSize(1);
  }

  @Test
  void addUserToGroupIsIdempotent() throws Exception {
    StoreGroup eng = ic.store.createGroup("Engineers");
    var dry = ic.run("aws-iam-identitycenter-add-user-to-group", "userName=ann", "groupName=Engineers", "dry_run=true");
    assertThat(dry.out()).contains("Dry run: would add user 'ann' to group 'Engineers'");
    assertThat(ic.store.membership(eng.groupId(), ann.userId())).isEmpty();

    var added = ic.run("-o", "context", "aws-iam-identitycenter-add-user-to-group", "userName=ann",
        "groupName=Engineers");
    assertThat(added.exit()).as(added.err()).isZero();
    String membershipId = json(added).at("/AWS.IAMIdentityCenter.User/GroupMemberships/0/MembershipId").asText();
    try (var sdk = ic.sdk()) {
      assertThat(sdk.getGroupMembershipId(g -> g.identityStoreId(ic.store.id()).groupId(eng.groupId())
          .memberId(m -> m.userId(ann.userId()))).membershipId()).isEqualTo(membershipId);
    }
    var again = ic.run("aws-iam-identitycenter-add-user-to-group", "userName=ann", "groupName=Engineers");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("User 'ann' is already in group 'Engineers'; nothing changed.");
    assertThat(ic.store.membershipsOfUser(ann.userId())).hasSize(1);
    assertThat(ic.journal()).hasSize(1);
  }

  @Test
  void listMembershipsNamesTheMembers() throws Exception {
    StoreGroup eng = ic.store.createGroup("Engineers");
    ic.store.addMember(eng, ann);
    ic.store.addMember(eng, ic.store.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com"));
    var r = ic.run("-o", "context", "aws-iam-identitycenter-list-memberships", "groupName=Engineers", "limit=1",
        "all=true");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode group = json(r).get("AWS.IAMIdentityCenter.Group");
    assertThat(group.get("GroupId").asText()).isEqualTo(eng.groupId());
    var names = new java.util.ArrayList<String>();
    group.get("GroupMemberships").forEach(m -> names.add(m.get("UserName").asText()));
    assertThat(names).containsExactlyInAnyOrder("ann", "bob");
  }

  @Test
  void deleteGroupMembershipByIdsOrByUser() {
    var eng = ic.store.addMember(ic.store.createGroup("Engineers"), ann);
    var ops = ic.store.addMember(ic.store.createGroup("Ops"), ann);
    var qa = ic.store.addMember(ic.store.createGroup("QA"), ann);
    var byIds = ic.run("aws-iam-identitycenter-delete-group-membership",
        "membershipId=" + eng.membershipId() + ", " + ops.membershipId());
    assertThat(byIds.exit()).as(byIds.err()).isZero();
    assertThat(byIds.out()).contains("Deleted 2 memberships.");
    try (var sdk = ic.sdk()) {
      assertThat(sdk.listGroupMembershipsForMember(l -> l.identityStoreId(ic.store.id())
          .memberId(m -> m.userId(ann.userId()))).groupMemberships())
          .extracting(GroupMembership::membershipId).containsExactly(qa.membershipId());
    }
    var byUser = ic.run("aws-iam-identitycenter-delete-group-membership", "userName=ann");
    assertThat(byUser.exit()).as(byUser.err()).isZero();
    assertThat(ic.store.membershipsOfUser(ann.userId())).isEmpty();
  }

  @Test
  void aTypoInOneMembershipIdDeletesNothing() {
    var eng = ic.store.addMember(ic.store.createGroup("Engineers"), ann);
    var r = ic.run("aws-iam-identitycenter-delete-group-membership",
        "membershipId=" + eng.membershipId() + ",9067c1a2b3-00000000-0000-4000-8000-000000000000");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(ic.store.membershipsOfUser(ann.userId())).hasSize(1);
    assertThat(ic.sb.calls().count("identitystore", "DeleteGroupMembership")).isZero();
  }
}
