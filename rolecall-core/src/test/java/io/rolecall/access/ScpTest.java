package io.rolecall.access;

import static io.rolecall.access.EstateItems.ADMIN_ARN;
import static io.rolecall.access.PolicyJson.allow;
import static io.rolecall.access.PolicyJson.deny;
import static io.rolecall.access.PolicyJson.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SCPs cap member accounts' principals (root users included) when they were read, and never the management account. */
class ScpTest {
  static final String MGMT = "111111111111";
  static final String MEMBER = "222222222222";

  static EstateItems estate() {
    var e = new EstateItems();
    e.attach(e.user(MGMT, "boss"), ADMIN_ARN);
    e.attach(e.user(MEMBER, "admin"), ADMIN_ARN);
    // FullAWSAccess at the root, and a deny-list on the member: no IAM user management there.
    e.scp(MGMT, "p-full", "FullAWSAccess", doc(allow("*", "*")), MEMBER);
    e.scp(MGMT, "p-noiam", "NoIamUsers", doc(deny("*", "iam:CreateUser", "iam:AttachUserPolicy")), MEMBER);
    return e;
  }

  static Level level(AccessGraph g, String principal) {
    return g.reach(AccessInput.principal("--principal", principal)).reach().stream().map(Reach::level)
        .reduce(null, Level::max);
  }

  @Test
  void readScpsCapMemberPrincipalsAndRootButNotTheManagementAccount() {
    var g = AccessGraph.of(estate().items, new Coverage(Set.of(MGMT, MEMBER), false, true, Map.of()));
    assertThat(level(g, TruthEstate.user(MEMBER, "admin"))).isEqualTo(Level.WRITE);
    assertThat(level(g, TruthEstate.root(MEMBER))).isEqualTo(Level.WRITE);
    assertThat(level(g, TruthEstate.user(MGMT, "boss"))).isEqualTo(Level.ADMIN);
    assertThat(level(g, TruthEstate.root(MGMT))).isEqualTo(Level.ADMIN);
    assertThat(g.who(MEMBER, Level.READ).coverage().get("scpsApplied")).isEqualTo(true);
  }

  @Test
  void scpsNotReadAreNotAppliedAndTheAnswerSaysSo() {
    var g = AccessGraph.of(estate().items, new Coverage(Set.of(MGMT, MEMBER), false, false, Map.of()));
    assertThat(level(g, TruthEstate.user(MEMBER, "admin"))).isEqualTo(Level.ADMIN);
    assertThat(g.who(MEMBER, Level.ADMIN).coverage().get("scpsApplied")).isEqualTo(false);
  }

  @Test
  void anAccountNoScpNamesIsNotCapped() {
    var e = estate();
    e.attach(e.user("333333333333", "other"), ADMIN_ARN);
    var g = AccessGraph.of(e.items, new Coverage(Set.of(MGMT, MEMBER, "333333333333"), false, true, Map.of()));
    assertThat(level(g, TruthEstate.user("333333333333", "other"))).isEqualTo(Level.ADMIN);
  }

  @Test
  void atEveryLevelOfTheAccountsPathSomeScpMustAllow() {
    // FullAWSAccess at the root and on the account, but the OU between them allows only S3: the admin is capped to
    // S3 (write), as AWS evaluates SCPs level by level, though a flat reading would find FullAWSAccess allowing all.
    var e = new EstateItems();
    e.attach(e.user(MEMBER, "admin"), ADMIN_ARN);
    e.organization(MGMT, Map.of(MEMBER, java.util.List.of("r-root", "ou-prod", MEMBER),
        MGMT, java.util.List.of("r-root", MGMT)));
    e.scpAt(MGMT, "p-full", "FullAWSAccess", doc(allow("*", "*")), java.util.List.of("r-root", MEMBER), MEMBER, MGMT);
    e.scpAt(MGMT, "p-s3", "OnlyS3", doc(allow("*", "s3:*")), java.util.List.of("ou-prod"), MEMBER);
    var g = AccessGraph.of(e.items, new Coverage(Set.of(MGMT, MEMBER), false, true, Map.of()));
    assertThat(level(g, TruthEstate.user(MEMBER, "admin"))).isEqualTo(Level.WRITE);
    assertThat(g.who(MEMBER, Level.ADMIN).principals()).isEmpty();

    // The same policies read flat (no levels known) would let the admin through.
    var flat = new EstateItems();
    flat.attach(flat.user(MEMBER, "admin"), ADMIN_ARN);
    flat.scp(MGMT, "p-full", "FullAWSAccess", doc(allow("*", "*")), MEMBER, MGMT);
    flat.scp(MGMT, "p-s3", "OnlyS3", doc(allow("*", "s3:*")), MEMBER);
    var g2 = AccessGraph.of(flat.items, new Coverage(Set.of(MGMT, MEMBER), false, true, Map.of()));
    assertThat(level(g2, TruthEstate.user(MEMBER, "admin"))).isEqualTo(Level.ADMIN);
  }
}
