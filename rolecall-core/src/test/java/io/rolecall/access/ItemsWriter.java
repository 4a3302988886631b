package io.rolecall.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.inventory.Item;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An {@link IamWriter} that writes items by hand, in the shapes {@link EstateItems} gives them. */
final class ItemsWriter implements IamWriter {
  final EstateItems items;
  private final Map<String, ObjectNode> entities = new HashMap<>();

  ItemsWriter(EstateItems items) {
    this.items = items;
  }

  List<Item> items() {
    return items.items;
  }

  @Override
  public void user(String account, String name, boolean console, boolean mfa) {
    entities.put(key(account, Entity.USER, name), items.user(account, name).put("passwordEnabled", console)
        .put("mfaActive", mfa));
  }

  @Override
  public void group(String account, String name) {
    entities.put(key(account, Entity.GROUP, name), items.group(account, name));
  }

  @Override
  public void member(String account, String user, String group) {
    items.member(entity(account, Entity.USER, user), group);
  }

  @Override
  public void role(String account, String name, ObjectNode trust) {
    entities.put(key(account, Entity.ROLE, name), items.role(account, name, trust));
  }

  @Override
  public void inline(String account, Entity kind, String name, String policyName, ObjectNode document) {
    items.inline(entity(account, kind, name), policyName, document);
  }

  @Override
  public String localPolicy(String account, String name, ObjectNode document) {
    return items.localPolicy(account, name, document);
  }

  @Override
  public void attach(String account, Entity kind, String name, String policyArn) {
    items.attach(entity(account, kind, name), policyArn);
  }

  private ObjectNode entity(String account, Entity kind, String name) {
    return entities.get(key(account, kind, name));
  }

  private static String key(String account, Entity kind, String name) {
    return account + "|" + kind + "|" + name;
  }
}
