package io.rolecall.access;

import static io.rolecall.access.TruthEstate.D;
import static io.rolecall.access.TruthEstate.M;
import static io.rolecall.access.TruthEstate.P;
import static io.rolecall.access.TruthEstate.U;
import static io.rolecall.access.TruthEstate.root;
import static io.rolecall.access.TruthEstate.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The truth table: hand-written facts (principal, account, level it reaches there; null for nothing) over
 * {@link TruthEstate}. Every fact holds through `access reach`, and `access who` for each account lists exactly the
 * facts of that account: nobody gets more than its fact, nobody unlisted appears.
 */
class TruthTableTest {
  static final AccessGraph GRAPH = TruthEstate.graph();
  static final String ANN = "idc:" + TruthEstate.STORE + "/ann";

  record Fact(String principal, String account, Level level, String why) {}

  static final List<Fact> FACTS = new ArrayList<>();

  static void fact(String principal, String account, Level level, String why) {
    FACTS.add(new Fact(principal, account, level, why));
  }

  static {
    Level admin = Level.ADMIN, esc = Level.ESCALATE, write = Level.WRITE, read = Level.READ;
    fact(root(M), M, admin, "the management account's root: SCPs do not apply to it");
    fact(root(P), P, admin, "a member account's root under SCPs that allow everything but leaving");
    fact(root(D), D, admin, "root user");
    fact(user(M, "alice"), M, read, "iam:GetUser only (sts:AssumeRole is an edge, not a level)");
    fact(user(M, "alice"), P, write, "the :root trust of Deployer and her own permission");
    fact(user(M, "alice"), D, admin, "cross-account chain of two roles: Deployer then DevAdmin");
    fact(user(M, "bob"), M, read, "iam:ListUsers");
    fact(user(M, "bob"), D, null, "OpsRead trusts M's root and XNamed names him, but his own policy allows no AssumeRole");
    fact(user(M, "carol"), M, null, "nothing but sts:AssumeRole");
    fact(user(M, "carol"), D, read, "the :root trust of OpsRead with her own permission");
    fact(user(M, "dave"), M, null, "only sts:AssumeRole, through group ops");
    fact(user(M, "dave"), P, read, "his explicit Deny removes the Deployer edge; PublicRead trusts \"*\"");
    fact(user(M, "dave"), D, read, "OpsRead through his group's sts:AssumeRole on *");
    fact(user(M, "erin"), M, admin, "AdministratorAccess");
    fact(user(M, "erin"), P, write, "an admin assumes Deployer through its :root trust");
    fact(user(M, "erin"), D, admin, "and on through Deployer to DevAdmin");
    fact(user(M, "hank"), M, null, "only sts:AssumeRole");
    fact(user(M, "hank"), P, admin, "Hop1, Hop2 (in D), Hop3: a chain of three roles");
    fact(ANN, P, admin, "Identity Center group Admins: the Admin set's reserved role, matched exactly");
    fact(ANN, D, admin, "the same set in D (the look-alike under /custom/ is not it)");
    fact(ANN, U, admin, "U's IAM was not collected: the role is derived from the permission set");
    fact("idc:" + TruthEstate.STORE + "/cat", P, read, "group Readers: ReadOnly set");
    fact("idc:" + TruthEstate.STORE + "/cat", D, read, "group Readers: Capped set, AdministratorAccess under an s3-read boundary");
    fact("idc:" + TruthEstate.STORE + "/ben", D, admin, "Admin set assigned to the user directly");
    fact("idc:" + TruthEstate.STORE + "/ben", P, read, "no assignment in P, but his admin role in D may assume"
        + " PublicRead, which trusts \"*\"");
    fact("idc:" + TruthEstate.STORE + "/dan", P, null, "no group, no assignment");
    fact(root(TruthEstate.X), P, admin, "Partner: trust on the outside account, with an ExternalId condition");
    fact(root(U), P, read, "FromU trusts U, which is in scope but not assessed");
    fact("*", P, read, "PublicRead trusts \"*\" (condition aws:PrincipalOrgID)");
    for (String svc : List.of("ec2", "lambda", "cloudformation", "glue", "codebuild")) {
      fact(svc + ".amazonaws.com", P, admin, "a service trusted by an admin role");
    }
    fact(user(P, "admin-user"), P, admin, "AdministratorAccess through group admins");
    fact(user(P, "admin-console"), P, admin, "an inline *:*");
    fact(user(D, "frank"), D, write, "NamedTrust names him in his own account: no permission of his needed");
    fact(user(D, "capped"), D, read, "AdministratorAccess capped by an s3 read-only permissions boundary");
    fact(user(D, "gina"), D, write, "ec2:*");
    for (String t : List.of("cpv", "sdpv", "aup", "pup", "agp", "pgp", "prp", "autg", "uarp", "cak", "clp", "ulp",
        "ec2", "lambda", "cfn", "glue", "cb", "ssm")) {
      fact(user(P, "esc-" + t), P, esc, "technique " + t);
    }
    fact(TruthEstate.role(P, "EscArp"), P, esc, "technique attach-role-policy on itself");
    // The negative twins: a Deny or a narrower Resource, never escalate.
    for (String t : List.of("cpv", "aup", "agp", "prp", "autg", "cak", "ulp", "ec2", "lambda", "cfn", "glue", "cb",
        "ssm")) {
      fact(user(P, "esc-" + t + "-twin"), P, write, "twin of " + t + ": the write remains, the escalation does not");
    }
    for (String t : List.of("sdpv", "pup", "pgp", "uarp", "clp")) {
      fact(user(P, "esc-" + t + "-twin"), P, null, "twin of " + t + ": its only permission is denied");
    }
    fact(TruthEstate.role(P, "EscArpTwin"), P, write, "twin of attach-role-policy: on a role it cannot assume");
  }

