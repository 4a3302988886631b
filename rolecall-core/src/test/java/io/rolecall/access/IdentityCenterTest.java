package io.rolecall.access;

import static io.rolecall.access.PolicyJson.allow;
import static io.rolecall.access.PolicyJson.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Identity Center outside us-east-1, and permission sets made into roles from their own parts: AWS-managed and
 * customer-managed policies, the inline policy and the permissions boundary, resolved in the member account.
 */
class IdentityCenterTest {
  static final String OWNER = "111111111111";
  static final String COLLECTED = "222222222222";
  static final String MISSING = "333333333333";
  static final String REGION = "eu-west-1";
  static final String INSTANCE = "arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6";
  static final String STORE = "d-9367000000";
  static final String PS = "arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-0000000000000001";
  static final String ORPHAN = "arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-0000000000000002";
  static final String USER = "idc:" + STORE + "/zoe";

  static AccessGraph graph() {
    return graph(true);
  }

  /** {@code adminCopy}: AdministratorAccess is attached to someone, so some account's inventory holds its document. */
  static AccessGraph graph(boolean adminCopy) {
    var e = new EstateItems();
    e.idcInstance(OWNER, REGION, INSTANCE, STORE);
    e.idcUser(OWNER, REGION, STORE, "u-zoe", "zoe");
    // Team: a customer-managed policy and an inline one, under an AWS-managed boundary.
    var team = e.permissionSet(OWNER, REGION, INSTANCE, PS, "Team", List.of(), List.of(COLLECTED, MISSING));
    team.putArray("customerManagedPolicies").addObject().put("name", "team-data").put("path", "/teams/");
    team.set("inlinePolicy", doc(allow("*", "ec2:Describe*")));
    team.putObject("permissionsBoundary").put("managedPolicyArn", EstateItems.READ_ONLY_ARN);
    e.permissionSet(OWNER, REGION, INSTANCE, ORPHAN, "Orphan", List.of(EstateItems.ADMIN_ARN), List.of(COLLECTED));
    for (String account : List.of(COLLECTED, MISSING)) {
      e.assignment(OWNER, REGION, INSTANCE, PS, account, "USER", "u-zoe");
    }
    e.assignment(OWNER, REGION, INSTANCE, ORPHAN, COLLECTED, "USER", "u-zoe");
    // In the collected account, Team's role under the regional path, holding what provisioning put there.
    var role = e.role(COLLECTED, "/aws-reserved/sso.amazonaws.com/" + REGION + "/", "AWSReservedSSO_Team_a1b2c3d4e5f60718",
        PolicyJson.trustSaml("arn:aws:iam::" + COLLECTED + ":saml-provider/AWSSSO_x_DO_NOT_DELETE"));
    e.attach(role, e.localPolicy(COLLECTED, "team-data", doc(allow("*", "s3:PutObject"))));
    e.attach(e.user(COLLECTED, "someone"), EstateItems.READ_ONLY_ARN); // brings ReadOnlyAccess into the inventory
    if (adminCopy) {
      e.attach(e.user(OWNER, "boss"), EstateItems.ADMIN_ARN);
    }
    return AccessGraph.of(e.items, new Coverage(Set.of(OWNER, COLLECTED), true, false, Map.of()));
  }

  @Test
  void aReservedRoleUnderTheRegionalPathIsMatched() {
    var reach = graph().reach(AccessInput.principal("--principal", USER)).reach();
    assertThat(reach).filteredOn(r -> r.accountId().equals(COLLECTED)).extracting(Reach::target).contains(
        "arn:aws:iam::" + COLLECTED + ":role/aws-reserved/sso.amazonaws.com/" + REGION + "/AWSReservedSSO_Team_a1b2c3d4e5f60718");
  }

  @Test
  void inAnAccountNotCollectedTheRoleIsMadeFromTheSetAndWhatCannotBeSeenIsSaid() {
    var g = graph();
    var who = g.who(MISSING, Level.READ);
    assertThat(who.principals()).singleElement().satisfies(r -> {
      assertThat(r.principal()).isEqualTo(USER);
      assertThat(r.target()).isEqualTo("arn:aws:iam::" + MISSING + ":role/aws-reserved/sso.amazonaws.com/" + REGION
          + "/AWSReservedSSO_Team_*");
      // The inline ec2:Describe* under a ReadOnlyAccess boundary (its document borrowed from the collected account).
      assertThat(r.level()).isEqualTo(Level.READ);
      assertThat(r.levelGrant()).isEqualTo("permission set Team (" + PS + ") inline policy statement #1");
    });
    assertThat((List<?>) who.coverage().get("gaps")).extracting(Object::toString).contains(
        "account " + MISSING + "'s IAM not collected: role derived from permission set Team",
        "arn:aws:iam::" + MISSING + ":policy/teams/team-data: customer-managed policy document unknown (in permission set"
            + " Team (" + PS + "))");
  }

  @Test
  void aSetWhoseRoleIsMissingFromACollectedAccountIsDerivedAndSaysSo() {
    var g = graph();
    var orphan = g.reach(AccessInput.principal("--principal", USER)).reach().stream()
        .filter(r -> r.target().endsWith("AWSReservedSSO_Orphan_*")).findFirst().orElseThrow();
    assertThat(orphan.accountId()).isEqualTo(COLLECTED);
    assertThat(orphan.level()).isEqualTo(Level.ADMIN);
    var findings = GraphFindings.of(g, GraphFindings.Thresholds.DEFAULTS);
    assertThat(findings).extracting(f -> f.rule().id() + " " + f.principal())
        .contains("admin-permission-set-assigned-to-user " + USER);
    assertThat((List<?>) g.who(COLLECTED, Level.ADMIN).coverage().get("gaps")).extracting(Object::toString)
        .contains("no reserved role of permission set Orphan in " + COLLECTED + "'s IAM: derived from the permission set");
  }

  @Test
  void anAwsManagedDocumentNoAccountHoldsIsUnknownNotGuessed() {
    var g = graph(false);
    var reach = g.reach(AccessInput.principal("--principal", USER));
    assertThat(reach.reach()).noneMatch(r -> r.target().endsWith("AWSReservedSSO_Orphan_*"));
    assertThat((List<?>) g.path(AccessInput.principal("--from", USER), "arn:aws:iam::" + COLLECTED
        + ":role/aws-reserved/sso.amazonaws.com/" + REGION + "/AWSReservedSSO_Orphan_*").coverage().get("gaps"))
        .extracting(Object::toString).contains(EstateItems.ADMIN_ARN + ": policy document unknown (in permission set"
            + " Orphan (" + ORPHAN + "))");
    // The finding needs no document: the set names AdministratorAccess.
    assertThat(GraphFindings.of(g, GraphFindings.Thresholds.DEFAULTS)).extracting(f -> f.rule().id() + " " + f.principal())
        .contains("admin-permission-set-assigned-to-user " + USER);
  }
}
