package io.rolecall.access;

import static io.rolecall.access.TruthEstate.D;
import static io.rolecall.access.TruthEstate.M;
import static io.rolecall.access.TruthEstate.P;
import static io.rolecall.access.TruthEstate.U;
import static io.rolecall.access.TruthEstate.X;
import static io.rolecall.access.TruthEstate.role;
import static io.rolecall.access.TruthEstate.root;
import static io.rolecall.access.TruthEstate.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.inventory.Kind;
import io.rolecall.render.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The answers' paths, grants, conditions, coverage and JSON shapes, on the truth-table estate. */
class AnswersTest {
  static final AccessGraph GRAPH = TruthTableTest.GRAPH;
  static final String ANN = TruthTableTest.ANN;

  static Reach who(String account, String principal) {
    return GRAPH.who(account, Level.READ).principals().stream().filter(r -> r.principal().equals(principal))
        .findFirst().orElseThrow(() -> new AssertionError(principal + " not in who --account " + account));
  }

  static PrincipalRef ref(String text) {
    return AccessInput.principal("--principal", text);
  }

  @Test
  void aCrossAccountChainOfTwoRolesIsExplainedHopByHop() {
    var alice = who(D, user(M, "alice"));
    assertThat(alice.level()).isEqualTo(Level.ADMIN);
    assertThat(alice.path()).extracting(Hop::from, Hop::to, Hop::edge).containsExactly(
        org.assertj.core.groups.Tuple.tuple(user(M, "alice"), role(P, "Deployer"), "can-assume"),
        org.assertj.core.groups.Tuple.tuple(role(P, "Deployer"), role(D, "DevAdmin"), "can-assume"));
    assertThat(alice.path().get(0).grant()).isEqualTo("trust policy of " + role(P, "Deployer") + " statement #1; "
        + user(M, "alice") + " inline 'work' statement #1");
    assertThat(alice.path().get(1).grant()).isEqualTo("trust policy of " + role(D, "DevAdmin") + " statement #1; "
        + role(P, "Deployer") + " inline 'deploy' statement #2");
    assertThat(alice.target()).isEqualTo(role(D, "DevAdmin"));
    assertThat(alice.levelGrant()).isEqualTo(EstateItems.ADMIN_ARN + " statement #1");
    assertThat(alice.conditions()).isEmpty();
    assertThat(alice.kind()).isEqualTo("iam-user");
    assertThat(alice.name()).isEqualTo("alice");
  }

  @Test
  void anOutsideAccountBehindAnExternalIdIsNamedWithItsCondition() {
    var partner = who(P, root(X));
    assertThat(partner.kind()).isEqualTo("external-account");
    assertThat(partner.name()).isEqualTo(X);
    assertThat(partner.accountId()).isEqualTo(P);
    assertThat(partner.level()).isEqualTo(Level.ADMIN);
    assertThat(partner.conditions()).containsExactly("sts:ExternalId");
    assertThat(partner.path()).singleElement().satisfies(h -> {
      assertThat(h.to()).isEqualTo(role(P, "Partner"));
      assertThat(h.grant()).contains("admits " + root(X)).contains("not collected");
    });
    var anyone = who(P, "*");
    assertThat(anyone.kind()).isEqualTo("external-any");
    assertThat(anyone.conditions()).containsExactly("aws:PrincipalOrgID");
  }

  @Test
  void anIdentityCenterGroupAssignmentReachesTheExactReservedRole() {
    var ann = GRAPH.who(P, Level.ADMIN).principals().stream().filter(r -> r.principal().equals(ANN)).findFirst()
        .orElseThrow();
    assertThat(ann.kind()).isEqualTo("idc-user");
    assertThat(ann.name()).isEqualTo("ann");
    assertThat(ann.path()).extracting(Hop::edge).containsExactly("member-of", "assigned");
    assertThat(ann.path().get(0).to()).isEqualTo("idc-group:" + TruthEstate.STORE + "/Admins");
    assertThat(ann.path().get(1).to()).isEqualTo(
        "arn:aws:iam::" + P + ":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef");
    assertThat(ann.path().get(1).grant()).isEqualTo("permission set Admin (" + TruthEstate.PS_ADMIN
        + ") assigned to the group in " + P);
    // In D the look-alike under /custom/ holds the same name and AdministratorAccess: it is not the set's role.
    var inD = GRAPH.reach(ref(ANN)).reach().stream().filter(r -> r.accountId().equals(D)).map(Reach::target).toList();
    assertThat(inD).contains("arn:aws:iam::" + D + ":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_aaaabbbbccccdddd")
        .doesNotContain("arn:aws:iam::" + D + ":role/custom/AWSReservedSSO_Admin_0123456789abcdef");
    // ben's direct assignment: one hop.
    assertThat(who(D, "idc:" + TruthEstate.STORE + "/ben").path()).extracting(Hop::edge).containsExactly("assigned");
  }

