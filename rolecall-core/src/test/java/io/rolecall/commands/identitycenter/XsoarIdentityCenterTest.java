package io.rolecall.commands.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandExecutor;
import io.rolecall.command.Execution;
import io.rolecall.command.XsoarKeys;
import io.rolecall.commands.Commands;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import io.rolecall.store.Store;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13's Identity Center items, through the SDK against the sandbox (and, for item 14, a bare HTTP server). */
class XsoarIdentityCenterTest {
  static final String P = "AWS.IAMIdentityCenter.";
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final Sessions sessions = new Sessions();

  @TempDir
  Path dir;
  Store store;

  @AfterEach
  void close() {
    sessions.close();
    if (store != null) {
      store.close();
    }
    sb.close();
  }

  AuthSettings settings() {
    return AuthSettings.builder().region("us-east-1").endpointUrl(sb.endpoint()).accessKey(ops.accessKeyId())
        .secretKey(Secret.of(ops.secretAccessKey())).retries(0).build();
  }

  Execution run(String command, Map<String, String> args) {
    if (store == null) {
      store = Store.open(dir.resolve("rolecall.db").toString());
    }
    var executor = new CommandExecutor(Commands.registry(), sessions, store::auditJournal, "test", 4, Clock.systemUTC());
    return executor.execute(settings(), command, args);
  }

  IdentityStore instance() {
    return sb.account("111111111111").identityCenter().createInstance();
  }

