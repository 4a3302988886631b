package io.rolecall.sandbox.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PaginatorTest {
  static final class BadToken extends RuntimeException {}

  final Paginator paginator = new Paginator(BadToken::new);

  List<String> all(String scope, List<String> items, int limit) {
    var out = new ArrayList<String>();
    String token = null;
    do {
      var page = paginator.page(scope, items, Function.identity(), token, limit);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      out.addAll(page.items());
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  @Test
  void walksEveryItemOnceInSortKeyOrder() {
    var items = List.of("d", "a", "c", "b", "e");
    assertThat(all("s", items, 2)).containsExactly("a", "b", "c", "d", "e");
    assertThat(all("s", items, 5)).containsExactly("a", "b", "c", "d", "e");
    assertThat(all("s", items, 100)).containsExactly("a", "b", "c", "d", "e");
    assertThat(all("s", List.of(), 3)).isEmpty();
  }

  @Test
  void lastPageHasNoToken() {
    var first = paginator.page("s", List.of("a", "b", "c"), Function.identity(), null, 2);
    assertThat(first.truncated()).isTrue();
    var last = paginator.page("s", List.of("a", "b", "c"), Function.identity(), first.nextToken(), 2);
    assertThat(last.items()).containsExactly("c");
    assertThat(last.truncated()).isFalse();
    assertThat(paginator.page("s", List.of("a", "b"), Function.identity(), "", 2).nextToken()).isNull();
  }

  @Test
  void tokensAreStableAcrossInsertsAndDeletes() {
    var items = new ArrayList<>(List.of("a", "c", "e", "g"));
    var first = paginator.page("s", items, Function.identity(), null, 2);
    assertThat(first.items()).containsExactly("a", "c");
    items.remove("c"); // the last item returned disappears
    items.add("b");    // an item sorting before the cursor appears
    items.add("f");
    var second = paginator.page("s", items, Function.identity(), first.nextToken(), 2);
    assertThat(second.items()).containsExactly("e", "f");
    assertThat(paginator.page("s", items, Function.identity(), first.nextToken(), 2).nextToken())
        .isEqualTo(second.nextToken());
  }

  @Test
  void foreignTamperedOrGarbageTokensAreRejected() {
    String token = paginator.page("users", List.of("a", "b", "c"), Function.identity(), null, 1).nextToken();
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    for (String bad : List.of("garbage", "x.y", token + "A", "Yg." + token.substring(token.indexOf('.') + 1), "!!!.abc")) {
      assertThatThrownBy(() -> paginator.page("users", List.of("a"), Function.identity(), bad, 1))
          .as(bad).isInstanceOf(BadToken.class);
    }
    assertThatThrownBy(() -> paginator.page("roles", List.of("a"), Function.identity(), token, 1))
        .isInstanceOf(BadToken.class);
    assertThatThrownBy(() -> new Paginator(BadToken::new).page("users", List.of("a"), Function.identity(), token, 1))
        .isInstanceOf(BadToken.class);
  }
}
