package io.rolecall.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.commands.Commands;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {
  @Test
  void unknownCommandSuggestsTheClosestName() {
    assertThatThrownBy(() -> Commands.registry().require("aws-iam-account-pasword-policy-get"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown command 'aws-iam-account-pasword-policy-get'; did you mean aws-iam-account-password-policy-get?");
  }

  @Test
  void farOffNameGetsTheListHint() {
    assertThatThrownBy(() -> Commands.registry().require("frobnicate"))
        .hasMessage("unknown command 'frobnicate'; run 'rolecall help' to list commands");
  }
}