  @Test
  void everyFactHolds() {
    assertThat(FACTS).hasSizeGreaterThanOrEqualTo(25);
    for (Fact f : FACTS) {
      assertThat(levelIn(f.principal(), f.account())).as(f.principal() + " in " + f.account() + ": " + f.why())
          .isEqualTo(f.level());
    }
  }

  @Test
  void whoListsExactlyTheFactsOfEachAccount() {
    for (String account : List.of(M, P, D, U)) {
      var expected = new TreeMap<String, Level>();
      FACTS.stream().filter(f -> f.account().equals(account) && f.level() != null && !isRole(f.principal()))
          .forEach(f -> expected.put(f.principal(), f.level()));
      var actual = new TreeMap<String, Level>();
      GRAPH.who(account, Level.READ).principals().forEach(r -> actual.put(r.principal(), r.level()));
      assertThat(actual).as("who --account " + account).isEqualTo(expected);
    }
  }

  @Test
  void whoAtAHigherLevelKeepsOnlyThoseAtOrAboveIt() {
    var admins = GRAPH.who(P, Level.ADMIN).principals().stream().map(Reach::principal).toList();
    assertThat(admins).contains(root(P), user(M, "hank"), ANN).doesNotContain(user(M, "alice"), "*")
        .allSatisfy(p -> assertThat(levelIn(p, P)).isEqualTo(Level.ADMIN));
    var escalate = GRAPH.who(P, Level.ESCALATE).principals();
    assertThat(escalate).extracting(Reach::level).containsOnly(Level.ADMIN, Level.ESCALATE);
    assertThat(escalate).filteredOn(r -> r.level() == Level.ESCALATE).hasSize(18);
  }

  private static boolean isRole(String principal) {
    return principal.contains(":role/");
  }

  /** The highest level the principal reaches in the account, through `access reach`. */
  static Level levelIn(String principal, String account) {
    Map<String, Level> best = new HashMap<>();
    for (Reach r : GRAPH.reach(AccessInput.principal("--principal", principal)).reach()) {
      best.merge(r.accountId(), r.level(), Level::max);
    }
    return best.get(account);
  }
}
