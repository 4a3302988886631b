package io.rolecall.access;

import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.Part;
import io.rolecall.inventory.View;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access graph of the store's current state: every account's IAM, EC2 instances (for instance profiles),
 * Identity Center and the SCPs, streamed into the builder (the items are not kept). Its coverage says which
 * accounts' IAM it holds, whether Identity Center data and SCPs were there to apply, and which accounts in scope
 * were not assessed (the roll call's coverage: never synced, latest IAM attempt failed, data older than maxAge).
 */
public final class StoreGraph {
  /** What the graph reads. */
  static final List<Kind> KINDS = List.of(Kind.USER, Kind.GROUP, Kind.ROLE, Kind.LOCAL_POLICY, Kind.AWS_POLICY,
      Kind.INSTANCE, Kind.IDC_INSTANCE, Kind.IDC_USER, Kind.IDC_GROUP, Kind.PERMISSION_SET, Kind.ACCOUNT_ASSIGNMENT,
      Kind.SCP, Kind.ORGANIZATION);

  private StoreGraph() {}

  public static AccessGraph current(InventoryStore store, Instant now, Duration maxAge) {
    var pointers = store.pointers(View.current());
    var iam = new TreeSet<String>();
    boolean identityCenter = false;
    boolean scps = false;
    for (var p : pointers) {
      switch (p.part()) {
        case IAM -> iam.add(p.accountId());
        case IDENTITYCENTER -> identityCenter = true;
        case ORGANIZATIONS -> scps = true;
        default -> { }
      }
    }
    var notAssessed = new LinkedHashMap<String, String>();
    for (var gap : io.rolecall.inventory.Coverage.current(store, List.of(), EnumSet.of(Part.IAM), now, maxAge)) {
      notAssessed.put(gap.accountId(), gap.status() + ": " + gap.reason());
    }
    var builder = AccessGraph.builder(new Coverage(Set.copyOf(iam), identityCenter, scps, notAssessed));
    store.items(View.current(), KINDS, List.of(), s -> builder.add(s.item()));
    return builder.build();
  }
}
