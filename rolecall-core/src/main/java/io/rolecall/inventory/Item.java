package io.rolecall.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One identity or asset seen in an account (and region; "global" for IAM), with what AWS said about it. */
public record Item(Kind kind, String accountId, String region, String id, String name, ObjectNode data) {
  public static final String GLOBAL = "global";

  /** The item as `inventory list -o json` and the engine show it: where and what, then AWS's fields. */
  public ObjectNode json() {
    var node = io.rolecall.render.Json.mapper().createObjectNode();
    node.put("accountId", accountId).put("region", region).put("kind", kind.id()).put("id", id);
    node.setAll(data);
    return node;
  }
}
