package io.rolecall.access;

import static io.rolecall.access.TruthEstate.D;
import static io.rolecall.access.TruthEstate.M;
import static io.rolecall.access.TruthEstate.P;
import static io.rolecall.access.TruthEstate.root;
import static io.rolecall.access.TruthEstate.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.inventory.Finding;
import io.rolecall.inventory.Finding.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph's findings on the truth-table estate: each fires where it should, with its thresholds honoured. */
class GraphFindingsTest {
  static final String STORE = TruthEstate.STORE;

  static List<String> of(List<Finding> findings, Rule rule) {
    return findings.stream().filter(f -> f.rule() == rule).map(f -> f.accountId() + " " + f.principal()).toList();
  }

  @Test
  void withTheDefaultThresholds() {
    var findings = GraphFindings.of(TruthTableTest.GRAPH, GraphFindings.Thresholds.DEFAULTS);
    // Partner is outside; U is in scope but unassessed, so FromU's trust of it is coverage, not a finding.
    assertThat(of(findings, Rule.EXTERNAL_PRINCIPAL_ADMIN)).containsExactly(P + " " + root(TruthEstate.X));
    var external = findings.stream().filter(f -> f.rule() == Rule.EXTERNAL_PRINCIPAL_ADMIN).findFirst().orElseThrow();
    assertThat(external.rule().severity()).isEqualTo(Finding.Severity.CRITICAL);
    assertThat(external.evidence()).contains("only with the sts:ExternalId its trust requires")
        .contains("role/Partner");
    assertThat(of(findings, Rule.USER_WITHOUT_MFA_ADMIN)).containsExactly(M + " " + user(M, "erin"));
    assertThat(of(findings, Rule.ROLE_CHAIN_ADMIN)).containsExactly(P + " " + user(M, "hank"));
    assertThat(findings.stream().filter(f -> f.rule() == Rule.ROLE_CHAIN_ADMIN).findFirst().orElseThrow().evidence())
        .contains("assumes 3 roles").contains("role/Hop1").contains("role/Hop2").contains("role/Hop3");
    assertThat(of(findings, Rule.IDENTITY_CENTER_BROAD_ADMIN)).isEmpty();
    assertThat(of(findings, Rule.ADMIN_PERMISSION_SET_TO_USER)).containsExactly(M + " idc:" + STORE + "/ben");
    assertThat(findings.stream().filter(f -> f.rule() == Rule.ADMIN_PERMISSION_SET_TO_USER).findFirst().orElseThrow()
        .evidence()).contains("holds arn:aws:iam::aws:policy/AdministratorAccess").endsWith("directly in " + D);
    // Critical first.
    assertThat(findings.getFirst().rule()).isEqualTo(Rule.EXTERNAL_PRINCIPAL_ADMIN);
  }

  @Test
  void thresholdsAreConfigurable() {
    var findings = GraphFindings.of(TruthTableTest.GRAPH, new GraphFindings.Thresholds(3, 2));
    // Admins reaches admin in P, D and U; ann, its member, is covered by the group's finding.
    assertThat(of(findings, Rule.IDENTITY_CENTER_BROAD_ADMIN)).containsExactly(M + " idc-group:" + STORE + "/Admins");
    assertThat(findings.stream().filter(f -> f.rule() == Rule.IDENTITY_CENTER_BROAD_ADMIN).findFirst().orElseThrow()
        .evidence()).contains("reaches admin in 3 accounts", "222222222222, 333333333333, 444444444444");
    // Two role assumptions: alice's and erin's way to DevAdmin now count too.
    assertThat(of(findings, Rule.ROLE_CHAIN_ADMIN)).contains(P + " " + user(M, "hank"), D + " " + user(M, "alice"),
        D + " " + user(M, "erin"));
    assertThatThrownBy(() -> new GraphFindings.Thresholds(0, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