  @Test
  void anAccountWhoseIamIsMissingIsAnsweredFromThePermissionSetAndSaysSo() {
    var answer = GRAPH.who(U, Level.READ);
    assertThat(answer.principals()).singleElement().satisfies(r -> {
      assertThat(r.principal()).isEqualTo(ANN);
      assertThat(r.level()).isEqualTo(Level.ADMIN);
      assertThat(r.target()).isEqualTo("arn:aws:iam::" + U + ":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_*");
      assertThat(r.levelGrant()).startsWith(EstateItems.ADMIN_ARN + " (in permission set Admin");
    });
    @SuppressWarnings("unchecked")
    var missing = (List<Map<String, Object>>) answer.coverage().get("accountsNotAssessed");
    assertThat(missing).containsExactly(Map.of("accountId", U, "reason", "sync failed: AccessDenied on sts:AssumeRole"));
    assertThat((List<?>) answer.coverage().get("gaps")).anySatisfy(g -> assertThat(g.toString())
        .contains("account " + U + "'s IAM not collected: role derived from permission set Admin"));
    // P's answer touches no missing account.
    assertThat((List<?>) GRAPH.who(P, Level.ADMIN).coverage().get("accountsNotAssessed")).isEmpty();
  }

  @Test
  void anExplicitDenyRemovesTheEdgeItsGroupWouldGive() {
    var none = GRAPH.path(ref(user(M, "dave")), role(P, "Deployer"));
    assertThat(none.paths()).isEmpty();
    assertThat(none.truncated()).isFalse();
    // Carol is admitted by the same kind of :root trust with her own permission; bob, without, is not.
    assertThat(GRAPH.path(ref(user(M, "carol")), role(D, "OpsRead")).paths()).singleElement();
    assertThat(GRAPH.path(ref(user(M, "bob")), role(D, "OpsRead")).paths()).isEmpty();
    // Named across accounts is not enough either.
    assertThat(GRAPH.path(ref(user(M, "bob")), role(D, "XNamed")).paths()).isEmpty();
  }

  @Test
  void aSameAccountTrustNamingThePrincipalNeedsNoPermissionOfItsOwn() {
    var route = GRAPH.path(ref(user(D, "frank")), role(D, "NamedTrust")).paths();
    assertThat(route).singleElement().satisfies(r -> assertThat(r.path().getFirst().grant())
        .endsWith("names " + user(D, "frank") + " in the same account (no identity permission needed)"));
  }

  @Test
  void aPermissionsBoundaryCapsAnAdministratorPolicy() {
    var capped = GRAPH.reach(ref(user(D, "capped"))).reach();
    assertThat(capped).singleElement().satisfies(r -> {
      assertThat(r.level()).isEqualTo(Level.READ);
      assertThat(r.levelGrant()).isEqualTo(EstateItems.ADMIN_ARN + " statement #1");
    });
  }

  @Test
  void pathListsEveryWayShortestFirst() {
    var answer = GRAPH.path(ref(user(M, "erin")), role(D, "DevAdmin"));
    assertThat(answer.level()).isEqualTo(Level.ADMIN);
    assertThat(answer.paths()).isNotEmpty();
    assertThat(answer.paths().getFirst().path()).extracting(Hop::to).containsExactly(role(P, "Deployer"),
        role(D, "DevAdmin"));
    for (int i = 1; i < answer.paths().size(); i++) {
      assertThat(answer.paths().get(i).path().size()).isGreaterThanOrEqualTo(answer.paths().get(i - 1).path().size());
    }
    var hank = GRAPH.path(ref(user(M, "hank")), role(P, "Hop3")).paths();
    assertThat(hank).singleElement().satisfies(r -> assertThat(r.path()).extracting(Hop::to)
        .containsExactly(role(P, "Hop1"), role(D, "Hop2"), role(P, "Hop3")));
  }

  @Test
  void pathStopsAtTwentyShortestFirstAndSaysItStopped() {
    var e = new EstateItems();
    String a = "555555555555";
    e.inline(e.user(a, "hub"), "any", PolicyJson.doc(PolicyJson.allow("*", "sts:AssumeRole")));
    for (int i = 0; i < 30; i++) {
      e.inline(e.role(a, "R" + i, PolicyJson.trustAws(root(a))), "any", PolicyJson.doc(PolicyJson.allow("*",
          "sts:AssumeRole")));
    }
    var g = AccessGraph.of(e.items, Coverage.of(List.of(a), false, false));
    var answer = g.path(ref(user(a, "hub")), role(a, "R7"));
    assertThat(answer.truncated()).isTrue();
    assertThat(answer.paths()).hasSize(AccessGraph.MAX_PATHS);
    assertThat(answer.paths().getFirst().path()).hasSize(1);
    assertThat(answer.paths()).allSatisfy(r -> assertThat(r.path().getLast().to()).isEqualTo(role(a, "R7")));
  }

