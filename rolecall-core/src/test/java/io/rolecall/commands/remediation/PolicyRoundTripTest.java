package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.command.CommandSpec;
import io.rolecall.commands.Commands;
import io.rolecall.policy.PermissionPolicy;
import io.rolecall.render.Json;
import io.rolecall.sandbox.service.ec2.MetadataOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated least-privilege policy is enough and nothing in it is spare: attached to the target
 * role in the sandbox (which authorizes every call by its exact IAM action), each command works; with
 * any one action taken out, the command fails with AccessDenied naming that action.
 */
class PolicyRoundTripTest {
  static final String ACCOUNT = "222222222222";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  /** A command, arguments that make it call everything it declares, and how to undo its change. */
  record Scenario(String command, Map<String, String> args, Runnable reset) {}

  @Test
  void eachCommandNeedsExactlyItsDeclaredPermissions() {
    target = new Target(dir, ACCOUNT);
    var account = target.sb.account(ACCOUNT);
    account.s3().createBucket("logs-1");
    String instance = account.ec2("us-east-1").launchInstance();
    var scenarios = List.of(
        new Scenario("aws-s3-public-access-block-update", Map.of("bucket", "logs-1", "block_public_acls", "true"),
            () -> account.s3().setPublicAccessBlock("logs-1", null)),
        new Scenario("aws-iam-account-password-policy-update", Map.of("minimum_password_length", "14"),
            () -> account.iam().passwordPolicy().ifPresent(p -> account.iam().deletePasswordPolicy())),
        new Scenario("aws-iam-account-password-policy-get", Map.of(), () -> { }),
        new Scenario("aws-ec2-instance-metadata-options-modify", Map.of("instance_id", instance, "http_tokens", "required"),
            () -> account.ec2("us-east-1").updateMetadataOptions(instance, o -> MetadataOptions.DEFAULTS)));

    for (var s : scenarios) {
      CommandSpec spec = Commands.registry().require(s.command()).spec();
      var args = new LinkedHashMap<>(s.args());
      args.put("account_id", ACCOUNT);

      attach(PermissionPolicy.of(List.of(spec)));
      s.reset().run();
      var ok = target.run(s.command(), args);
      assertThat(ok.exitCode()).as(s.command() + " with the generated policy: " + ok.failures()).isZero();

      for (String action : spec.permissions()) {
        attach(without(PermissionPolicy.of(List.of(spec)), action));
        s.reset().run();
        var denied = target.run(s.command(), args);
        assertThat(denied.exitCode()).as(s.command() + " without " + action).isEqualTo(1);
        assertThat(denied.failures().getFirst().error()).as(s.command() + " without " + action)
            .contains("not authorized to perform: " + action).doesNotContain("\n");
      }
    }
  }

  void attach(Map<String, Object> policy) {
    target.sb.account(ACCOUNT).iam().putRolePolicy(Target.ROLE, "rolecall-commands", Json.write(policy));
  }

  /** The policy with one action taken out (and a harmless statement, so the role keeps a policy). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> without(Map<String, Object> policy, String action) {
    var statements = new ArrayList<Object>();
    statements.add(Map.of("Effect", "Allow", "Action", "sts:GetCallerIdentity", "Resource", "*"));
    for (var s : (List<Map<String, Object>>) policy.get("Statement")) {
      var actions = new ArrayList<>((List<String>) s.get("Action"));
      actions.remove(action);
      if (!actions.isEmpty()) {
        var copy = new LinkedHashMap<>(s);
        copy.put("Action", actions);
        statements.add(copy);
      }
    }
    return Map.of("Version", "2012-10-17", "Statement", statements);
  }
}
