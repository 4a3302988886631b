package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import io.rolecall.sandbox.service.identitystore.StoreGroup;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;

/** Identity Store groups and memberships through the AWS SDK for Java. */
class IdentityStoreGroupsTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final IdentityStore store = sb.account("111111111111").identityCenter().createInstance();
  final IdentitystoreClient ids = IdentityCenterClients.identityStore(sb, ops);

  @AfterEach
  void close() {
    ids.close();
    sb.close();
  }

  static MemberId member(StoreUser u) {
    return MemberId.fromUserId(u.userId());
  }

  @Test
  void createDescribeRenameAndLookUpGroups() {
    String id = ids.createGroup(r -> r.identityStoreId(store.id()).displayName("Engineers").description("All of them"))
        .groupId();
    var described = ids.describeGroup(r -> r.identityStoreId(store.id()).groupId(id));
    assertThat(described.displayName()).isEqualTo("Engineers");
    assertThat(described.description()).isEqualTo("All of them");
    var byName = AlternateIdentifier.builder().uniqueAttribute(UniqueAttribute.builder().attributePath("displayName")
        .attributeValue(Document.fromString("Engineers")).build()).build();
    assertThat(ids.getGroupId(r -> r.identityStoreId(store.id()).alternateIdentifier(byName)).groupId()).isEqualTo(id);

    ids.updateGroup(r -> r.identityStoreId(store.id()).groupId(id).operations(AttributeOperation.builder()
        .attributePath("description").attributeValue(Document.fromString("Builders")).build()));
    assertThat(ids.describeGroup(r -> r.identityStoreId(store.id()).groupId(id)).description()).isEqualTo("Builders");

    assertThatThrownBy(() -> ids.createGroup(r -> r.identityStoreId(store.id()).displayName("Engineers")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("Duplicate GroupDisplayName");
    var missing = AlternateIdentifier.builder().uniqueAttribute(UniqueAttribute.builder().attributePath("displayName")
        .attributeValue(Document.fromString("Nobody")).build()).build();
    assertThatThrownBy(() -> ids.getGroupId(r -> r.identityStoreId(store.id()).alternateIdentifier(missing)))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("GROUP not found.");
  }

  @Test
  void membershipsAreUniqueAndFindable() {
    StoreUser ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    StoreGroup eng = store.createGroup("Engineers");
    String membership = ids.createGroupMembership(r -> r.identityStoreId(store.id()).groupId(eng.groupId())
        .memberId(member(ann))).membershipId();
    assertThatThrownBy(() -> ids.createGroupMembership(r -> r.identityStoreId(store.id()).groupId(eng.groupId())
        .memberId(member(ann))))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Member and Group relationship already exists");
          assertThat(e.reasonAsString()).isEqualTo("UNIQUENESS_CONSTRAINT_VIOLATION");
        });
    assertThat(ids.getGroupMembershipId(r -> r.identityStoreId(store.id()).groupId(eng.groupId()).memberId(member(ann)))
        .membershipId()).isEqualTo(membership);
    var described = ids.describeGroupMembership(r -> r.identityStoreId(store.id()).membershipId(membership));
    assertThat(described.groupId()).isEqualTo(eng.groupId());
    assertThat(described.memberId().userId()).isEqualTo(ann.userId());
    StoreGroup ops = store.createGroup("Ops");
    var results = ids.isMemberInGroups(r -> r.identityStoreId(store.id()).memberId(member(ann))
        .groupIds(eng.groupId(), ops.groupId())).results();
    assertThat(results).extracting(x -> x.membershipExists()).containsExactly(true, false);

    ids.deleteGroupMembership(r -> r.identityStoreId(store.id()).membershipId(membership));
    assertThatThrownBy(() -> ids.deleteGroupMembership(r -> r.identityStoreId(store.id()).membershipId(membership)))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("GROUP_MEMBERSHIP not found.");
  }

  @Test
  void aUserInSixtyGroupsPagesThroughListGroupMembershipsForMember() {
    StoreUser ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    List<StoreGroup> groups = store.seedGroups("team", 60);
    groups.forEach(g -> store.addMember(g, ann));
    store.addMember(store.createGroup("other"), store.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com"));

    var pages = ids.listGroupMembershipsForMemberPaginator(r -> r.identityStoreId(store.id()).memberId(member(ann))
        .maxResults(25)).stream().toList();
    assertThat(pages).extracting(p -> p.groupMemberships().size()).containsExactly(25, 25, 10);
    var groupIds = pages.stream().flatMap(p -> p.groupMemberships().stream()).map(GroupMembership::groupId).toList();
    assertThat(groupIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        groups.stream().map(StoreGroup::groupId).toList());

    var groupPage = ids.listGroupMemberships(r -> r.identityStoreId(store.id()).groupId(groups.getFirst().groupId()));
    assertThat(groupPage.groupMemberships()).singleElement()
        .satisfies(m -> assertThat(m.memberId().userId()).isEqualTo(ann.userId()));
  }

  @Test
  void aGroupOfTwoHundredFiftyPagesThroughListGroupMemberships() {
    StoreGroup everyone = store.createGroup("Everyone");
    List<StoreUser> users = store.seedUsers("member", 250);
    users.forEach(u -> store.addMember(everyone, u));
    StoreUser outsider = store.createUser("outsider", "Out", "Sider", "Out Sider", "out@example.com");

    var pages = ids.listGroupMembershipsPaginator(r -> r.identityStoreId(store.id()).groupId(everyone.groupId()))
        .stream().toList();
    assertThat(pages).extracting(p -> p.groupMemberships().size()).containsExactly(100, 100, 50);
    var members = pages.stream().flatMap(p -> p.groupMemberships().stream()).toList();
    assertThat(members).extracting(m -> m.memberId().userId()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(users.stream().map(StoreUser::userId).toList());
    assertThat(members).allSatisfy(m -> {
      assertThat(m.groupId()).isEqualTo(everyone.groupId());
      assertThat(m.identityStoreId()).isEqualTo(store.id());
    });

    var some = members.get(42);
    assertThat(ids.getGroupMembershipId(r -> r.identityStoreId(store.id()).groupId(everyone.groupId())
        .memberId(some.memberId())).membershipId()).isEqualTo(some.membershipId());
    assertThatThrownBy(() -> ids.getGroupMembershipId(r -> r.identityStoreId(store.id()).groupId(everyone.groupId())
        .memberId(member(outsider)))).isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("GROUP_MEMBERSHIP not found.");
    assertThat(ids.listGroupMembershipsForMember(r -> r.identityStoreId(store.id()).memberId(member(outsider)))
        .groupMemberships()).isEmpty();
    String unknownGroup = store.id().substring(2) + "-00000000-0000-4000-8000-000000000000";
    assertThatThrownBy(() -> ids.listGroupMemberships(r -> r.identityStoreId(store.id()).groupId(unknownGroup)))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("GROUP not found.");

    ids.deleteGroupMembership(r -> r.identityStoreId(store.id()).membershipId(some.membershipId()));
    assertThat(store.membershipsOfGroup(everyone.groupId())).hasSize(249);
    assertThat(store.membershipsOfUser(some.memberId().userId())).isEmpty();
  }

  @Test
  void deletingAUserOrGroupDeletesItsMemberships() {
    StoreUser ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    StoreUser bob = store.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com");
    StoreGroup eng = store.createGroup("Engineers");
    store.addMember(eng, ann);
    store.addMember(eng, bob);
    ids.deleteUser(r -> r.identityStoreId(store.id()).userId(ann.userId()));
    assertThat(ids.listGroupMemberships(r -> r.identityStoreId(store.id()).groupId(eng.groupId())).groupMemberships())
        .extracting(m -> m.memberId().userId()).containsExactly(bob.userId());
    ids.deleteGroup(r -> r.identityStoreId(store.id()).groupId(eng.groupId()));
    assertThat(store.membership(eng.groupId(), bob.userId())).isEmpty();
    assertThat(ids.listGroups(r -> r.identityStoreId(store.id())).groups()).isEmpty();
  }
}
