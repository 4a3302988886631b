package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.aws.Sessions;
import io.rolecall.command.AccountSelection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run done as an engine does it, step by step: the organization step and each account's, any of which may be
 * redone in the same run after its engine died. Forgetting one kind of step's attempt leaves the other's rows, even
 * when both are stored under the same (management) account, and the step then runs again without a clash.
 */
class OrganizationStepRedoTest {
  static final String A = "222222222222";
  static final String M = Estate.MANAGEMENT;

  final Estate estate = new Estate();

  @AfterEach
  void close() {
    estate.close();
  }

  @Test
  void anAccountRedoKeepsTheOrganizationStepsRowsAndAnOrganizationRedoKeepsTheAccounts() {
    estate.seeded(M, CurrentStateTest.SMALL);
    estate.seeded(A, CurrentStateTest.SMALL);
    estate.sb.organization(M).addAccount(A);
    estate.sb.account(M).identityCenter().createInstance("us-east-1", "d-0123456789")
        .createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var store = estate.sqlite("redo.db");
    try (var sessions = new Sessions()) {
      var sync = new InventorySync(sessions, store, new RateLimits(), Clock.systemUTC());
      var plan = sync.begin(estate.settings(), new InventorySync.Request(AccountSelection.of(List.of(M, A)),
          List.of("us-east-1"), EnumSet.allOf(Part.class), 4, Duration.ofDays(1)));
      assertThat(sync.syncOrganization(plan, InventorySync.Listener.NONE).status()).isEqualTo("ok");
      sync.syncAccount(plan, M, InventorySync.Listener.NONE);
      sync.syncAccount(plan, A, InventorySync.Listener.NONE);
      var orgParts = parts(store, plan.runId(), true);
      assertThat(orgParts).containsExactlyInAnyOrder(M + " identitycenter us-east-1 ok", M + " organizations global ok");
      var accountParts = parts(store, plan.runId(), false);
      assertThat(accountParts).anySatisfy(p -> assertThat(p).startsWith(M + " iam"));

      // The management account redone: its own parts go, the organization step's (stored under it) stay.
      assertThat(store.forgetAttempt(plan.runId(), M)).isPositive();
      assertThat(parts(store, plan.runId(), true)).isEqualTo(orgParts);
      assertThat(parts(store, plan.runId(), false)).noneSatisfy(p -> assertThat(p).startsWith(M));
      assertThat(idcUsers(store)).containsExactly("ann");
      sync.syncAccount(plan, M, InventorySync.Listener.NONE);
      assertThat(parts(store, plan.runId(), false)).containsExactlyInAnyOrderElementsOf(accountParts);

      // The organization step redone: its parts go, the accounts' stay, and it runs again in the same run.
      assertThat(store.forgetOrganizationAttempt(plan.runId())).isPositive();
      assertThat(parts(store, plan.runId(), true)).isEmpty();
      assertThat(idcUsers(store)).isEmpty();
      assertThat(parts(store, plan.runId(), false)).containsExactlyInAnyOrderElementsOf(accountParts);
      assertThat(sync.syncOrganization(plan, InventorySync.Listener.NONE).status()).isEqualTo("ok");
      sync.finish(plan);
      assertThat(parts(store, plan.runId(), true)).containsExactlyInAnyOrderElementsOf(orgParts);
      assertThat(idcUsers(store)).containsExactly("ann");
      assertThat(store.accounts(plan.runId())).extracting(InventoryStore.AccountStatus::accountId)
          .containsExactlyInAnyOrder(M, A);
    }
  }

  static List<String> parts(InventoryStore store, String runId, boolean organizational) {
    return store.parts(runId).stream().filter(p -> p.part().organizational() == organizational)
        .map(p -> p.accountId() + " " + p.part().id() + " " + p.region() + " " + p.status()).toList();
  }

  static List<String> idcUsers(InventoryStore store) {
    var names = new ArrayList<String>();
    store.items(View.current(), List.of(Kind.IDC_USER), List.of(), s -> names.add(s.item().name()));
    return names;
  }
}
