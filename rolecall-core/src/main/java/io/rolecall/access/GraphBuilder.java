package io.rolecall.access;

import io.rolecall.inventory.Item;

/**
 * Feeds inventory items into a graph build one at a time (they may stream from the store; only small records
 * and parsed policies are kept), then {@link #build()}s the graph. Single use, not thread-safe.
 */
public final class GraphBuilder {
  private final Coverage coverage;
  private final Collected collected = new Collected();
  private boolean built;

  GraphBuilder(Coverage coverage) {
    this.coverage = coverage;
  }

  public GraphBuilder add(Item item) {
    collected.add(item);
    return this;
  }

  public GraphBuilder addAll(Iterable<Item> items) {
    items.forEach(this::add);
    return this;
  }

  public AccessGraph build() {
    if (built) {
      throw new IllegalStateException("this builder has built its graph already");
    }
    built = true;
    return new Assembly(collected, coverage).run();
  }
}
