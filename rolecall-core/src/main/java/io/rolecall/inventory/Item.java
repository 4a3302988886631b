package io.rolecall.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One identity or asset seen in an account (and region; "global" for IAM), with what AWS said about it. */
public record Item(Kind kind, String accountId, String region, String id, String name, ObjectNode data) {
  public static final String GLOBAL = "global";
}
