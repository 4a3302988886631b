package io.rolecall.access;

import static io.rolecall.access.PolicyJson.allow;
import static io.rolecall.access.PolicyJson.deny;
import static io.rolecall.access.PolicyJson.doc;
import static io.rolecall.access.PolicyJson.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.render.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Local policy evaluation, statement by statement: what IAM's evaluation logic says, and what is kept unjudged. */
class PolicyEvaluationTest {
  final Documents documents = new Documents();

  Permissions identity(ObjectNode... docs) {
    return with(null, null, docs);
  }

  Permissions with(ObjectNode boundary, ObjectNode scp, ObjectNode... docs) {
    var ids = new java.util.ArrayList<Policy>();
    for (int i = 0; i < docs.length; i++) {
      ids.add(new Policy("p" + i, documents.parse(docs[i])));
    }
    return new Permissions(ids, boundary == null ? null : List.of(new Policy("boundary", documents.parse(boundary))),
        scp == null ? null : List.of(List.of(new Policy("scp", documents.parse(scp)))), Map.of(Wildcard.USERNAME, "ann"), List.of());
  }

  static boolean allowed(Permissions p, String action, String resource) {
    return p.decide(Wildcard.fold(action), Target.of(resource)).allowed();
  }

  @Test
  void anExplicitDenyWinsOverAnyAllow() {
    var p = identity(doc(allow("*", "s3:*")), doc(deny("arn:aws:s3:::secret/*", "s3:GetObject")));
    assertThat(allowed(p, "s3:GetObject", "arn:aws:s3:::public/a")).isTrue();
    assertThat(allowed(p, "s3:GetObject", "arn:aws:s3:::secret/a")).isFalse();
    assertThat(allowed(p, "s3:PutObject", "arn:aws:s3:::secret/a")).isTrue();
    var d = p.decide("s3:getobject", Target.of("arn:aws:s3:::secret/a"));
    assertThat(d.grant()).isEqualTo("p1 statement #1");
  }

  @Test
  void nothingIsAllowedUnlessSomethingAllowsIt() {
    assertThat(allowed(identity(), "s3:GetObject", "*")).isFalse();
    assertThat(allowed(identity(doc(allow("*", "s3:GetObject"))), "s3:PutObject", "*")).isFalse();
  }

  @Test
  void notActionAndNotResourceAllowEverythingElse() {
    var notAction = Json.mapper().createObjectNode().put("Effect", "Allow").put("NotAction", "iam:*").put("Resource", "*");
    var p = identity(doc(notAction));
    assertThat(allowed(p, "s3:PutObject", "arn:aws:s3:::b/k")).isTrue();
    assertThat(allowed(p, "iam:CreateUser", "arn:aws:iam::1:user/x")).isFalse();
    var notResource = Json.mapper().createObjectNode().put("Effect", "Allow").put("Action", "s3:*")
        .put("NotResource", "arn:aws:s3:::secret/*");
    var q = identity(doc(notResource));
    assertThat(allowed(q, "s3:GetObject", "arn:aws:s3:::public/a")).isTrue();
    assertThat(allowed(q, "s3:GetObject", "arn:aws:s3:::secret/a")).isFalse();
    var denyNot = Json.mapper().createObjectNode().put("Effect", "Deny").put("NotAction", "s3:GetObject").put("Resource", "*");
    var r = identity(doc(allow("*", "*")), doc(denyNot));
    assertThat(allowed(r, "s3:GetObject", "x")).isTrue();
    assertThat(allowed(r, "s3:PutObject", "x")).isFalse();
  }

  @Test
  void actionNamesIgnoreCaseAndResourcesDoNot() {
    var p = identity(doc(allow("arn:aws:s3:::Bucket/*", "S3:getobject")));
    assertThat(allowed(p, "s3:GetObject", "arn:aws:s3:::Bucket/k")).isTrue();
    assertThat(allowed(p, "S3:GETOBJECT", "arn:aws:s3:::Bucket/k")).isTrue();
    assertThat(allowed(p, "s3:GetObject", "arn:aws:s3:::bucket/k")).isFalse();
    var q = identity(doc(allow("arn:aws:s3:::b?/*", "s3:Get*")));
    assertThat(allowed(q, "s3:GetObjectAcl", "arn:aws:s3:::b1/k")).isTrue();
    assertThat(allowed(q, "s3:GetObjectAcl", "arn:aws:s3:::b12/k")).isFalse();
  }

