package io.rolecall.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.AccountSelection;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.InventorySync;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.Part;
import io.rolecall.inventory.RateLimits;
import io.rolecall.inventory.View;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.external.ExternalTools;
import io.rolecall.sandbox.external.MotoServer;
import io.rolecall.store.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

/**
 * The Identity Center part of the roll call cross-checked against an emulator nobody here wrote. One estate is
 * made in moto (its own Identity Center instance, IAM with AWS's managed policies loaded) and the same in the
 * sandbox: what rolecall collects from moto equals what the AWS CLI lists there, and `access who` answers alike
 * on both. moto 5 has no GetPermissionsBoundaryForPermissionSet (HTTP 500); a pass-through in front of it answers
 * that one call as AWS does for a set without a boundary (ResourceNotFoundException), and nothing else. moto also
 * provisions only into the caller's own account, so the estate assigns in that one account, and only on an
 * explicit ProvisionPermissionSet (AWS provisions with the assignment), which the moto seeding therefore calls; and
 * it leaves no reserved role or SAML provider in the account, so the seeding makes them as AWS does.
 */
class IdentityCenterMotoIT {
  static final String ACCOUNT = "123456789012";
  static final String KEY = "AKIAROLECALLIDC00001";
  static final String SECRET = "moto-secret-not-checked";
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static MotoServer moto;
  static HttpServer shim;

  @BeforeAll
  static void start() throws IOException {
    boolean cli = ExternalTools.awsCli().isPresent();
    moto = cli ? MotoServer.startIfInstalled(Map.of("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")).orElse(null) : null;
    if (moto == null) {
      System.err.println("IdentityCenterMotoIT skipped: needs moto_server and the AWS CLI ('aws') on PATH");
    }
    Assumptions.assumeTrue(moto != null, "moto_server and the AWS CLI are needed");
    shim = boundaryShim(moto.endpoint());
  }

  @AfterAll
  static void stop() {
    if (shim != null) {
      shim.stop(0);
    }
    if (moto != null) {
      moto.close();
    }
  }