  @Test
  void createUserWithoutAnEmailAddress() {
    instance();
    var e = run("aws-iam-identitycenter-create-user", Map.of("userName", "ann", "familyName", "Lee",
        "givenName", "Ann", "displayName", "Ann Lee"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    @SuppressWarnings("unchecked")
    var user = (Map<String, Object>) e.context().get(P + "User");
    assertThat(user).containsEntry("UserName", "ann").containsKey("UserId").doesNotContainKey("Emails");
  }

  @Test
  void groupNameAndDisplayNameAreOneArgument() {
    var s = instance();
    var group = s.createGroup("Engineers");
    s.addMember(group, s.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com"));
    s.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com");
    for (String name : List.of("groupName", "displayName")) {
      var listed = run("aws-iam-identitycenter-list-memberships", Map.of(name, "Engineers"));
      assertThat(listed.exitCode()).as(String.valueOf(listed.failures())).isZero();
      var got = run("aws-iam-identitycenter-get-group", Map.of(name, "Engineers"));
      assertThat(got.exitCode()).isZero();
    }
    var added = run("aws-iam-identitycenter-add-user-to-group", Map.of("userName", "bob", "displayName", "Engineers"));
    assertThat(added.exitCode()).as(String.valueOf(added.failures())).isZero();
    assertThat(s.membershipsOfGroup(group.groupId())).hasSize(2);
    var deleted = run("aws-iam-identitycenter-delete-group", Map.of("displayName", "Engineers"));
    assertThat(deleted.exitCode()).as(String.valueOf(deleted.failures())).isZero();
    assertThatThrownBy(() -> run("aws-iam-identitycenter-delete-group", Map.of("groupName", "A", "displayName", "A")))
        .isInstanceOf(UsageException.class).hasMessageContaining("groupName or as displayName");
  }

  @Test
  void listsPageFiftyByDefault() {
    var s = instance();
    for (int i = 0; i < 55; i++) {
      s.createGroup("g" + i);
    }
    var e = run("aws-iam-identitycenter-list-groups", Map.of());
    @SuppressWarnings("unchecked")
    var groups = (List<Object>) e.context().get(P + "Group");
    assertThat(groups).hasSize(50);
    assertThat(e.context()).containsKey(P + "GroupNextToken");
    var all = run("aws-iam-identitycenter-list-groups", Map.of("all", "true"));
    assertThat((List<?>) all.context().get(P + "Group")).hasSize(55);
  }

  @Test
  void nextPageTokensAreUnderUpstreamsKeys() {
    var s = instance();
    var ann = s.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var big = s.createGroup("Big");
    for (int i = 0; i < 3; i++) {
      var g = s.createGroup("g" + i);
      s.addMember(g, ann);
      s.addMember(big, s.createUser("u" + i, "U", "Ser", "U " + i, "u" + i + "@example.com"));
    }
    var groups = run("aws-iam-identitycenter-list-groups-for-user", Map.of("userName", "ann", "limit", "2"));
    @SuppressWarnings("unchecked")
    var user = (Map<String, Object>) groups.context().get(P + "User");
    assertThat(user.get("GroupsUserNextToken")).isNotNull();
    var members = run("aws-iam-identitycenter-list-memberships", Map.of("groupName", "Big", "limit", "2"));
    @SuppressWarnings("unchecked")
    var group = (Map<String, Object>) members.context().get(P + "Group");
    assertThat(group.get("GroupMembershipNextToken")).isNotNull();
    assertThat(groups.context()).doesNotContainKey(P + "GroupMembershipNextToken");
    assertThat(members.context()).doesNotContainKey(P + "GroupMembershipNextToken");
    var last = run("aws-iam-identitycenter-list-memberships", Map.of("groupName", "Big"));
    @SuppressWarnings("unchecked")
    var lastGroup = (Map<String, Object>) last.context().get(P + "Group");
    assertThat(lastGroup).containsEntry("GroupMembershipNextToken", null);
  }

  @Test
  void userOutputsDeclareUpstreamsLeaves() {
    var spec = Commands.registry().require("aws-iam-identitycenter-get-user").spec();
    var paths = spec.outputs().stream().map(o -> o.path()).toList();
    assertThat(paths).contains(P + "User.Name.MiddleName", P + "User.Name.HonorificPrefix",
        P + "User.Name.HonorificSuffix", P + "User.Addresses.StreetAddress", P + "User.PhoneNumbers.Value")
        .doesNotContain(P + "User.Addresses", P + "User.PhoneNumbers");
    var delete = Commands.registry().require("aws-iam-identitycenter-delete-group-membership").spec();
    assertThat(delete.outputs().stream().map(o -> o.path())).contains(P + "User.UserId",
        P + "User.RemovedGroupMemberships.MembershipId");
    assertThat(XsoarKeys.key(spec, P + "User")).isEqualTo(P + "User(val.UserId && val.UserId == obj.UserId)");
    assertThat(XsoarKeys.key(Commands.registry().require("aws-iam-identitycenter-get-group").spec(), P + "Group"))
        .isEqualTo(P + "Group(val.GroupId && val.GroupId == obj.GroupId)");
  }

  @Test
  void deletingTheMembershipsOfAUserInNoGroupFailsAsUpstream() {
    var s = instance();
    s.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var e = run("aws-iam-identitycenter-delete-group-membership", Map.of("userName", "ann"));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.failures()).singleElement().satisfies(f -> assertThat(f.error())
        .isEqualTo("User is not member of any group."));
    assertThat(e.context()).containsOnlyKeys(Execution.ERRORS);
  }

  @Test
  void storeIdsAnEmulatorMakesAndTheArnFormAreAccepted() {
    var spec = Commands.registry().require("aws-iam-identitycenter-get-user").spec();
    // An id an emulator makes (the sandbox itself makes AWS's form): refused by no rule of rolecall's.
    assertThat(io.rolecall.command.Arguments.parse(spec, Map.of("userName", "ann", "IdentityStoreId", "store-emulated-7"))
        .string("IdentityStoreId")).isEqualTo("store-emulated-7");
    var s = instance();
    s.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var byArn = run("aws-iam-identitycenter-get-user", Map.of("userName", "ann",
        "IdentityStoreId", "arn:aws:identitystore::111111111111:identitystore/" + s.id()));
    assertThat(byArn.exitCode()).as(String.valueOf(byArn.failures())).isZero();
    for (String bad : List.of("d 123", "x".repeat(37), "d-12;34")) {
      assertThatThrownBy(() -> run("aws-iam-identitycenter-get-user", Map.of("userName", "ann", "IdentityStoreId", bad)))
          .isInstanceOf(UsageException.class).hasMessageContaining("IdentityStoreId");
    }
  }

  @Test
  void aNotFoundAnsweredAsAServerErrorIsStillAOneLineNotFound() throws Exception {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{\"__type\":\"InternalFailure\",\"message\":\"No user matches: not found\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(500, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      var emulator = AuthSettings.builder().region("us-east-1")
          .endpointUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
          .accessKey("AKIAEXAMPLEEXAMPLE12").secretKey(Secret.of("secret-never-shown")).retries(0).build();
      var executor = new CommandExecutor(Commands.registry(), sessions, () -> {
        throw new AssertionError("a read journals nothing");
      }, "test", 4, Clock.systemUTC());
      var args = new HashMap<String, String>(Map.of("emailAddress", "ann@example.com", "IdentityStoreId", "d-1234567890"));
      var e = executor.execute(emulator, "aws-iam-identitycenter-get-user-by-email", args);
      assertThat(e.exitCode()).isEqualTo(1);
      assertThat(e.failures()).singleElement().satisfies(f -> assertThat(f.error())
          .isEqualTo("User with the email ann@example.com was not found in identity store d-1234567890.")
          .doesNotContain("\n").doesNotContain("secret-never-shown"));
    } finally {
      server.stop(0);
    }
  }
}