  @Test
  void jsonHasExactlyTheIssuesShapes() {
    var who = Json.mapper().valueToTree(GRAPH.who(P, Level.ADMIN).json());
    assertThat(fields(who)).containsExactly("accountId", "level", "coverage", "principals");
    assertThat(who.get("level").asText()).isEqualTo("admin");
    var entry = who.get("principals").get(0);
    assertThat(fields(entry)).containsExactly("principal", "kind", "name", "accountId", "level", "conditions", "path");
    var hank = who.get("principals").findValuesAsText("principal");
    assertThat(hank).contains(user(M, "hank"), ANN, "ec2.amazonaws.com", root(P));
    for (var e : who.get("principals")) {
      for (var hop : e.get("path")) {
        assertThat(fields(hop)).containsExactly("from", "to", "edge", "grant");
        assertThat(hop.get("edge").asText()).isIn("member-of", "assigned", "can-assume");
      }
    }
    var coverage = who.get("coverage");
    assertThat(fields(coverage)).contains("iamAccounts", "identityCenter", "scpsApplied", "accountsNotAssessed", "gaps",
        "notEvaluated");
    assertThat(coverage.get("iamAccounts").asInt()).isEqualTo(3);
    assertThat(coverage.get("scpsApplied").asBoolean()).isTrue();
    var reach = Json.mapper().valueToTree(GRAPH.reach(ref(ANN)).json());
    assertThat(fields(reach)).containsExactly("principal", "kind", "name", "coverage", "reach");
    assertThat(fields(reach.get("reach").get(0))).containsExactly("principal", "kind", "name", "accountId", "level",
        "conditions", "path");
    var path = Json.mapper().valueToTree(GRAPH.path(ref(ANN), role(P, "PublicRead")).json());
    assertThat(fields(path)).containsExactly("from", "to", "level", "coverage", "paths", "truncated");
    assertThat(fields(path.get("paths").get(0))).containsExactly("conditions", "path");
    var names = Map.of(root(P), P, "ec2.amazonaws.com", "ec2.amazonaws.com", ANN, "ann", user(M, "hank"), "hank");
    for (var e : who.get("principals")) {
      if (names.containsKey(e.get("principal").asText())) {
        assertThat(e.get("name").asText()).isEqualTo(names.get(e.get("principal").asText()));
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void withoutIdentityCenterDataTheAnswerComesFromIamAloneAndSaysSo() {
    var items = TruthEstate.items().items.stream().filter(i -> !Set.of(Kind.IDC_INSTANCE, Kind.IDC_USER,
        Kind.IDC_GROUP, Kind.PERMISSION_SET, Kind.ACCOUNT_ASSIGNMENT).contains(i.kind())).toList();
    var iamOnly = AccessGraph.of(items, new Coverage(Set.of(M, P, D), false, false, Map.of()));
    var answer = iamOnly.who(P, Level.ADMIN);
    assertThat(answer.principals()).extracting(Reach::kind).doesNotContain("idc-user");
    assertThat(answer.principals()).extracting(Reach::principal).contains(user(M, "hank"));
    assertThat(answer.coverage().get("identityCenter")).isEqualTo(false);
    assertThat(answer.coverage().get("scpsApplied")).isEqualTo(false);
    assertThat((List<Object>) answer.coverage().get("notes")).contains("no Identity Center data: answered from IAM alone",
        "SCPs were not read: not applied");
  }

  @Test
  void unknownAccountsPrincipalsAndRolesAreUsageErrorsNamingTheOption() {
    assertThatThrownBy(() -> GRAPH.who("555555555555", Level.READ)).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--account: account '555555555555' is not in the store");
    assertThatThrownBy(() -> GRAPH.reach(ref(user(P, "nobody")))).isInstanceOf(UsageException.class)
        .hasMessage("--principal: no principal '" + user(P, "nobody") + "' in the store");
    assertThatThrownBy(() -> GRAPH.reach(ref("idc:zed"))).isInstanceOf(UsageException.class)
        .hasMessage("--principal: no principal 'idc:zed' in the store");
    assertThatThrownBy(() -> GRAPH.path(AccessInput.principal("--from", "idc:ann"), role(P, "Nope")))
        .isInstanceOf(UsageException.class).hasMessage("--to: no role '" + role(P, "Nope") + "' in the store");
    // A user name alone finds the user when one store holds it; with the store it is exact.
    assertThat(GRAPH.reach(ref("idc:ann")).principal()).isEqualTo(ANN);
    assertThat(GRAPH.reach(ref(ANN)).principal()).isEqualTo(ANN);
  }

  private static List<String> fields(com.fasterxml.jackson.databind.JsonNode node) {
    var out = new java.util.ArrayList<String>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