  @Test
  void aBoundaryIntersectsAndAScpIntersects() {
    var admin = doc(allow("*", "*"));
    var boundary = with(doc(allow("*", "s3:*")), null, admin);
    assertThat(allowed(boundary, "s3:PutObject", "x")).isTrue();
    assertThat(allowed(boundary, "ec2:RunInstances", "x")).isFalse();
    var scp = with(null, doc(allow("*", "ec2:*", "s3:*"), deny("*", "s3:DeleteBucket")), admin);
    assertThat(allowed(scp, "s3:PutObject", "x")).isTrue();
    assertThat(allowed(scp, "s3:DeleteBucket", "x")).isFalse();
    assertThat(allowed(scp, "iam:CreateUser", "x")).isFalse();
    // A boundary never grants on its own.
    assertThat(allowed(with(doc(allow("*", "*")), null), "s3:PutObject", "x")).isFalse();
  }

  @Test
  void conditionsAreCarriedNotJudged() {
    var p = identity(doc(when(allow("*", "s3:GetObject"), "IpAddress", "aws:SourceIp", "10.0.0.0/8")),
        doc(when(deny("*", "s3:GetObject"), "BoolIfExists", "aws:MultiFactorAuthPresent", "false")));
    var d = p.decide("s3:getobject", Target.of("x"));
    assertThat(d.allowed()).isTrue();
    assertThat(d.conditions()).containsExactly("aws:MultiFactorAuthPresent", "aws:SourceIp");
    // An unconditional Allow is preferred over a conditional one for the same action.
    var q = identity(doc(when(allow("*", "s3:GetObject"), "Bool", "aws:SecureTransport", "true"), allow("*", "s3:*")));
    assertThat(q.decide("s3:getobject", Target.of("x")).conditions()).isEmpty();
  }

  @Test
  void policyVariablesTakeThePrincipalsUserName() {
    var p = identity(doc(allow("arn:aws:iam::1:user/${aws:username}", "iam:CreateAccessKey"),
        allow("arn:aws:s3:::home/${aws:userid}/*", "s3:GetObject"), allow("arn:aws:s3:::lit/${*}", "s3:PutObject")));
    assertThat(allowed(p, "iam:CreateAccessKey", "arn:aws:iam::1:user/ann")).isTrue();
    assertThat(allowed(p, "iam:CreateAccessKey", "arn:aws:iam::1:user/bob")).isFalse();
    // A variable with no value here matches nothing; an escaped star is a literal star.
    assertThat(allowed(p, "s3:GetObject", "arn:aws:s3:::home/AIDA/k")).isFalse();
    assertThat(allowed(p, "s3:PutObject", "arn:aws:s3:::lit/*")).isTrue();
    assertThat(allowed(p, "s3:PutObject", "arn:aws:s3:::lit/x")).isFalse();
  }

  @Test
  void someResourceIsAskedOfConcreteResources() {
    // Allowed only on one role, and that role denied: allowed nowhere.
    var p = identity(doc(allow("arn:aws:iam::1:role/R", "iam:UpdateAssumeRolePolicy"),
        deny("arn:aws:iam::1:role/R", "iam:UpdateAssumeRolePolicy")));
    assertThat(p.decide("iam:updateassumerolepolicy", Target.SOME).allowed()).isFalse();
    // Identity on "*", boundary on one bucket: allowed there.
    var q = with(doc(allow("arn:aws:s3:::b/*", "s3:*")), null, doc(allow("*", "s3:PutObject")));
    assertThat(q.decide("s3:putobject", Target.SOME).allowed()).isTrue();
    var none = with(doc(allow("arn:aws:s3:::b/*", "s3:GetObject")), null, doc(allow("*", "s3:PutObject")));
    assertThat(none.decide("s3:putobject", Target.SOME).allowed()).isFalse();
  }

  @Test
  void hostileDocumentsGrantNothingAndFailNothing() {
    var f = Json.mapper().getNodeFactory();
    assertThat(documents.parse(f.textNode("{not json"))).isEqualTo(Document.UNREADABLE);
    assertThat(documents.parse(f.arrayNode())).isEqualTo(Document.UNREADABLE);
    assertThat(documents.parse(f.objectNode())).isEqualTo(Document.UNREADABLE);
    var weird = Json.mapper().createObjectNode();
    var st = weird.putArray("Statement");
    st.add(7);
    st.addObject().put("Effect", "allow").put("Action", "*").put("Resource", "*"); // IAM's Effect is case-sensitive
    st.addObject().put("Effect", "Allow").set("Action", f.arrayNode().add(1).add(f.objectNode()));
    st.addObject().put("Effect", "Allow").put("Action", "*"); // no Resource: matches nothing
    var p = identity(weird);
    assertThat(allowed(p, "s3:GetObject", "x")).isFalse();
    assertThat(documents.parse(weird).readable()).isTrue();
  }

  @Test
  void identicalDocumentsAreParsedOnce() {
    var a = documents.parse(doc(allow("*", "s3:GetObject")));
    var b = documents.parse(doc(allow("*", "s3:GetObject")));
    assertThat(a).isSameAs(b);
    assertThat(a.statements().getFirst().actions().getFirst()).isSameAs(
        documents.parse(doc(allow("x", "s3:GetObject"))).statements().getFirst().actions().getFirst());
  }
}
