package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

/** SSO Admin ListInstances through the AWS SDK for Java: per account, per region, paged. */
class SsoAdminTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");

  @AfterEach
  void close() {
    sb.close();
  }

  @Test
  void listsTheInstancesOfTheCallersAccountInTheRegionSignedFor() {
    var store = sb.account("111111111111").identityCenter().createInstance();
    sb.account("222222222222").identityCenter().createInstance();
    sb.account("111111111111").identityCenter().createInstance("eu-west-1");
    try (var sso = IdentityCenterClients.ssoAdmin(sb, ops, Region.US_EAST_1)) {
      var instances = sso.listInstances(r -> { }).instances();
      assertThat(instances).singleElement().satisfies(i -> {
        assertThat(i.identityStoreId()).isEqualTo(store.id());
        assertThat(i.ownerAccountId()).isEqualTo("111111111111");
        assertThat(i.instanceArn()).matches("arn:aws:sso:::instance/ssoins-[0-9a-f]{16}");
        assertThat(i.statusAsString()).isEqualTo("ACTIVE");
        assertThat(i.createdDate()).isNotNull();
      });
    }
    try (var sso = IdentityCenterClients.ssoAdmin(sb, ops, Region.AP_SOUTH_1)) {
      assertThat(sso.listInstances(r -> { }).instances()).isEmpty();
    }
  }

  @Test
  void severalInstancesPageByMaxResults() {
    var center = sb.account("111111111111").identityCenter();
    var a = center.createInstance();
    var b = center.createInstance();
    var c = center.createInstance();
    try (var sso = IdentityCenterClients.ssoAdmin(sb, ops, Region.US_EAST_1)) {
      var pages = sso.listInstancesPaginator(r -> r.maxResults(2)).stream().toList();
      assertThat(pages).extracting(p -> p.instances().size()).containsExactly(2, 1);
      assertThat(pages.stream().flatMap(p -> p.instances().stream()).map(InstanceMetadata::identityStoreId))
          .containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    }
    assertThat(sb.calls().count("sso", "ListInstances")).isEqualTo(2);
  }
}
