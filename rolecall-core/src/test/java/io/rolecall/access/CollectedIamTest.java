package io.rolecall.access;

import static io.rolecall.access.TruthEstate.D;
import static io.rolecall.access.TruthEstate.M;
import static io.rolecall.access.TruthEstate.P;
import static io.rolecall.access.TruthEstate.role;
import static io.rolecall.access.TruthEstate.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.AccountSelection;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.InventorySync;
import io.rolecall.inventory.Item;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.RateLimits;
import io.rolecall.render.Json;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The graph on items the real IamCollector produced: the sandbox holds {@link CollectedEstate}, `inventory sync`
 * collects its IAM through the SDK over HTTP, and the graph built from the store answers exactly as the one built
 * from the same estate written by hand, so the item shapes the graph relies on are the collector's.
 */
class CollectedIamTest {
  static final List<String> ACCOUNTS = List.of(M, P, D);

  final Sandbox sb = Sandbox.start();
  Path dir;

  @AfterEach
  void close() throws Exception {
    sb.close();
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  List<Item> collected() throws Exception {
    CollectedEstate.write(new SandboxWriter(sb));
    var operator = sb.account(M).iam().createAccessKey("operator");
    var settings = AuthSettings.builder().region("us-east-1").accessKey(operator.accessKeyId())
        .secretKey(Secret.of(operator.secretAccessKey())).roleName(CollectedEstate.AUDIT_ROLE)
        .externalId(CollectedEstate.EXTERNAL_ID).endpointUrl(sb.endpoint()).retries(2).build();
    dir = Files.createTempDirectory("rolecall-access");
    try (var store = new InventoryStore(Store.open(dir.resolve("access.db").toString())); var sessions = new Sessions()) {
      var request = new InventorySync.Request(AccountSelection.of(ACCOUNTS), List.of("us-east-1"),
          EnumSet.of(io.rolecall.inventory.Part.IAM), 3, Duration.ofDays(1));
      var result = new InventorySync(sessions, store, new RateLimits(), Clock.systemUTC()).run(settings, request,
          InventorySync.Listener.NONE);
      assertThat(result.failed()).isZero();
      var items = new ArrayList<Item>();
      store.items(io.rolecall.inventory.View.run(result.runId()), List.of(Kind.values()), List.of(),
          s -> items.add(s.item()));
      return items;
    }
  }

  static List<Item> handWritten() {
    var w = new ItemsWriter(new EstateItems(arn -> AwsManagedPolicies.byArn(arn).map(p -> parse(p.document().json()))
        .orElse(null)));
    CollectedEstate.write(w);
    return w.items();
  }

  static final Coverage COVERAGE = new Coverage(Set.copyOf(ACCOUNTS), false, false, java.util.Map.of());

  @Test
  void collectedItemsAnswerExactlyAsHandWrittenOnes() throws Exception {
    var fromStore = AccessGraph.of(collected(), COVERAGE);
    var byHand = AccessGraph.of(handWritten(), COVERAGE);
    for (String account : ACCOUNTS) {
      var a = fromStore.who(account, Level.READ);
      var b = byHand.who(account, Level.READ);
      assertThat(a.coverage()).as("coverage of who --account " + account).isEqualTo(b.coverage());
      assertThat(a.principals().stream().map(r -> Json.write(r.json())).toList()).as("who --account " + account)
          .containsExactlyElementsOf(b.principals().stream().map(r -> Json.write(r.json())).toList());
      assertThat(a.principals()).extracting(Reach::levelGrant).isEqualTo(b.principals().stream().map(Reach::levelGrant)
          .toList());
    }
    assertThat(GraphFindings.of(fromStore, GraphFindings.Thresholds.DEFAULTS))
        .isEqualTo(GraphFindings.of(byHand, GraphFindings.Thresholds.DEFAULTS));
    // Not vacuous: the facts of the truth table that this estate shares hold on the collected graph.
    var who = fromStore.who(D, Level.READ).principals();
    assertThat(who).filteredOn(r -> r.principal().equals(user(M, "alice"))).singleElement()
        .satisfies(r -> assertThat(r.level()).isEqualTo(Level.ADMIN));
    assertThat(who).extracting(Reach::principal).contains(user(M, "carol"), user(D, "frank"))
        .doesNotContain(user(M, "bob"));
    var prod = fromStore.who(P, Level.ESCALATE).principals();
    assertThat(prod).filteredOn(r -> r.level() == Level.ESCALATE).extracting(Reach::principal)
        .containsExactlyInAnyOrder(user(P, "esc-cpv"), user(P, "esc-pup"), user(P, "esc-agp"), user(P, "esc-autg"),
            user(P, "esc-cak"), user(P, "esc-ulp"), user(P, "esc-uarp"));
    var findings = GraphFindings.of(fromStore, GraphFindings.Thresholds.DEFAULTS);
    assertThat(findings).extracting(f -> f.rule().id() + " " + f.principal()).contains(
        "external-principal-reaches-admin arn:aws:iam::999999999999:root",
        "user-without-mfa-reaches-admin " + user(M, "erin"));
  }

  /**
   * The sandbox enforces trust policies and identity policies on AssumeRole: for every IAM user and role of the
   * estate, AssumeRole through the SDK succeeds exactly where the graph has an unconditional can-assume edge.
   * Two documented differences are left out: conditional trusts (the graph keeps conditions, the sandbox judges
   * them), and same-account trusts naming the user, which AWS honours without an identity permission and the
   * sandbox does not.
   */
  @Test
  void directEdgesAgreeWithTheSandboxsAssumeRole() throws Exception {
    var graph = AccessGraph.of(collected(), COVERAGE);
    var roles = new ArrayList<String>();
    var users = new ArrayList<String[]>();
    for (String a : ACCOUNTS) {
      sb.account(a).iam().roles().forEach(r -> roles.add(r.arn()));
      sb.account(a).iam().users().forEach(u -> users.add(new String[] {a, u.name()}));
    }
    int checked = 0;
    for (String[] u : users) {
      String arn = user(u[0], u[1]);
      if (u[1].equals("operator")) {
        continue; // no identity policy: the sandbox lets it do anything (its documented convenience)
      }
      var key = sb.account(u[0]).iam().createAccessKey(u[1]);
      try (var sts = StsClient.builder().endpointOverride(sb.endpoint()).region(Region.US_EAST_1)
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(),
              key.secretAccessKey()))).build()) {
        for (String r : roles) {
          var edge = graph.path(AccessInput.principal("--from", arn), r).paths().stream()
              .filter(p -> p.path().size() == 1).findFirst();
          boolean conditional = edge.isPresent() && !edge.get().conditions().isEmpty();
          boolean named = edge.isPresent() && edge.get().path().getFirst().grant().endsWith("(no identity permission needed)");
          if (conditional || named) {
            continue;
          }
          boolean assumed;
          try {
            sts.assumeRole(b -> b.roleArn(r).roleSessionName("graph-check"));
            assumed = true;
          } catch (StsException e) {
            assumed = false;
          }
          assertThat(assumed).as(arn + " assumes " + r).isEqualTo(edge.isPresent());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(graph.path(AccessInput.principal("--from", user(M, "alice")), role(P, "Deployer")).paths()).isNotEmpty();
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
