package io.rolecall.commands.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Targeting;
import io.rolecall.commands.Commands;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every Identity Center command declares: the seed's names, its integration, the store, paging, dry runs. */
class IdentityCenterSpecsTest {
  static final List<String> SIXTEEN = List.of("create-user", "get-user", "get-user-by-email", "list-users",
      "list-groups", "get-group", "list-groups-for-user", "add-user-to-group", "remove-user-from-all-groups",
      "delete-user", "update-user", "create-group", "delete-group", "update-group", "delete-group-membership",
      "list-memberships");

  static List<CommandSpec> specs() {
    return Commands.registry().specs().stream().filter(s -> s.name().startsWith("aws-iam-identitycenter-")).toList();
  }

  @Test
  void exactlyTheSixteenCommandsOfSeedAndUpstream() {
    assertThat(specs()).extracting(CommandSpec::name)
        .containsExactlyInAnyOrderElementsOf(SIXTEEN.stream().map(n -> "aws-iam-identitycenter-" + n).toList());
  }

  @Test
  void eachRunsAsTheInstanceOnAnIdentityStore() {
    for (CommandSpec s : specs()) {
      assertThat(s.integration()).as(s.name()).isEqualTo("AWS - IAM Identity Center");
      assertThat(s.targeting()).as(s.name()).isEqualTo(Targeting.INSTANCE);
      assertThat(s.arg("account_id")).as(s.name()).isEmpty();
      assertThat(s.arg("IdentityStoreId")).as(s.name()).isPresent();
      assertThat(s.permissions()).as(s.name()).contains("sso:ListInstances")
          .anyMatch(p -> p.startsWith("identitystore:"));
      assertThat(s.description()).as(s.name()).isNotBlank();
    }
  }

  @Test
  void listCommandsPageAndMutationsHaveDryRuns() {
    for (CommandSpec s : specs()) {
      boolean lists = s.name().contains("-list-");
      assertThat(s.arg("limit").isPresent() && s.arg("nextToken").isPresent() && s.arg("all").isPresent())
          .as(s.name()).isEqualTo(lists);
      boolean writes = !lists && !s.name().contains("-get-");
      assertThat(s.mutating()).as(s.name()).isEqualTo(writes);
      assertThat(s.arg("dry_run").isPresent()).as(s.name()).isEqualTo(writes);
    }
  }

  @Test
  void seedArgumentNamesAreKept() {
    var create = Commands.registry().require("aws-iam-identitycenter-create-user").spec();
    assertThat(create.ownArgs()).extracting(ArgSpec::name).contains("userName", "familyName", "givenName",
        "userEmailAddress", "displayName");
    var byEmail = Commands.registry().require("aws-iam-identitycenter-get-user-by-email").spec();
    assertThat(byEmail.arg("emailAddress")).get().extracting(ArgSpec::required).isEqualTo(true);
    var add = Commands.registry().require("aws-iam-identitycenter-add-user-to-group").spec();
    assertThat(add.ownArgs()).extracting(ArgSpec::name).contains("userName", "groupName");
    var get = Commands.registry().require("aws-iam-identitycenter-get-group").spec();
    assertThat(get.ownArgs()).extracting(ArgSpec::name).contains("groupName", "displayName");
  }
}
