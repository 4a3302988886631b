package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.policy.InventoryPermissions;
import io.rolecall.render.Json;
import io.rolecall.sandbox.SandboxMain;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.Seeder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `rolecall policy inventory` and `rolecall policy engine` on the command line, and the inventory's permission list
 * against what a full sync (estate, organization, Identity Center) calls on the emulator: member accounts are called
 * for member actions only, the management account for the rest, and nothing outside the list.
 */
class PolicyInventoryCliTest {
  static final String ENGINE = "arn:aws:iam::111111111111:user/engine";

  @TempDir
  Path dir;

  static List<String> actions(JsonNode policy) {
    var out = new ArrayList<String>();
    policy.path("Statement").forEach(s -> s.path("Action").forEach(a -> out.add(a.asText())));
    return out;
  }

  @Test
  void policyInventoryPrintsTheMemberAndManagementPolicies() throws Exception {
    var r = CliRun.inProcess(Map.of(), "--role-name", "RolecallAudit", "--external-id", "ext-secret-9", "policy",
        "inventory", "--principal", ENGINE, "-o", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode all = Json.mapper().readTree(r.out());
    assertThat(actions(all.path("MemberPermissions"))).containsExactlyInAnyOrderElementsOf(InventoryPermissions.MEMBER);
    assertThat(actions(all.path("ManagementPermissions")))
        .containsExactlyInAnyOrderElementsOf(InventoryPermissions.MANAGEMENT);
    assertThat(all.path("Trust").toString()).contains(ENGINE, "ext-secret-9");
    assertThat(all.path("StacksetTemplate").toString()).doesNotContain("ext-secret-9", "identitystore:", "sso:");
    assertThat(all.path("ManagementRoleTemplate").path("Parameters").path("ExternalId").path("NoEcho").asBoolean())
        .isTrue();
    var table = CliRun.inProcess(Map.of(), "policy", "inventory", "--principal", ENGINE);
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("# Inventory role RolecallTarget in every member account",
        "iam:GetAccountAuthorizationDetails", "identitystore:ListUsers");
    var one = CliRun.inProcess(Map.of(), "policy", "inventory", "--show", "member-permissions");
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(actions(Json.mapper().readTree(one.out()))).doesNotContain("sso:ListInstances");
    UsageErrorsCliTest.assertUsage(CliRun.inProcess(Map.of(), "policy", "inventory", "--show", "bogus"),
        "--show: expected member-permissions");
  }

  @Test
  void policyEngineIsTheIdentitysOwnPolicy() throws Exception {
    var r = CliRun.inProcess(Map.of(), "--role-name", "RolecallAudit", "policy", "engine");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode doc = Json.mapper().readTree(r.out());
    assertThat(doc.path("Statement").get(0).path("Resource").asText()).isEqualTo("arn:aws:iam::*:role/RolecallAudit");
    assertThat(actions(doc)).contains("sts:AssumeRole", "organizations:ListAccounts", "identitystore:ListUsers")
        .noneMatch(a -> a.startsWith("iam:") || a.startsWith("ec2:"));
  }

  @Test
  void aFullSyncCallsNothingOutsideTheListAndMemberAccountsOnlyMemberActions() throws Exception {
    var printed = new ByteArrayOutputStream();
    var options = SandboxMain.parse(new String[] {"--accounts", "2", "--users", "2", "--keys-per-user", "1",
        "--groups", "1", "--roles", "1", "--policies", "1", "--vpcs", "1", "--instances", "1", "--events", "2",
        "--ous", "1", "--ic-users", "2", "--ic-groups", "1", "--ic-memberships", "1", "--permission-sets", "1",
        "--assignments-per-account", "1", "--risks", "--risky-assets"});
    try (var sb = SandboxMain.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      Seeder.accessRole(sb.account("111111111111"), "RolecallAudit", TrustPolicy.trustingAccount("111111111111"));
      var env = new HashMap<String, String>();
      printed.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && l.contains("="))
          .forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
      sb.calls().reset();
      var sync = CliRun.inProcess(Map.of(), "--endpoint-url", env.get("AWS_ENDPOINT_URL"), "--region", "us-east-1",
          "--access-key", env.get("AWS_ACCESS_KEY_ID"), "--secret-key", env.get("AWS_SECRET_ACCESS_KEY"),
          "--role-name", "RolecallAudit", "--db", dir.resolve("i.db").toString(), "inventory", "sync", "--accounts",
          "all", "--identity-center-account", "111111111111");
      assertThat(sync.exit()).as(sync.all()).isZero();
      var member = new TreeSet<String>();
      var management = new TreeSet<String>();
      sb.calls().snapshot().keySet().forEach(k -> {
        String action = InventoryPermissions.iamAction(k.service() + ":" + k.action());
        if (!k.service().equals("sts")) {
          (k.account().equals("111111111111") ? management : member).add(action);
        }
      });
      var allowed = Stream.concat(InventoryPermissions.all().stream(), InventoryPermissions.ENGINE.stream()).toList();
      assertThat(member).as("calls in member accounts").isNotEmpty()
          .allMatch(InventoryPermissions.MEMBER::contains);
      assertThat(management).as("calls in the management account").allMatch(allowed::contains)
          .contains("identitystore:ListUsers", "sso:ListPermissionSets", "organizations:ListPolicies");
      var called = new TreeSet<>(member);
      called.addAll(management);
      // Two fallbacks the emulator's estate does not reach: a key's last use when the credential report has no slot
      // for it, and the MFA devices of a user with MFA that is not virtual. Every other listed action is called.
      var fallbacks = List.of("iam:GetAccessKeyLastUsed", "iam:ListMFADevices");
      assertThat(called).as("every listed action is called by a full sync")
          .containsAll(InventoryPermissions.all().stream().filter(a -> !fallbacks.contains(a)).toList());
    }
  }
}
