package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.cli.CliRun;
import io.rolecall.command.OutputSpec;
import io.rolecall.commands.Commands;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code -o context}: SPEC §2.2's paths (AWS.IAMIdentityCenter.User / .Group, their GroupMemberships, the
 * *NextToken paths), and every path a command fills is one its spec declares, so help and docs tell the truth.
 */
class IdentityCenterContextTest {
  final SandboxIdentityCenter ic = new SandboxIdentityCenter();
  final StoreUser ann = ic.store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");

  @AfterEach
  void close() {
    ic.close();
  }

  JsonNode context(String command, String... args) throws Exception {
    var all = new ArrayList<>(List.of("-o", "context", command));
    all.addAll(List.of(args));
    CliRun r = ic.run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode ctx = new ObjectMapper().readTree(r.out());
    var declared = Commands.registry().require(command).spec().outputs().stream().map(OutputSpec::path).toList();
    for (String path : leafPaths(ctx)) {
      assertThat(declared).as("%s fills %s", command, path).anyMatch(d -> path.equals(d) || path.startsWith(d + "."));
    }
    return ctx;
  }

  @Test
  void getUserIsOneUserEntryKeyedByUserId() throws Exception {
    JsonNode ctx = context("aws-iam-identitycenter-get-user", "userName=ann");
    assertThat(ctx.properties()).extracting(e -> e.getKey()).containsExactly("AWS.IAMIdentityCenter.User");
    JsonNode user = ctx.get("AWS.IAMIdentityCenter.User");
    assertThat(user.get("UserId").asText()).isEqualTo(ann.userId());
    assertThat(user.get("UserName").asText()).isEqualTo("ann");
    assertThat(user.get("DisplayName").asText()).isEqualTo("Ann Lee");
    assertThat(user.at("/Name/GivenName").asText()).isEqualTo("Ann");
    assertThat(user.at("/Name/FamilyName").asText()).isEqualTo("Lee");
    assertThat(user.at("/Emails/0/Value").asText()).isEqualTo("ann@example.com");
    assertThat(user.get("IdentityStoreId").asText()).isEqualTo(SandboxIdentityCenter.STORE_ID);
  }

  @Test
  void listGroupsIsGroupEntriesAndTheNextToken() throws Exception {
    ic.store.createGroup("Engineers", "People who build");
    ic.store.createGroup("Ops");
    JsonNode ctx = context("aws-iam-identitycenter-list-groups", "limit=1");
    assertThat(ctx.properties()).extracting(e -> e.getKey())
        .containsExactly("AWS.IAMIdentityCenter.Group", "AWS.IAMIdentityCenter.GroupNextToken");
    JsonNode group = ctx.get("AWS.IAMIdentityCenter.Group").get(0);
    assertThat(group.properties()).extracting(e -> e.getKey()).startsWith("GroupId", "DisplayName");
    assertThat(group.get("IdentityStoreId").asText()).isEqualTo(SandboxIdentityCenter.STORE_ID);

    JsonNode last = context("aws-iam-identitycenter-list-groups", "nextToken="
        + ctx.get("AWS.IAMIdentityCenter.GroupNextToken").asText());
    assertThat(last.properties()).extracting(e -> e.getKey()).containsExactly("AWS.IAMIdentityCenter.Group");
  }

  @Test
  void membershipsHangOffTheirUserOrGroup() throws Exception {
    var eng = ic.store.createGroup("Engineers");
    ic.store.addMember(eng, ann);
    JsonNode ofUser = context("aws-iam-identitycenter-list-groups-for-user", "userName=ann");
    assertThat(ofUser.at("/AWS.IAMIdentityCenter.User/GroupMemberships/0/GroupName").asText()).isEqualTo("Engineers");
    JsonNode ofGroup = context("aws-iam-identitycenter-list-memberships", "groupName=Engineers");
    assertThat(ofGroup.at("/AWS.IAMIdentityCenter.Group/GroupMemberships/0/UserName").asText()).isEqualTo("ann");
    context("aws-iam-identitycenter-list-users");
    context("aws-iam-identitycenter-get-user-by-email", "emailAddress=ann@example.com");
    context("aws-iam-identitycenter-get-group", "groupName=Engineers");
    context("aws-iam-identitycenter-add-user-to-group", "userName=ann", "groupName=Engineers");
    context("aws-iam-identitycenter-update-user", "userName=ann", "title=Lead");
    context("aws-iam-identitycenter-update-group", "displayName=Engineers", "description=Builders");
    context("aws-iam-identitycenter-create-group", "displayName=Ops");
    context("aws-iam-identitycenter-remove-user-from-all-groups", "userName=ann");
    context("aws-iam-identitycenter-create-user", "userName=bob", "familyName=Ray", "givenName=Bob",
        "userEmailAddress=bob@example.com", "displayName=Bob Ray");
  }

  /** "AWS.IAMIdentityCenter.User.Name.GivenName" and so on: list elements share their list's path. */
  static List<String> leafPaths(JsonNode ctx) {
    var out = new ArrayList<String>();
    ctx.properties().forEach(e -> collect(e.getKey(), e.getValue(), out));
    return out;
  }

  private static void collect(String path, JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> collect(path + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray() && !node.isEmpty()) {
      node.forEach(element -> collect(path, element, out));
    } else {
      out.add(path);
    }
  }
}
