package io.rolecall.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadBackTest {
  @Test
  void membersThatDifferAreNamedWithWhatIsHeldAndWhatWasAsked() {
    var asked = Map.<String, Object>of("MinimumPasswordLength", 14, "ExpirePasswords", true, "MaxPasswordAge", 90);
    var held = Map.<String, Object>of("MinimumPasswordLength", 14L, "ExpirePasswords", false);
    assertThat(ReadBack.differences(asked, held, Set.of())).containsExactlyInAnyOrder(
        "ExpirePasswords is false, asked for true", "MaxPasswordAge is unset, asked for 90");
  }

  @Test
  void nestedMembersListsAndAssignedIdsCompareAsAUserWouldExpect() {
    var asked = new LinkedHashMap<String, Object>();
    asked.put("UserName", "bob");
    asked.put("Name", Map.of("GivenName", "Bob"));
    asked.put("Emails", List.of(Map.of("Value", "bob@example.com", "Primary", true)));
    var held = new LinkedHashMap<String, Object>(asked);
    held.put("UserId", "u-1");
    held.put("IdentityStoreId", "d-1");
    assertThat(ReadBack.differences(asked, held, Set.of("UserId", "IdentityStoreId"))).isEmpty();
    held.put("Name", Map.of("GivenName", "Robert"));
    assertThat(ReadBack.differences(asked, held, Set.of("UserId", "IdentityStoreId")))
        .containsExactly("Name.GivenName is 'Robert', asked for 'Bob'");
  }

  @Test
  void aDeletionThatLeftTheResourceOrACreationThatFoundNoneIsADifference() {
    assertThat(ReadBack.differences(null, Map.of("UserName", "zed"), Set.of()))
        .containsExactly("it still exists, asked for its deletion");
    assertThat(ReadBack.differences(Map.of("UserName", "bob"), null, Set.of())).containsExactly("it is not there");
    assertThat(ReadBack.differences(null, null, Set.of())).isEmpty();
    assertThat(ReadBack.differences(List.of(), List.of(), Set.of())).isEmpty();
    assertThat(ReadBack.differences(List.of(), List.of(Map.of("GroupName", "Readers")), Set.of())).hasSize(1);
  }
}
