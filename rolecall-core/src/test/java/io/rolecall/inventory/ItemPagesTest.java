package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.UsageException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paging in SQL (the engine's list endpoints) over a real sync of the sandbox: pages of any size add up to the
 * streamed listing, in its order, with the same total on every page; and forgetting one account's attempt in a run
 * puts its current state back where it was before that run.
 */
class ItemPagesTest {
  static final List<String> ACCOUNTS = List.of("222222222222", "333333333333");
  final Estate estate = new Estate();

  @AfterEach
  void close() {
    estate.close();
  }

  @Test
  void pagesOfAnySizeAddUpToTheWholeListingInOrder() {
    ACCOUNTS.forEach(estate::seeded);
    var store = estate.sqlite("pages.db");
    estate.sync(store, ACCOUNTS);
    var kinds = List.of(Kind.values());
    var streamed = new ArrayList<String>();
    store.items(View.current(), kinds, List.of(), s -> streamed.add(s.json().toString()));
    assertThat(streamed).hasSizeGreaterThan(40);

    for (int limit : new int[] {1, 7, 1000}) {
      var paged = new ArrayList<String>();
      String token = null;
      int pages = 0;
      do {
        var page = ItemPages.items(store, View.current(), kinds, List.of(), limit, token);
        assertThat(page.total()).isEqualTo(streamed.size());
        assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
        page.items().forEach(i -> paged.add(i.toString()));
        token = page.nextToken();
        pages++;
      } while (token != null);
      assertThat(paged).as("limit %d", limit).containsExactlyElementsOf(streamed);
      assertThat(pages).isEqualTo((streamed.size() + limit - 1) / limit);
    }

    var one = ItemPages.items(store, View.current(), List.of(Kind.USER), List.of("333333333333"), 2, null);
    assertThat(one.total()).isEqualTo(6);
    assertThat(one.items()).allSatisfy(i -> assertThat(i.get("accountId").asText()).isEqualTo("333333333333"));
  }

  @Test
  void eventsPageNewestFirstAndBadTokensAreUsageErrors() {
    ACCOUNTS.forEach(estate::seeded);
    var store = estate.sqlite("events.db");
    estate.sync(store, ACCOUNTS);
    var streamed = new ArrayList<String>();
    store.events(List.of(), e -> streamed.add(e.eventId()));
    var paged = new ArrayList<String>();
    String token = null;
    do {
      var page = ItemPages.events(store, List.of(), 5, token);
      assertThat(page.total()).isEqualTo(streamed.size());
      page.items().forEach(e -> paged.add(e.get("eventId").asText()));
      token = page.nextToken();
    } while (token != null);
    assertThat(paged).containsExactlyInAnyOrderElementsOf(streamed).doesNotHaveDuplicates();
    var times = new ArrayList<String>();
    ItemPages.events(store, List.of(), 1000, null).items().forEach(e -> times.add(e.get("eventTime").asText()));
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    for (String bad : new String[] {"nope", "W10", "WyJhIl0", "eyJhIjoxfQ", "%%%"}) {
      assertThatThrownBy(() -> ItemPages.items(store, View.current(), List.of(Kind.USER), List.of(), 5, bad))
          .isInstanceOf(UsageException.class).hasMessageStartingWith("nextToken: expected");
    }
  }

  @Test
  void forgettingAnAttemptPutsTheCurrentStateBackAsItWasBeforeTheRun() {
    String account = ACCOUNTS.getFirst();
    estate.seeded(account);
    var store = estate.sqlite("forget.db");
    var first = estate.sync(store, List.of(account));
    var before = store.pointers(View.current());
    var second = estate.sync(store, List.of(account), EnumSet.of(Part.IAM));
    assertThat(store.pointers(View.current())).anySatisfy(p -> assertThat(p.runId()).isEqualTo(second.runId()));

    assertThat(store.forgetAttempt(second.runId(), account)).isPositive();
    assertThat(store.pointers(View.current())).containsExactlyElementsOf(before)
        .allSatisfy(p -> assertThat(p.runId()).isEqualTo(first.runId()));
    assertThat(Estate.items(store, second.runId(), account)).isEmpty();
    assertThat(store.parts(second.runId())).isEmpty();
    assertThat(store.accounts(second.runId())).isEmpty();
    // The same account can now be recorded in that run again, as if for the first time.
    store.recordAccounts(second.runId(), List.of(new InventoryStore.AccountStatus(account, "ok", null, 1, 0, 0)));
    assertThat(store.accounts(second.runId())).hasSize(1);
    List<ObjectNode> users = ItemPages.items(store, View.current(), List.of(Kind.USER), List.of(account), 100, null)
        .items();
    assertThat(users).hasSize(6).allSatisfy(u -> assertThat(u.get("runId").asText()).isEqualTo(first.runId()));
  }
}
