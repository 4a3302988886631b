package io.rolecall.sandbox.service.identitystore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.protocol.Json;
import java.math.BigDecimal;
import java.time.Instant;

/** The service's JSON shapes for users, groups and memberships (timestamps as epoch seconds, as AWS JSON sends them). */
final class StoreJson {
  private StoreJson() {}

  static ObjectNode user(IdentityStore store, StoreUser u) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("IdentityStoreId", store.id()).put("UserId", u.userId());
    n.setAll(u.attributes().deepCopy());
    n.put("CreatedAt", seconds(u.createdAt())).put("UpdatedAt", seconds(u.updatedAt()));
    return n;
  }

  static ObjectNode group(IdentityStore store, StoreGroup g) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("IdentityStoreId", store.id()).put("GroupId", g.groupId()).put("DisplayName", g.displayName());
    if (g.description() != null) n.put("Description", g.description());
    n.put("CreatedAt", seconds(g.createdAt())).put("UpdatedAt", seconds(g.updatedAt()));
    return n;
  }

  static ObjectNode membership(IdentityStore store, StoreMembership m) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("IdentityStoreId", store.id()).put("MembershipId", m.membershipId()).put("GroupId", m.groupId());
    n.putObject("MemberId").put("UserId", m.userId());
    n.put("CreatedAt", seconds(m.createdAt())).put("UpdatedAt", seconds(m.createdAt()));
    return n;
  }

  static ObjectNode ids(IdentityStore store, String idMember, String id) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put(idMember, id).put("IdentityStoreId", store.id());
    return n;
  }

  private static BigDecimal seconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
  }
}
