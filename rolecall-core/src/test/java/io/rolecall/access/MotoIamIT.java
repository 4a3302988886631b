package io.rolecall.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.AccountSelection;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.InventorySync;
import io.rolecall.inventory.Item;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.RateLimits;
import io.rolecall.sandbox.external.ExternalTools;
import io.rolecall.sandbox.external.MotoServer;
import io.rolecall.store.Store;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The graph on an emulator nobody here wrote, with AWS's own managed policy documents (moto's copies, loaded with
 * MOTO_IAM_LOAD_MANAGED_POLICIES): AdministratorAccess is admin, PowerUserAccess (NotAction iam:*) is write,
 * IAMFullAccess escalates, and ReadOnlyAccess, SecurityAudit and ViewOnlyAccess, whose thousands of actions include
 * Validate*, Detect* and Batch*, are read. The documents judged are the ones the AWS CLI shows as default versions.
 */
class MotoIamIT {
  static final String ACCOUNT = "123456789012";
  static final String KEY = "AKIAROLECALLACCESS01";
  static final String SECRET = "moto-secret-not-checked";
  static MotoServer moto;

  @BeforeAll
  static void start() {
    boolean cli = ExternalTools.awsCli().isPresent();
    moto = cli ? MotoServer.startIfInstalled(Map.of("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")).orElse(null) : null;
    if (moto == null) {
      System.err.println("MotoIamIT skipped: needs moto_server and the AWS CLI ('aws') on PATH");
    }
    Assumptions.assumeTrue(moto != null, "moto_server and the AWS CLI are needed");
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  static String user(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
  }

  static String aws(String name) {
    return "arn:aws:iam::aws:policy/" + name;
  }

  @Test
  void awsManagedPoliciesAreJudgedFromTheirRealDocuments() throws Exception {
    seed();
    var items = collect();
    var graph = AccessGraph.of(items, Coverage.of(List.of(ACCOUNT), false, false));
    var levels = new java.util.TreeMap<String, Level>();
    graph.who(ACCOUNT, Level.READ).principals().forEach(r -> levels.put(r.principal(), r.level()));
    assertThat(levels).containsEntry(user("admin"), Level.ADMIN)
        .containsEntry(user("power"), Level.WRITE)
        .containsEntry(user("iamfull"), Level.ESCALATE)
        .containsEntry(user("reader"), Level.READ)
        .containsEntry(user("auditor"), Level.READ)
        .containsEntry(user("viewer"), Level.READ)
        .containsEntry(user("dev"), Level.WRITE);
    var dev = graph.who(ACCOUNT, Level.WRITE).principals().stream().filter(r -> r.principal().equals(user("dev")))
        .findFirst().orElseThrow();
    assertThat(dev.path()).extracting(Hop::to).containsExactly("arn:aws:iam::" + ACCOUNT + ":role/Deploy");
    assertThat(dev.levelGrant()).startsWith(aws("PowerUserAccess") + " statement");
    var iamfull = GraphFindings.of(graph, GraphFindings.Thresholds.DEFAULTS).stream()
        .filter(f -> f.principal().equals(user("iamfull"))).map(f -> f.rule().id() + ": " + f.evidence()).toList();
    assertThat(iamfull).anySatisfy(e -> assertThat(e).startsWith("privilege-escalation-to-admin: can make itself admin:"
        + " attach-user-policy"));

    // What the graph judged is what AWS (here: moto, through the AWS CLI) holds as each policy's default version.
    for (String name : List.of("PowerUserAccess", "ReadOnlyAccess", "SecurityAudit", "job-function/ViewOnlyAccess", "IAMFullAccess")) {
      String version = cli("iam get-policy --policy-arn " + aws(name)).at("/Policy/DefaultVersionId").asText();
      JsonNode document = cli("iam get-policy-version --policy-arn " + aws(name) + " --version-id " + version)
          .at("/PolicyVersion/Document");
      var stored = items.stream().filter(i -> i.kind() == Kind.AWS_POLICY && i.id().equals(aws(name))).findFirst()
          .orElseThrow().data().get("document");
      assertThat(stored).as(name).isEqualTo(document);
    }
  }

  private static void seed() {
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
    try (var iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
        .credentialsProvider(creds).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      String root = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
          + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
      iam.createRole(r -> r.roleName("RolecallAudit").assumeRolePolicyDocument(root));
      iam.createRole(r -> r.roleName("Deploy").assumeRolePolicyDocument(root));
      iam.attachRolePolicy(r -> r.roleName("Deploy").policyArn(aws("PowerUserAccess")));
      var attached = Map.of("admin", "AdministratorAccess", "power", "PowerUserAccess", "iamfull", "IAMFullAccess",
          "reader", "ReadOnlyAccess", "auditor", "SecurityAudit", "viewer", "job-function/ViewOnlyAccess");
      attached.forEach((u, p) -> {
        iam.createUser(r -> r.userName(u));
        iam.attachUserPolicy(r -> r.userName(u).policyArn(aws(p)));
      });
      iam.createGroup(r -> r.groupName("deployers"));
      iam.putGroupPolicy(r -> r.groupName("deployers").policyName("assume").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
              + "\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":role/Deploy\"}]}"));
      iam.createUser(r -> r.userName("dev"));
      iam.addUserToGroup(r -> r.groupName("deployers").userName("dev"));
    }
  }

  private static List<Item> collect() throws Exception {
    var settings = AuthSettings.builder().region("us-east-1").accessKey(KEY).secretKey(Secret.of(SECRET))
        .roleName("RolecallAudit").endpointUrl(moto.endpoint()).retries(2).build();
    var dir = Files.createTempDirectory("rolecall-access-moto");
    try (var store = new InventoryStore(Store.open(dir.resolve("moto.db").toString())); var sessions = new Sessions()) {
      var request = new InventorySync.Request(AccountSelection.of(List.of(ACCOUNT)), List.of("us-east-1"),
          EnumSet.of(io.rolecall.inventory.Part.IAM), 1, Duration.ofDays(1));
      var result = new InventorySync(sessions, store, new RateLimits(), Clock.systemUTC()).run(settings, request,
          InventorySync.Listener.NONE);
      assertThat(result.accounts().getFirst().error()).isNull();
      var items = new ArrayList<Item>();
      store.items(io.rolecall.inventory.View.run(result.runId()), List.of(Kind.values()), List.of(),
          s -> items.add(s.item()));
      return items;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The AWS CLI against moto, its output to a file so the timeout fires even if the CLI hangs. */
  private static JsonNode cli(String command) throws Exception {
    return AwsCliJson.run(moto.endpoint(), KEY, SECRET, command.split(" "));
  }
}
