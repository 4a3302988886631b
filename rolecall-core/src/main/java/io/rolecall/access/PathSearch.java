package io.rolecall.access;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Depth-first over the simple paths from a node to {@code end}, at most {@code maxHops} long, stopping after
 * {@code maxFound} paths or {@code budget} edge visits: hostile estates cannot make `access path` run for ever.
 */
final class PathSearch {
  private final Node end;
  private final List<List<Edge>> found;
  private final int maxFound;
  private final int maxHops;
  private final ArrayDeque<Edge> stack = new ArrayDeque<>();
  private final Set<Node> onPath = new HashSet<>();
  private int budget;

  PathSearch(Node end, List<List<Edge>> found, int maxFound, int maxHops, int budget) {
    this.end = end;
    this.found = found;
    this.maxFound = maxFound;
    this.maxHops = maxHops;
    this.budget = budget;
  }

  /** True when the search stopped before seeing every path. */
  boolean run(Node start) {
    onPath.add(start);
    return !walk(start);
  }

  private boolean walk(Node at) {
    if (at == end) {
      found.add(List.copyOf(stack));
      return found.size() < maxFound;
    }
    if (stack.size() >= maxHops) {
      return true;
    }
    for (Edge e : at.out) {
      if (--budget < 0) {
        return false;
      }
      if (onPath.add(e.to())) {
        stack.addLast(e);
        boolean go = walk(e.to());
        stack.removeLast();
        onPath.remove(e.to());
        if (!go) {
          return false;
        }
      }
    }
    return true;
  }
}
