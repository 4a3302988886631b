package io.rolecall.access;

import static io.rolecall.access.TruthEstate.P;
import static io.rolecall.access.TruthEstate.role;
import static io.rolecall.access.TruthEstate.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.inventory.Finding;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every escalation technique is found on the principal seeded for it, named with the statement that allows it,
 * and its negative twin (a Deny or a narrower Resource) is not flagged.
 */
class EscalationTest {
  static final Map<String, Technique> SEEDED = new LinkedHashMap<>();

  static {
    SEEDED.put(user(P, "esc-cpv"), Technique.CREATE_POLICY_VERSION);
    SEEDED.put(user(P, "esc-sdpv"), Technique.SET_DEFAULT_POLICY_VERSION);
    SEEDED.put(user(P, "esc-aup"), Technique.ATTACH_USER_POLICY);
    SEEDED.put(user(P, "esc-pup"), Technique.PUT_USER_POLICY);
    SEEDED.put(user(P, "esc-agp"), Technique.ATTACH_GROUP_POLICY);
    SEEDED.put(user(P, "esc-pgp"), Technique.PUT_GROUP_POLICY);
    SEEDED.put(role(P, "EscArp"), Technique.ATTACH_ROLE_POLICY);
    SEEDED.put(user(P, "esc-prp"), Technique.PUT_ROLE_POLICY);
    SEEDED.put(user(P, "esc-autg"), Technique.ADD_USER_TO_GROUP);
    SEEDED.put(user(P, "esc-uarp"), Technique.UPDATE_ASSUME_ROLE_POLICY);
    SEEDED.put(user(P, "esc-cak"), Technique.CREATE_ACCESS_KEY);
    SEEDED.put(user(P, "esc-clp"), Technique.CREATE_LOGIN_PROFILE);
    SEEDED.put(user(P, "esc-ulp"), Technique.UPDATE_LOGIN_PROFILE);
    SEEDED.put(user(P, "esc-ec2"), Technique.PASS_ROLE_EC2);
    SEEDED.put(user(P, "esc-lambda"), Technique.PASS_ROLE_LAMBDA);
    SEEDED.put(user(P, "esc-cfn"), Technique.PASS_ROLE_CLOUDFORMATION);
    SEEDED.put(user(P, "esc-glue"), Technique.PASS_ROLE_GLUE);
    SEEDED.put(user(P, "esc-cb"), Technique.PASS_ROLE_CODEBUILD);
    SEEDED.put(user(P, "esc-ssm"), Technique.SSM_SEND_COMMAND);
  }

  static final List<Finding> FINDINGS = GraphFindings.of(TruthTableTest.GRAPH, GraphFindings.Thresholds.DEFAULTS);

  static List<Finding> escalations(String principal) {
    return FINDINGS.stream().filter(f -> f.rule() == Finding.Rule.ESCALATION_TO_ADMIN && f.principal().equals(principal))
        .toList();
  }

  @Test
  void everyTechniqueIsSeededOnce() {
    assertThat(EnumSet.copyOf(SEEDED.values())).isEqualTo(EnumSet.allOf(Technique.class));
  }

  @Test
  void eachTechniqueIsFoundOnItsPrincipalWithTheStatementThatAllowsIt() {
    SEEDED.forEach((principal, technique) -> {
      var found = escalations(principal);
      assertThat(found).as(principal).singleElement().satisfies(f -> {
        assertThat(f.accountId()).isEqualTo(P);
        assertThat(f.rule().severity()).isEqualTo(Finding.Severity.HIGH);
        assertThat(f.evidence()).as(principal).startsWith("can make itself admin: " + technique.id() + " (")
            .contains(principal.contains(":role/") ? principal + " inline 'p' statement" : "statement");
      });
      assertThat(TruthTableTest.levelIn(principal, P)).isEqualTo(Level.ESCALATE);
    });
  }

  @Test
  void theEvidenceNamesTheTargetAndEveryPermissionUsed() {
    assertThat(escalations(user(P, "esc-lambda")).getFirst().evidence())
        .contains("on " + role(P, "LambdaAdmin"), "iam:PassRole: " + user(P, "esc-lambda") + " inline 'p' statement #1",
            "lambda:createfunction: ", "lambda:invokefunction: ");
    assertThat(escalations(user(P, "esc-pup")).getFirst().evidence()).contains("on " + user(P, "esc-pup"));
    assertThat(escalations(user(P, "esc-ssm")).getFirst().evidence()).contains("instance/i-admin");
    assertThat(escalations(user(P, "esc-autg")).getFirst().evidence()).contains("group/admins");
    assertThat(escalations(user(P, "esc-cpv")).getFirst().evidence()).contains("policy/cpv-self");
  }

  @Test
  void noNegativeTwinIsFlagged() {
    var twins = SEEDED.keySet().stream().map(p -> p.endsWith("EscArp") ? p + "Twin" : p + "-twin").toList();
    assertThat(twins).hasSize(19).allSatisfy(t -> {
      assertThat(escalations(t)).as(t).isEmpty();
      assertThat(TruthTableTest.levelIn(t, P)).as(t).isNotEqualTo(Level.ESCALATE).isNotEqualTo(Level.ADMIN);
    });
  }

  @Test
  void onlyTheSeededPrincipalsEscalate() {
    var flagged = FINDINGS.stream().filter(f -> f.rule() == Finding.Rule.ESCALATION_TO_ADMIN).map(Finding::principal)
        .collect(Collectors.toSet());
    assertThat(flagged).isEqualTo(SEEDED.keySet());
  }
}
