package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.identitystore.StoreMembership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.identitystore.model.IdentitystoreException;

/**
 * Faults armed with after(n) let n matching requests through first: a failure in the middle of a sequence. Faults
 * that act after handling: a response dropped once the change is made, a state altered before the answer.
 */
class FaultAfterTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");

  @AfterEach
  void close() {
    sb.close();
  }

  @Test
  void theThirdDeletionFailsAndTheOthersSucceed() {
    var store = sb.account("111111111111").identityCenter().createInstance();
    var ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var memberships = store.seedGroups("g", 4).stream().map(g -> store.addMember(g, ann)).toList();
    sb.faults().on("identitystore").action("DeleteGroupMembership").after(2).serverError(1);
    try (var ids = IdentityCenterClients.identityStore(sb, ops)) {
      for (int i = 0; i < 4; i++) {
        StoreMembership m = memberships.get(i);
        if (i == 2) {
          assertThatThrownBy(() -> ids.deleteGroupMembership(r -> r.identityStoreId(store.id())
              .membershipId(m.membershipId())))
              .isInstanceOfSatisfying(IdentitystoreException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        } else {
          ids.deleteGroupMembership(r -> r.identityStoreId(store.id()).membershipId(m.membershipId()));
        }
      }
    }
    assertThat(store.membershipsOfUser(ann.userId())).extracting(StoreMembership::membershipId)
        .containsExactly(memberships.get(2).membershipId());
    assertThat(sb.faults().pending()).isZero();
  }

  @Test
  void aDroppedResponseLeavesTheChangeMadeAndTheClientUninformed() {
    var store = sb.account("111111111111").identityCenter().createInstance();
    sb.faults().on("identitystore").action("CreateUser").dropResponse(1);
    try (var ids = IdentityCenterClients.identityStore(sb, ops)) {
      assertThatThrownBy(() -> ids.createUser(r -> r.identityStoreId(store.id()).userName("bob").displayName("Bob Ray")
          .name(n -> n.givenName("Bob").familyName("Ray"))))
          .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
      // The retry a client would make meets the user its first attempt created.
      assertThatThrownBy(() -> ids.createUser(r -> r.identityStoreId(store.id()).userName("bob").displayName("Bob Ray")
          .name(n -> n.givenName("Bob").familyName("Ray"))))
          .isInstanceOf(software.amazon.awssdk.services.identitystore.model.ConflictException.class);
    }
    assertThat(store.users()).extracting(u -> u.userName()).containsExactly("bob");
    assertThat(sb.faults().pending()).isZero();
  }

  @Test
  void anAlterationRunsAfterTheCallAndBeforeItsAnswer() {
    var store = sb.account("111111111111").identityCenter().createInstance();
    var group = store.createGroup("Engineers", "builds");
    sb.faults().on("identitystore").action("UpdateGroup").thenAlter(() -> store.updateGroup(group.groupId(),
        io.rolecall.sandbox.protocol.Json.MAPPER.createArrayNode().add(io.rolecall.sandbox.protocol.Json.MAPPER
            .createObjectNode().put("AttributePath", "description").put("AttributeValue", "kept"))));
    try (var ids = IdentityCenterClients.identityStore(sb, ops)) {
      ids.updateGroup(r -> r.identityStoreId(store.id()).groupId(group.groupId()).operations(o -> o
          .attributePath("description").attributeValue(software.amazon.awssdk.core.document.Document.fromString("new"))));
      assertThat(ids.describeGroup(r -> r.identityStoreId(store.id()).groupId(group.groupId())).description())
          .isEqualTo("kept");
    }
    assertThat(sb.faults().pending()).isZero();
  }
}
