package io.rolecall.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.inventory.Finding;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** bench/access's estate at a small scale: the shape it claims is the graph's, so the benchmark measures real work. */
class SyntheticEstateTest {
  static final SyntheticEstate ESTATE = new SyntheticEstate(60, 50, 20, 300, 40, 12);

  static AccessGraph graph() {
    var items = new ArrayList<io.rolecall.inventory.Item>();
    ESTATE.write(items::add);
    return AccessGraph.of(items, ESTATE.coverage());
  }

  @Test
  void theEstateHasTheShapeItClaims() {
    var g = graph();
    String operator = "arn:aws:iam::" + ESTATE.management() + ":user/" + SyntheticEstate.OPERATOR;
    var reach = g.reach(AccessInput.principal("--principal", operator)).reach();
    assertThat(reach.stream().filter(r -> r.level() == Level.ADMIN).map(Reach::accountId).distinct()).hasSize(60);
    String a = SyntheticEstate.account(7);
    var who = g.who(a, Level.READ).principals();
    // Its own 20 users and root, the operator, Identity Center users through their groups, and the lambda service.
    assertThat(who.stream().filter(r -> r.kind().equals("iam-user") && r.principal().contains(":" + a + ":"))).hasSize(20);
    assertThat(who).extracting(Reach::principal).contains(operator, "arn:aws:iam::" + a + ":root", "lambda.amazonaws.com");
    assertThat(who.stream().filter(r -> r.kind().equals("idc-user"))).isNotEmpty();
    // Every role of the account is in the graph, the reserved ones matched rather than derived.
    long roles = g.nodes().stream().filter(n -> n.kind == NodeKind.ROLE && a.equals(n.accountId)).count();
    assertThat(roles).isEqualTo(50);
    assertThat(g.nodes().stream().filter(n -> n.derived)).isEmpty();
    // The helpdesk and ci users escalate, as designed.
    var findings = GraphFindings.of(g, GraphFindings.Thresholds.DEFAULTS);
    assertThat(findings).filteredOn(f -> f.rule() == Finding.Rule.ESCALATION_TO_ADMIN && f.accountId().equals(a))
        .extracting(Finding::principal).contains("arn:aws:iam::" + a + ":user/u17", "arn:aws:iam::" + a + ":user/u18");
  }

  @Test
  void theBenchRunsEndToEndAtSmallScale() {
    var out = new java.io.ByteArrayOutputStream();
    var old = System.out;
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      AccessBench.main(new String[] {"20", "50", "20", "200", "20", "10"});
    } finally {
      System.setOut(old);
    }
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("build_ms=", "who_account_ms median=",
        "reach_idc_user_ms median=", "reach_org_operator_ms median=", "heap_peak_after_gc_mb=", "graph_live_mb=", "findings_ms=").contains("accounts: 20,");
  }
}