  /** Forwards everything to moto but GetPermissionsBoundaryForPermissionSet, answered as AWS does without one. */
  static HttpServer boundaryShim(URI target) throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    server.createContext("/", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (amzTarget != null && amzTarget.endsWith(".GetPermissionsBoundaryForPermissionSet")) {
          byte[] out = "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"No permissions boundary\"}"
              .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(400, out.length);
          exchange.getResponseBody().write(out);
          return;
        }
        var request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
            .timeout(Duration.ofSeconds(30))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
          if (!Set.of("host", "content-length", "connection", "expect").contains(name.toLowerCase())) {
            values.forEach(v -> request.header(name, v));
          }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
          if (!Set.of("content-length", "transfer-encoding", "connection", ":status").contains(name.toLowerCase())) {
            values.forEach(v -> exchange.getResponseHeaders().add(name, v));
          }
        });
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        exchange.getResponseBody().write(response.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
    return server;
  }

  static URI shimEndpoint() {
    return URI.create("http://127.0.0.1:" + shim.getAddress().getPort());
  }

  /** In moto: ann and bob in "admins", carol in "readers"; Admin (AdministratorAccess) to admins, ReadOnly to carol. */
  static void seedMoto() {
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
    try (var http = UrlConnectionHttpClient.create();
        var sso = SsoAdminClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(creds).httpClient(http).build();
        var ids = IdentitystoreClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(creds).httpClient(http).build();
        var iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
            .credentialsProvider(creds).httpClient(http).build()) {
      iam.createRole(r -> r.roleName("RolecallAudit").assumeRolePolicyDocument(
          TrustPolicy.trustingAccount(ACCOUNT).json()));
      iam.attachRolePolicy(r -> r.roleName("RolecallAudit").policyArn("arn:aws:iam::aws:policy/SecurityAudit"));
      var instance = sso.listInstances(r -> { }).instances().getFirst();
      String store = instance.identityStoreId();
      String ann = user(ids, store, "ann");
      String bob = user(ids, store, "bob");
      String carol = user(ids, store, "carol");
      String admins = ids.createGroup(r -> r.identityStoreId(store).displayName("admins")).groupId();
      String readers = ids.createGroup(r -> r.identityStoreId(store).displayName("readers")).groupId();
      for (var m : List.of(List.of(admins, ann), List.of(admins, bob), List.of(readers, carol))) {
        ids.createGroupMembership(r -> r.identityStoreId(store).groupId(m.get(0)).memberId(id -> id.userId(m.get(1))));
      }
      String admin = sso.createPermissionSet(r -> r.instanceArn(instance.instanceArn()).name("Admin"))
          .permissionSet().permissionSetArn();
      sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(admin)
          .managedPolicyArn(ADMIN));
      String ro = sso.createPermissionSet(r -> r.instanceArn(instance.instanceArn()).name("ReadOnly"))
          .permissionSet().permissionSetArn();
      sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(ro)
          .managedPolicyArn(READ_ONLY));
      sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(ro)
          .inlinePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\","
              + "\"Resource\":\"arn:aws:s3:::secrets/*\"}]}"));
      for (var a : List.of(List.of(admin, "GROUP", admins), List.of(ro, "USER", carol))) {
        sso.createAccountAssignment(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(a.get(0))
            .principalType(PrincipalType.fromValue(a.get(1))).principalId(a.get(2)).targetId(ACCOUNT)
            .targetType(TargetType.AWS_ACCOUNT));
        // AWS provisions the set into the account with the assignment; moto only on ProvisionPermissionSet.
        sso.provisionPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(a.get(0))
            .targetType(software.amazon.awssdk.services.ssoadmin.model.ProvisionTargetType.AWS_ACCOUNT)
            .targetId(ACCOUNT));
      }
      // What provisioning leaves in the member account, which moto does not make: the SAML provider and one
      // reserved role per set, named, placed, trusted and given the set's policies as AWS does.
      String provider = iam.createSAMLProvider(r -> r.name("AWSSSO_0123456789abcdef_DO_NOT_DELETE")
          .samlMetadataDocument(SAML_METADATA)).samlProviderArn();
      String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
          + provider + "\"},\"Action\":[\"sts:AssumeRoleWithSAML\",\"sts:TagSession\"],\"Condition\":{\"StringEquals\":"
          + "{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}}]}";
      for (var r : List.of(List.of("AWSReservedSSO_Admin_0a1b2c3d4e5f6a7b", ADMIN),
          List.of("AWSReservedSSO_ReadOnly_7b6a5f4e3d2c1b0a", READ_ONLY))) {
        iam.createRole(x -> x.roleName(r.get(0)).path("/aws-reserved/sso.amazonaws.com/").assumeRolePolicyDocument(trust));
        iam.attachRolePolicy(x -> x.roleName(r.get(0)).policyArn(r.get(1)));
      }
      iam.putRolePolicy(x -> x.roleName("AWSReservedSSO_ReadOnly_7b6a5f4e3d2c1b0a").policyName("AwsSSOInlinePolicy")
          .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\","
              + "\"Resource\":\"arn:aws:s3:::secrets/*\"}]}"));
    }
  }

  /** A minimal SAML metadata document, which IAM requires to create a provider. */
  static final String SAML_METADATA = "<?xml version=\"1.0\"?><md:EntityDescriptor xmlns:md=\""
      + "urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://portal.sso.us-east-1.amazonaws.com/saml\">"
      + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"
      + "</md:EntityDescriptor>";

  private static String user(IdentitystoreClient ids, String store, String name) {
    return ids.createUser(r -> r.identityStoreId(store).userName(name).displayName(name)
        .name(n -> n.givenName(name).familyName("Test"))).userId();
  }

  /** The same estate in the sandbox, in an account of the same id. */
  static void seedSandbox(Sandbox sb) {
    var account = sb.account(ACCOUNT);
    account.iam().createRole("RolecallAudit", TrustPolicy.trustingAccount(ACCOUNT));
    account.iam().attachRolePolicy("RolecallAudit", "arn:aws:iam::aws:policy/SecurityAudit");
    var store = account.identityCenter().createInstance("us-east-1", "d-5a6b7c8d9e");
    var ann = store.createUser("ann", "ann", "Test", "ann", "ann@example.com");
    var bob = store.createUser("bob", "bob", "Test", "bob", "bob@example.com");
    var carol = store.createUser("carol", "carol", "Test", "carol", "carol@example.com");
    var admins = store.createGroup("admins");
    var readers = store.createGroup("readers");
    store.addMember(admins, ann);
    store.addMember(admins, bob);
    store.addMember(readers, carol);
    var sso = account.ssoAdmin().instance();
    var admin = sso.createPermissionSet("Admin");
    sso.attachManagedPolicy(admin.arn(), ADMIN);
    var ro = sso.createPermissionSet("ReadOnly");
    sso.attachManagedPolicy(ro.arn(), READ_ONLY);
    sso.putInlinePolicy(ro.arn(), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::secrets/*\"}]}");
    sso.assign(admin, ACCOUNT, admins);
    sso.assign(ro, ACCOUNT, carol);
  }

  static InventoryStore sync(URI endpoint, String key, String secret, String name) throws Exception {
    var settings = AuthSettings.builder().region("us-east-1").accessKey(key).secretKey(Secret.of(secret))
        .roleName("RolecallAudit").endpointUrl(endpoint).retries(2).build();
    var store = new InventoryStore(Store.open(Files.createTempDirectory("rolecall-idc-" + name)
        .resolve("store.db").toString()));
    try (var sessions = new Sessions()) {
      var request = new InventorySync.Request(AccountSelection.of(List.of(ACCOUNT)), List.of("us-east-1"),
          EnumSet.of(Part.IAM, Part.IDENTITYCENTER), 1, Duration.ofDays(1));
      var result = new InventorySync(sessions, store, new RateLimits(), Clock.systemUTC()).run(settings, request,
          InventorySync.Listener.NONE);
      assertThat(result.failed()).as(result.accounts().toString()).isZero();
    }
    return store;
  }

  static List<JsonNode> items(InventoryStore store, Kind kind) {
    var out = new ArrayList<JsonNode>();
    store.items(View.current(), List.of(kind), List.of(), s -> out.add(s.item().data()));
    return out;
  }

  static JsonNode cli(String... command) throws Exception {
    return AwsCliJson.run(moto.endpoint(), KEY, SECRET, command);
  }

  @Test
  void whatIsCollectedFromMotoIsWhatTheAwsCliListsAndAccessAnswersAsOnTheSandbox() throws Exception {
    seedMoto();
    try (var fromMoto = sync(shimEndpoint(), KEY, SECRET, "moto")) {
      String instance = cli("sso-admin", "list-instances").at("/Instances/0/InstanceArn").asText();
      String storeId = cli("sso-admin", "list-instances").at("/Instances/0/IdentityStoreId").asText();

      // Permission sets, their managed policies and inline policies.
      var sets = items(fromMoto, Kind.PERMISSION_SET);
      var cliSets = new TreeSet<String>();
      for (JsonNode arn : cli("sso-admin", "list-permission-sets", "--instance-arn", instance).get("PermissionSets")) {
        String name = cli("sso-admin", "describe-permission-set", "--instance-arn", instance, "--permission-set-arn",
            arn.asText()).at("/PermissionSet/Name").asText();
        var managed = new TreeSet<String>();
        cli("sso-admin", "list-managed-policies-in-permission-set", "--instance-arn", instance, "--permission-set-arn",
            arn.asText()).get("AttachedManagedPolicies").forEach(p -> managed.add(p.get("Arn").asText()));
        cliSets.add(name + " " + managed);
      }
      TreeSet<String> collectedSets = sets.stream()
          .map(s -> s.get("name").asText() + " " + new TreeSet<>(strings(s.get("awsManagedPolicies"))))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(collectedSets).isEqualTo(cliSets);
      assertThat(sets).filteredOn(s -> s.get("name").asText().equals("ReadOnly")).singleElement()
          .satisfies(s -> assertThat(s.at("/inlinePolicy/Statement/0/Effect").asText()).isEqualTo("Deny"));

      // Assignments, per set and provisioned account, as the AWS CLI lists them.
      var assignments = items(fromMoto, Kind.ACCOUNT_ASSIGNMENT).stream().map(a -> a.get("permissionSetArn").asText()
          + " " + a.get("principalType").asText() + " " + a.get("principalId").asText())
          .collect(Collectors.toCollection(TreeSet::new));
      var cliAssignments = new TreeSet<String>();
      for (JsonNode arn : cli("sso-admin", "list-permission-sets", "--instance-arn", instance).get("PermissionSets")) {
        cli("sso-admin", "list-account-assignments", "--instance-arn", instance, "--account-id", ACCOUNT,
            "--permission-set-arn", arn.asText()).get("AccountAssignments").forEach(a -> cliAssignments.add(
                a.get("PermissionSetArn").asText() + " " + a.get("PrincipalType").asText() + " "
                    + a.get("PrincipalId").asText()));
      }
      assertThat(assignments).hasSize(2).isEqualTo(cliAssignments);

      // Groups and their members.
      var groups = items(fromMoto, Kind.IDC_GROUP).stream().collect(Collectors.toMap(g -> g.get("groupId").asText(),
          g -> new TreeSet<>(strings(g.get("members")))));
      for (JsonNode g : cli("identitystore", "list-groups", "--identity-store-id", storeId).get("Groups")) {
        var members = new TreeSet<String>();
        cli("identitystore", "list-group-memberships", "--identity-store-id", storeId, "--group-id",
            g.get("GroupId").asText()).get("GroupMemberships").forEach(m -> members.add(m.at("/MemberId/UserId").asText()));
        assertThat(groups.get(g.get("GroupId").asText())).as(g.get("DisplayName").asText()).isEqualTo(members);
      }
      assertThat(items(fromMoto, Kind.IDC_USER)).hasSize(cli("identitystore", "list-users", "--identity-store-id",
          storeId).get("Users").size());

      // The same estate in the sandbox: `access who` gives the same principals, kinds and levels on both.
      try (var sb = Sandbox.start()) {
        seedSandbox(sb);
        var key = sb.account(ACCOUNT).iam().createUserWithAccessKey("operator");
        try (var fromSandbox = sync(sb.endpoint(), key.accessKeyId(), key.secretAccessKey(), "sandbox")) {
          for (Level level : List.of(Level.ADMIN, Level.READ)) {
            var onMoto = answers(fromMoto, level);
            var onSandbox = answers(fromSandbox, level);
            assertThat(onMoto).as(level + " on moto").contains("idc-user ann " + Level.ADMIN.id(),
                "idc-user bob " + Level.ADMIN.id());
            assertThat(onMoto).as(level.id()).isEqualTo(onSandbox);
          }
        }
      }
    }
  }

  /** Who reaches the account at {@code level} or above, as "kind name level", IAM users of the tools left out. */
  static TreeSet<String> answers(InventoryStore store, Level level) {
    var graph = StoreGraph.current(store, Instant.now(), Duration.ofDays(7));
    return graph.who(ACCOUNT, level).principals().stream()
        .filter(p -> !(p.kind().equals("iam-user") && p.name().equals("operator")))
        .map(p -> p.kind() + " " + p.name() + " " + p.level().id())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> strings(JsonNode array) {
    var out = new ArrayList<String>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
